import { sql } from "drizzle-orm";
import type { BrowserContextOptions, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { WallView } from "../../src/modules/walls/presenters.ts";
import { createPerson, startTestApp } from "../support/server.ts";
import {
  adminCaller,
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  signedInStaff,
  useBrowserApp,
} from "./support.ts";

const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

// Sixty letters with no place to break: a pasted identifier, a long Finnish compound.
const longWord = "Kuntayhtymäneuvottelukuntaselvitystyöryhmäesityslistaluonnos";

async function expectFits(page: Page, where: string) {
  const { scrollWidth, widest } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} is wider than the phone; too wide: ${widest.join(", ")}`).toBeLessThanOrEqual(360);
}

/** On screen, inside the phone's width, and big enough for a finger (WCAG 2.5.8: 24 × 24 at least). */
async function expectOnScreen(locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, `${what} is not shown`).not.toBeNull();
  if (!box) return;
  expect(box.x, `${what} starts off screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends off screen`).toBeLessThanOrEqual(360);
  expect(box.y + box.height, `${what} is below the screen`).toBeLessThanOrEqual(740);
  expect(Math.min(box.width, box.height), `${what} is too small to tap`).toBeGreaterThanOrEqual(44);
}

/** Whether an element's text is cut off (wider than its box) instead of wrapping. */
const cutOff = (locator: Locator) => locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);

const focusedDescription = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return "body";
    return active.getAttribute("aria-label") ?? active.getAttribute("data-post-id") ?? active.id ?? active.tagName;
  });

describe("a wall on a phone (360 × 740, touch)", () => {
  const web = useBrowserApp(signedInStaff);
  const caller = () => adminCaller(web.staff.person);
  const makeWall = (input: Record<string, unknown> = {}) =>
    web.app.platform.services.walls.create(caller(), { title: "Seminaarin seinä", ...input });
  const participant = (hash: string) => ({
    actor: null,
    locale: "fi" as const,
    participantHash: hash,
    addressHash: `address-${hash}`,
    hasJoinCode: () => true,
  });

  async function openWall(wall: WallView, options: BrowserContextOptions = {}) {
    const opened = await openPage(web.browser, web.app, { ...phone, ...options });
    await opened.page.goto(`/w/${wall.slug}`);
    await opened.page.getByText("Päivittyy reaaliajassa").waitFor();
    return opened;
  }

  it("never gets wider than the screen on the wall, composer, presenter and settings pages; long words wrap; + is tappable", async () => {
    const wall = await makeWall({ title: `Seinä ${longWord}`, description: `Kuvaus ${longWord}` });
    await web.app.platform.services.posts.create(participant("long-word"), wall.id, {
      title: `Otsikko ${longWord}`,
      body: `Viesti, jossa on pitkä sana ${longWord} keskellä.`,
      idempotencyKey: "long-word-post",
    });
    const { page, context, errors } = await openWall(wall);
    await expectFits(page, "the wall");
    expect(await cutOff(page.getByRole("heading", { level: 1 })), "the wall's title is cut off").toBe(false);
    const post = page.getByRole("article").filter({ hasText: "Otsikko" });
    expect(await cutOff(post.locator(".post-title")), "the post's title is cut off").toBe(false);
    expect(await cutOff(post.locator(".post-body")), "the post's text is cut off").toBe(false);

    const plus = page.getByRole("button", { name: "Uusi viesti" });
    await expectOnScreen(plus, "the + button");
    await plus.tap();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("composer-body");
    await expectFits(page, "the wall with the composer open");
    await expectNoAxeViolations(page, "the wall on a phone with the composer open");

    const staff = await openPage(web.browser, web.app, { ...phone, storageState: web.staff.storageState });
    await staff.page.goto(`/w/${wall.slug}/present`);
    await staff.page.getByRole("img", { name: /QR-koodi/ }).waitFor();
    await expectFits(staff.page, "the presenter");
    await expectNoAxeViolations(staff.page, "the presenter on a phone");
    await staff.page.goto(`/w/${wall.slug}/settings`);
    await staff.page.getByRole("heading", { level: 1 }).waitFor();
    await expectFits(staff.page, "the settings");
    await expectNoAxeViolations(staff.page, "the settings on a phone");
    await staff.page.goto(`/w/${wall.slug}`);
    await staff.page.getByText("Päivittyy reaaliajassa").waitFor();
    await expectFits(staff.page, "the wall as a moderator");
    const menu = staff.page
      .getByRole("article")
      .filter({ hasText: "Otsikko" })
      .getByRole("button", { name: "Moderoi" });
    await menu.scrollIntoViewIfNeeded();
    await expectOnScreen(menu, "the moderation menu button");
    await menu.tap();
    await staff.page.getByRole("button", { name: "Piilota" }).waitFor();
    await expectFits(staff.page, "the wall with a moderation menu open");
    const hide = staff.page.getByRole("button", { name: "Piilota" });
    await hide.scrollIntoViewIfNeeded();
    await expectOnScreen(hide, "the menu's Hide button");
    await expectNoAxeViolations(staff.page, "the wall on a phone with a moderation menu open");
    expect([...errors, ...staff.errors]).toEqual([]);
    await staff.context.close();
    await context.close();
  });

  it("has no axe violations on an empty wall, and says it is empty", async () => {
    const wall = await makeWall({ title: "Tyhjä seinä" });
    const { page, context } = await openWall(wall);
    await page.getByText("Seinällä ei ole vielä viestejä").waitFor();
    expect(await page.getByRole("feed").count()).toBe(0);
    await expectNoAxeViolations(page, "an empty wall");
    // The first post still arrives live into a feed of its own.
    await web.app.platform.services.posts.create(participant("first"), wall.id, {
      body: "Ensimmäinen viesti",
      idempotencyKey: "first-post",
    });
    await page.getByRole("feed").getByRole("article").filter({ hasText: "Ensimmäinen viesti" }).waitFor();
    await expectNoAxeViolations(page, "the wall with its first post");
    await context.close();
  });

  it("returns focus to the + button after sending and after closing the composer", async () => {
    const wall = await makeWall();
    const { page, context } = await openWall(wall);
    const plus = page.getByRole("button", { name: "Uusi viesti" });
    await plus.tap();
    await page.getByLabel("Viesti", { exact: true }).fill("Puhelimella kirjoitettu");
    await page.getByRole("button", { name: "Lähetä" }).tap();
    await page.getByRole("article").filter({ hasText: "Puhelimella kirjoitettu" }).waitFor();
    await expect.poll(() => focusedDescription(page)).toBe("Uusi viesti");

    await plus.tap();
    await page.getByRole("button", { name: "Peruuta" }).tap();
    await expect.poll(() => focusedDescription(page)).toBe("Uusi viesti");

    // Opened with the N key (no button was focused): closing still lands on the + button.
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("n");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("composer-body");
    await page.keyboard.press("Escape");
    await expect.poll(() => focusedDescription(page)).toBe("Uusi viesti");
    await context.close();
  });

  it("likes and votes as toggle buttons that can be taken back, keeping focus, remembered after a reload", async () => {
    const wall = await makeWall();
    const { post: question } = await web.app.platform.services.posts.create(participant("asker"), wall.id, {
      kind: "question",
      body: "Milloin päätös tehdään?",
      idempotencyKey: "question",
    });
    const { page, context } = await openWall(wall);
    const post = page.getByRole("article").filter({ hasText: "Milloin päätös tehdään?" });
    const like = post.getByRole("button", { name: "Tykkää" });
    const vote = post.getByRole("button", { name: "Äänestä" });
    expect(await like.getAttribute("aria-pressed")).toBe("false");
    expect(await vote.getAttribute("aria-pressed")).toBe("false");

    await like.tap();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("true");
    await post.getByText("1 tykkäys").waitFor();
    expect(await like.evaluate((button) => button === document.activeElement)).toBe(true);
    await vote.tap();
    await post.getByText("1 ääni").waitFor();
    await expect.poll(() => vote.getAttribute("aria-pressed")).toBe("true");

    await page.reload();
    await page.getByText("Päivittyy reaaliajassa").waitFor();
    expect(await like.getAttribute("aria-pressed")).toBe("true");
    expect(await vote.getAttribute("aria-pressed")).toBe("true");

    await like.tap();
    await post.getByText("0 tykkäystä").waitFor();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("false");
    expect(await like.evaluate((button) => button === document.activeElement)).toBe(true);
    await vote.focus();
    await page.keyboard.press("Enter");
    await post.getByText("0 ääntä").waitFor();
    await expect.poll(() => vote.getAttribute("aria-pressed")).toBe("false");
    expect(await vote.evaluate((button) => button === document.activeElement)).toBe(true);

    const stored = await web.app.platform.services.walls.posts(
      { ...caller(), participantHash: null, addressHash: "x", hasJoinCode: () => true },
      wall.id,
    );
    const after = stored.posts.find((p) => p.id === question.id);
    expect([after?.likes, after?.votes]).toEqual([0, 0]);
    await context.close();
  });

  it("moves focus to the next post after deleting one's own post, or to the + button when none is left", async () => {
    const wall = await makeWall();
    await web.app.platform.services.posts.create(participant("someone"), wall.id, {
      body: "Jonkun muun viesti",
      idempotencyKey: "other-post",
    });
    const { page, context } = await openWall(wall);
    const plus = page.getByRole("button", { name: "Uusi viesti" });
    await plus.tap();
    await page.getByLabel("Viesti", { exact: true }).fill("Poistan tämän");
    await page.getByRole("button", { name: "Lähetä" }).tap();
    const mine = page.getByRole("article").filter({ hasText: "Poistan tämän" });
    await mine.getByRole("button", { name: "Poista" }).tap();
    await expect.poll(() => mine.count()).toBe(0);
    const other = page.getByRole("article").filter({ hasText: "Jonkun muun viesti" });
    await expect.poll(() => other.evaluate((article) => article === document.activeElement)).toBe(true);

    await plus.tap();
    await page.getByLabel("Viesti", { exact: true }).fill("Toinen poistettava");
    await page.getByRole("button", { name: "Lähetä" }).tap();
    await web.app.platform.services.posts.moderate(
      { ...caller(), participantHash: null, addressHash: "x", hasJoinCode: () => true },
      (await other.getAttribute("data-post-id")) as string,
      { action: "hide" },
    );
    await expect.poll(() => other.count()).toBe(0);
    await page
      .getByRole("article")
      .filter({ hasText: "Toinen poistettava" })
      .getByRole("button", { name: "Poista" })
      .tap();
    await page.getByText("Seinällä ei ole vielä viestejä").waitFor();
    await expect.poll(() => focusedDescription(page)).toBe("Uusi viesti");
    await context.close();
  });

  it("says plainly in the status line and the outbox when the connection is down", async () => {
    const wall = await makeWall();
    const { page, context } = await openWall(wall);
    await context.setOffline(true);
    const status = page.locator(".wall-connection");
    await expect.poll(() => status.textContent()).toMatch(/^Ei yhteyttä/);
    await page.getByRole("button", { name: "Uusi viesti" }).tap();
    await page.getByLabel("Viesti", { exact: true }).fill("Verkko on poikki");
    await page.getByRole("button", { name: "Lähetä" }).tap();
    const outbox = page.getByRole("region", { name: "Lähtevät viestisi" });
    await outbox.getByText(/Ei yhteyttä/).waitFor();
    await outbox.getByText("Odottaa yhteyttä – lähetetään, kun yhteys palaa").waitFor();
    await expectNoAxeViolations(page, "the wall offline with a post waiting");

    await context.setOffline(false);
    await page.getByText("Lähetetty").waitFor({ timeout: 15_000 });
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe("Päivittyy reaaliajassa");
    await context.close();
  });

  it("says the connection is down when the stream cannot be reached", async () => {
    const wall = await makeWall();
    const { page, context } = await openPage(web.browser, web.app, phone);
    // Every attempt to open the stream is refused, as behind a proxy that blocks it.
    await page.route("**/api/walls/*/events**", (route) => route.abort("connectionrefused"));
    await page.goto(`/w/${wall.slug}`);
    const status = page.locator(".wall-connection");
    await expect.poll(() => status.textContent()).toMatch(/^Ei yhteyttä/);
    await page.unroute("**/api/walls/*/events**");
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe("Päivittyy reaaliajassa");
    await context.close();
  });
});

describe("a wall on a phone when the server stops", () => {
  it("says the connection is down, not live", async () => {
    const [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    try {
      const person = await createPerson(app.database, "staff");
      const wall = await app.platform.services.walls.create(adminCaller(person), { title: "Katkeava seinä" });
      const { page, context } = await openPage(browser, app, phone);
      await page.goto(`/w/${wall.slug}`);
      const status = page.locator(".wall-connection");
      await expect.poll(() => status.textContent()).toBe("Päivittyy reaaliajassa");
      await app.server.close();
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Ei yhteyttä/);
      await context.close();
    } finally {
      await browser.close();
      await app.platform.close();
      await app.smtp.close();
    }
  });
});

describe("a wall of 2,000 posts on a phone (360 × 740, touch)", () => {
  const web = useBrowserApp(signedInStaff);
  const caller = () => adminCaller(web.staff.person);

  /** A wall with `count` posts, "Viesti 1" the newest, written straight into its table (fast). */
  async function wallWithPosts(count: number, title: string) {
    const wall = await web.app.platform.services.walls.create(caller(), { title });
    await web.app.database.db.execute(sql`
      insert into wall_posts (wall_id, body, body_html, author_name, participant_hash, idempotency_key, created_at, updated_at)
      select ${wall.id}::uuid, 'Viesti ' || n, '<p>Viesti ' || n || '</p>', 'Osallistuja ' || n, 'seed-' || n, 'seed-' || n,
             now() - make_interval(secs => n), now() - make_interval(secs => n)
      from generate_series(1, ${count}::int) as n`);
    return wall;
  }

  const articles = (page: Page) => page.getByRole("feed").getByRole("article");
  const positionOf = async (article: Locator) => ({
    text: (await article.locator(".post-body").textContent())?.trim(),
    posinset: await article.getAttribute("aria-posinset"),
    setsize: await article.getAttribute("aria-setsize"),
  });

  it("answers with a small first page, the feed's positions right across pages, older posts with and without JavaScript", async () => {
    const wall = await wallWithPosts(2000, "Iso seinä");
    const { page, context, errors } = await openPage(web.browser, web.app, phone);
    const response = await page.goto(`/w/${wall.slug}`);
    const documentBytes = (await response?.body())?.length ?? Number.POSITIVE_INFINITY;
    expect(documentBytes, "the wall page's HTML document").toBeLessThan(300 * 1024);
    await page.getByText("Päivittyy reaaliajassa").waitFor();
    await expectFits(page, "the wall of 2,000 posts");

    expect(await articles(page).count()).toBe(50);
    expect(await positionOf(articles(page).first())).toEqual({ text: "Viesti 1", posinset: "1", setsize: "2000" });
    expect(await positionOf(articles(page).nth(49))).toEqual({ text: "Viesti 50", posinset: "50", setsize: "2000" });

    // The next page is appended in place; the focus moves to its first post and the change is said.
    await page.getByRole("button", { name: "Vanhemmat viestit" }).click();
    await expect.poll(() => articles(page).count()).toBeGreaterThanOrEqual(100);
    const fifthFirst = articles(page).nth(50);
    expect(await positionOf(fifthFirst)).toEqual({ text: "Viesti 51", posinset: "51", setsize: "2000" });
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.postId))
      .toBe(await fifthFirst.getAttribute("data-post-id"));
    await page.getByRole("status").filter({ hasText: "50 vanhempaa viestiä lisättiin loppuun" }).waitFor();

    // A new post arrives at the top of a reader at the top: it is number 1 of 2,001, the others move one down.
    await web.app.platform.services.posts.create(
      { actor: null, locale: "fi", participantHash: "live", addressHash: "live", hasJoinCode: () => true },
      wall.id,
      { body: "Tuore viesti", idempotencyKey: "fresh-post" },
    );
    await page.evaluate(() => window.scrollTo({ top: 0 }));
    const fresh = articles(page).filter({ hasText: "Tuore viesti" });
    const waitingButton = page.getByRole("button", { name: /uusi viesti – näytä/ });
    await Promise.race([fresh.waitFor(), waitingButton.waitFor()]);
    if (await waitingButton.isVisible()) await waitingButton.click();
    expect(await positionOf(articles(page).first())).toEqual({ text: "Tuore viesti", posinset: "1", setsize: "2001" });
    expect(await positionOf(articles(page).nth(51))).toEqual({ text: "Viesti 51", posinset: "52", setsize: "2001" });
    await expectNoAxeViolations(page, "the wall of 2,000 posts after a page was appended");
    expect(errors).toEqual([]);
    await context.close();

    // Without JavaScript the same control is a link to the next page.
    const plain = await openPage(web.browser, web.app, { ...phone, javaScriptEnabled: false });
    await plain.page.goto(`/w/${wall.slug}`);
    await plain.page.getByRole("link", { name: "Vanhemmat viestit" }).click();
    await plain.page.waitForURL(/\?cursor=/);
    expect(await articles(plain.page).count()).toBe(50);
    // The first page is now the new post and Viesti 1–49, so this one starts at Viesti 50, number 51.
    expect(await positionOf(articles(plain.page).first())).toEqual({
      text: "Viesti 50",
      posinset: "51",
      setsize: "2001",
    });
    expect(await positionOf(articles(plain.page).nth(49))).toEqual({
      text: "Viesti 99",
      posinset: "100",
      setsize: "2001",
    });
    await plain.page.getByRole("link", { name: "Uusimmat viestit" }).waitFor();
    await plain.context.close();
  });

  it("answers a malformed cursor, or another wall's, with 400 and the newest posts; a stale one still pages on", async () => {
    const wall = await wallWithPosts(120, "Sivutettu seinä");
    const other = await wallWithPosts(60, "Toinen seinä");
    const api = (id: string, cursor: string) =>
      fetch(`${web.app.url}/api/walls/${id}/posts?limit=50&cursor=${encodeURIComponent(cursor)}`);
    const firstPage = async (id: string) =>
      ((await (await fetch(`${web.app.url}/api/walls/${id}/posts?limit=50`)).json()) as { nextCursor: string })
        .nextCursor;
    const ownCursor = await firstPage(wall.id);
    const otherCursor = await firstPage(other.id);

    const { page, context } = await openPage(web.browser, web.app, { ...phone, javaScriptEnabled: false });
    for (const cursor of ["not-a-cursor", "eyJzIjoid2FsbC1wb3N0cyJ9", otherCursor]) {
      const response = await page.goto(`/w/${wall.slug}?cursor=${encodeURIComponent(cursor)}`);
      expect(response?.status(), `the page with cursor ${cursor}`).toBe(400);
      await page.getByText("Sivutuslinkki on virheellinen tai vanhentunut").waitFor();
      expect(await positionOf(articles(page).first())).toEqual({ text: "Viesti 1", posinset: "1", setsize: "120" });
    }
    for (const cursor of ["not-a-cursor", "eyJzIjoid2FsbC1wb3N0cyJ9"]) {
      const response = await api(wall.id, cursor);
      expect(response.status, `the API with cursor ${cursor}`).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe("VALIDATION_FAILED");
    }

    // The post the cursor names is deleted: the link still opens the next page from its place.
    await web.app.database.db.execute(
      sql`update wall_posts set deleted_at = now() where wall_id = ${wall.id}::uuid and body = 'Viesti 50'`,
    );
    const stale = await page.goto(`/w/${wall.slug}?cursor=${encodeURIComponent(ownCursor)}`);
    expect(stale?.status()).toBe(200);
    expect(await positionOf(articles(page).first())).toEqual({ text: "Viesti 51", posinset: "50", setsize: "119" });
    const staleApi = await api(wall.id, ownCursor);
    expect(staleApi.status).toBe(200);
    expect(((await staleApi.json()) as { posts: { html: string }[] }).posts[0]?.html).toBe("<p>Viesti 51</p>");
    await context.close();
  });
});

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

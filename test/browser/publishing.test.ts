import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postFor } from "../../src/modules/publishing/test-fixture.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, signedInState } from "./support.ts";

describe("blog, news, archive, search and the front page in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof signedInState>>;
  let admin: Awaited<ReturnType<typeof signedInState>>;
  let slug = "";

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    staff = await signedInState(browser, app, "staff", "Sanna Valmistelija");
    admin = await signedInState(browser, app, "admin", "Aino Ylläpitäjä");
    const caller = {
      actor: { id: staff.person.id, name: staff.person.name, email: staff.person.email, role: "staff" as const },
      locale: "fi" as const,
    };
    const service = app.platform.services.publishingPosts;
    for (let i = 1; i <= 12; i++) {
      const { post } = await service.create(caller, postFor({ title: `Maakunnan muutoksesta, osa ${i}` }));
      await service.publish(caller, post.id);
    }
    const { post } = await service.create(
      caller,
      postFor({
        title: "Allianssilla hyvää palvelua saumattomasti",
        body: "Päällekkäisyyksien välttämiseksi on ehdotettu **allianssimallia**.\n\n![Kotkan satama](https://example.org/satama.jpg)",
        tags: ["allianssi"],
      }),
    );
    await service.publish(caller, post.id);
    slug = post.slug;
    await app.platform.services.office.set(
      { ...caller, actor: { ...caller.actor, id: admin.person.id, role: "admin" } },
      {
        name: "Muutostoimisto",
        address: "Karhulantie 30, 2. krs\n48600 Kotka",
        email: "muutostoimisto@example.fi",
        openingHours: { fi: "Ma–pe klo 9–15", sv: "Mån–fre kl. 9–15", en: "Mon–Fri 9–15" },
      },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lists posts with teasers and page links, and reads one with its social tags, canonical URL and print layout", async () => {
    const { page, context, errors } = await openPage(browser, app);
    await page.goto("/blog");
    await page.getByRole("heading", { level: 1, name: "Blogikirjoituksia" }).waitFor();
    expect(await page.locator("article.post-teaser").count()).toBe(10);
    expect(await page.getByRole("link", { name: "Tilaa RSS-syöte" }).getAttribute("href")).toBe("/feeds/rss.xml");
    expect(await page.getByRole("link", { name: "Tilaa uutiskirje" }).getAttribute("href")).toBe("/newsletter");
    expect(await page.getByRole("link", { name: "Siirry arkistoon" }).getAttribute("href")).toBe("/blog/archive");
    expect(
      await page.locator('head link[rel="alternate"][type="application/rss+xml"]').first().getAttribute("href"),
    ).toBe("/feeds/rss.xml");
    await expectNoAxeViolations(page, "blog list");
    await page.getByRole("link", { name: "Seuraava sivu" }).click();
    await page.waitForURL(/cursor=/);
    expect(await page.locator("article.post-teaser").count()).toBe(3);
    await expectNoAxeViolations(page, "blog list, second page");

    await page.goto("/blog");
    await page.getByRole("link", { name: "Lue koko juttu: Allianssilla hyvää palvelua saumattomasti" }).click();
    await page.getByRole("heading", { level: 1, name: "Allianssilla hyvää palvelua saumattomasti" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/blog/${slug}`);
    const meta = async (selector: string) => page.locator(`head ${selector}`).first().getAttribute("content");
    expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(`${app.url}/blog/${slug}`);
    expect(await meta('meta[property="og:title"]')).toBe("Allianssilla hyvää palvelua saumattomasti");
    expect(await meta('meta[property="og:type"]')).toBe("article");
    expect(await meta('meta[property="og:url"]')).toBe(`${app.url}/blog/${slug}`);
    expect(await meta('meta[name="twitter:card"]')).toBe("summary");
    expect(await meta('meta[name="twitter:title"]')).toBe("Allianssilla hyvää palvelua saumattomasti");
    expect(await page.getByRole("img", { name: "Kotkan satama" }).count()).toBe(1);
    await expectNoAxeViolations(page, "post page");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").first().isVisible()).toBe(false);
    expect(await page.getByRole("heading", { level: 1 }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("link", { name: "allianssi", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Aihe: allianssi" }).waitFor();
    await expectNoAxeViolations(page, "tag page");
    await page.goto("/blog/archive");
    const year = String(new Date().getFullYear());
    await page.getByRole("link", { name: year, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Arkisto: ${year}` }).waitFor();
    await expectNoAxeViolations(page, "archive of a year");
    expect((await page.goto("/blog/tag/ei-ole"))?.status()).toBe(404);
    expect((await page.goto("/blog/ei-tallaista"))?.status()).toBe(404);
    // The 404s just asked for, and the body's image on a host this machine cannot reach, are the only failed loads.
    expect(errors.filter((e) => !e.startsWith("console.error: Failed to load resource"))).toEqual([]);
    await context.close();
  });

  it("searches in Finnish and highlights the match", async () => {
    const { page, context } = await openPage(browser, app);
    await page.goto("/search");
    await page.getByLabel("Hakusanat").fill("allianssi");
    await page.getByRole("button", { name: "Hae" }).click();
    await page.getByRole("heading", { level: 2, name: /tulos.* haulle ”allianssi”/ }).waitFor();
    expect(await page.locator(".search-results mark", { hasText: "allianssimallia" }).count()).toBeGreaterThan(0);
    expect(
      await page.getByRole("link", { name: "Allianssilla hyvää palvelua saumattomasti" }).getAttribute("href"),
    ).toBe(`/blog/${slug}`);
    await expectNoAxeViolations(page, "search results");
    await context.close();
  });

  it("shows the front page with the latest posts and the office's contact details", async () => {
    const { page, context, errors } = await openPage(browser, app);
    await page.goto("/");
    await page.getByRole("heading", { level: 2, name: "Uusimmat kirjoitukset" }).waitFor();
    expect(
      await page.getByRole("heading", { level: 3, name: "Allianssilla hyvää palvelua saumattomasti" }).count(),
    ).toBe(1);
    await page.getByText("Ma–pe klo 9–15").waitFor();
    expect(await page.getByRole("link", { name: "muutostoimisto@example.fi" }).getAttribute("href")).toBe(
      "mailto:muutostoimisto@example.fi",
    );
    await expectNoAxeViolations(page, "front page");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets an admin set the office's contact details with a plain form: field errors, then saved and shown", async () => {
    const { page, context } = await openPage(browser, app, { storageState: admin.storageState });
    await page.goto("/blog/manage");
    await page.getByRole("main").getByRole("link", { name: "Toimiston yhteystiedot" }).click();
    await page.getByRole("heading", { level: 1, name: "Toimiston yhteystiedot" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/office");
    expect(await page.getByLabel("Aukioloajat (suomi)").inputValue()).toBe("Ma–pe klo 9–15");
    await expectNoAxeViolations(page, "office settings");
    await page.getByLabel("Sähköposti").fill("muutostoimisto(at)example.fi");
    await page.getByRole("button", { name: "Tallenna yhteystiedot" }).click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page, "office settings with errors");
    await context.close();

    // The same form without JavaScript: a plain post, the error summary and the notice rendered by the server.
    const plain = await openPage(browser, app, { storageState: admin.storageState, javaScriptEnabled: false });
    await plain.page.goto("/admin/office");
    await plain.page.getByLabel("Aukioloajat (suomi)").fill("Ma–to klo 9–16");
    await plain.page.getByLabel("Sähköposti").fill("muutostoimisto(at)example.fi");
    await plain.page.getByRole("button", { name: "Tallenna yhteystiedot" }).click();
    const alert = plain.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.getByRole("link").first().getAttribute("href")).toBe("#field-email");
    expect(await plain.page.locator("#field-email").getAttribute("aria-invalid")).toBe("true");
    expect((await app.platform.services.office.get()).openingHours.fi).toBe("Ma–pe klo 9–15");

    // The page after the error is the server's, filled in with what was typed (not the saved values): only the
    // address needs mending.
    expect(await plain.page.getByLabel("Aukioloajat (suomi)").inputValue()).toBe("Ma–to klo 9–16");
    expect(await plain.page.getByLabel("Sähköposti").inputValue()).toBe("muutostoimisto(at)example.fi");
    await plain.page.getByLabel("Sähköposti").fill("muutos@example.fi");
    await plain.page.getByRole("button", { name: "Tallenna yhteystiedot" }).click();
    await plain.page.getByRole("status").getByText("Yhteystiedot on tallennettu.").waitFor();
    await plain.page.goto("/");
    await plain.page.getByText("Ma–to klo 9–16").waitFor();
    expect(await plain.page.getByRole("link", { name: "muutos@example.fi" }).getAttribute("href")).toBe(
      "mailto:muutos@example.fi",
    );
    await plain.context.close();
    // The settings are the admins': staff are refused the page.
    const staffPage = await openPage(browser, app, { storageState: staff.storageState });
    expect((await staffPage.page.goto("/admin/office"))?.status()).toBe(403);
    await staffPage.context.close();
  });

  it("lets staff write a draft, see it refused without alternative text, schedule it and see the job queue publish it at its time", async () => {
    const { page, context, errors } = await openPage(browser, app, { storageState: staff.storageState });
    await page.goto("/blog/manage");
    await expectNoAxeViolations(page, "manage posts");
    await page.getByLabel("Otsikko").fill("Kasvua ja töitä");
    await page.getByLabel("Tiivistelmä").fill("Kasvun agenda uudistaa työpolitiikkaa.");
    await page.getByLabel("Teksti").fill("Yrityksiä tuetaan kasvamaan. ![](https://example.org/kuva.jpg)");
    await page.getByLabel("Aiheet").fill("kasvupalvelut, tyollisyys");
    await page.locator("#field-authorName").fill("Satu Mäkelä");
    await page.getByRole("button", { name: "Tallenna luonnos" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.getByRole("link").first().getAttribute("href")).toBe("#field-body");
    await expectNoAxeViolations(page, "new post with errors");
    await page
      .getByLabel("Teksti")
      .fill("Yrityksiä tuetaan kasvamaan. ![Yrittäjä työssään](https://example.org/kuva.jpg)");
    await page.getByRole("button", { name: "Tallenna luonnos" }).click();
    await page.getByRole("heading", { level: 1, name: "Muokkaa: Kasvua ja töitä" }).waitFor();
    await expectNoAxeViolations(page, "post editor");
    const visitor = await openPage(browser, app);
    expect((await visitor.page.goto("/blog/kasvua-ja-toita"))?.status()).toBe(404);

    // Scheduled eight seconds ahead in Finnish time (the time field takes seconds too); the job queue publishes it.
    const at = new Date(Math.floor((Date.now() + 8000) / 1000) * 1000);
    const [date, time] = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Helsinki",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .format(at)
      .split(" ");
    await page.getByLabel(/Julkaisuaika \(Päivämäärä\)/).fill(date ?? "");
    await page.getByLabel("Julkaisuaika (HH:MM)").fill(time ?? "");
    await page.getByRole("button", { name: "Ajasta julkaisu" }).click();
    await page.getByText("Tallennettu.").waitFor();
    expect(await page.getByText(/^Ajastettu/).count()).toBeGreaterThan(0);
    expect((await visitor.page.goto("/blog/kasvua-ja-toita"))?.status()).toBe(404);
    // Nothing moves the clock or calls the publisher: the front page and the feed are read until the post is there.
    const onFrontPage = async () => {
      await visitor.page.goto("/");
      return (await visitor.page.getByRole("heading", { level: 3, name: "Kasvua ja töitä" }).count()) === 1;
    };
    const inFeed = async () =>
      (await (await fetch(`${app.url}/feeds/rss.xml`)).text()).includes("<title>Kasvua ja töitä</title>");
    const seen = { front: 0, feed: 0 };
    const deadline = at.getTime() + 30_000;
    while ((!seen.front || !seen.feed) && Date.now() < deadline) {
      if (!seen.front && (await onFrontPage())) seen.front = Date.now();
      if (!seen.feed && (await inFeed())) seen.feed = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Both show it, and neither before its time.
    expect(seen.front, "on the front page").toBeGreaterThanOrEqual(at.getTime());
    expect(seen.feed, "in the feed").toBeGreaterThanOrEqual(at.getTime());
    expect((await visitor.page.goto("/blog/kasvua-ja-toita"))?.status()).toBe(200);
    await visitor.page.getByRole("heading", { level: 1, name: "Kasvua ja töitä" }).waitFor();
    await visitor.context.close();
    expect(errors.filter((e) => !e.startsWith("console.error: Failed to load resource"))).toEqual([]);
    await context.close();
  });

  it("fits a 360 px wide phone without sideways scrolling", async () => {
    const { page, context } = await openPage(browser, app, { viewport: { width: 360, height: 740 } });
    for (const path of [
      "/",
      "/blog",
      `/blog/${slug}`,
      "/news",
      "/blog/archive",
      "/blog/tag/allianssi",
      "/search?q=allianssi",
    ]) {
      await page.goto(path);
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `${path}: ${overflow.widest.join(", ")}`).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, `${path} at 360 px`);
    }
    const staffPage = await openPage(browser, app, {
      viewport: { width: 360, height: 740 },
      storageState: staff.storageState,
    });
    await staffPage.page.goto("/blog/manage");
    const overflow = await horizontalOverflow(staffPage.page);
    expect(overflow.scrollWidth, overflow.widest.join(", ")).toBeLessThanOrEqual(360);
    await staffPage.context.close();
    const adminPage = await openPage(browser, app, {
      viewport: { width: 360, height: 740 },
      storageState: admin.storageState,
    });
    await adminPage.page.goto("/admin/office");
    const officeOverflow = await horizontalOverflow(adminPage.page);
    expect(officeOverflow.scrollWidth, officeOverflow.widest.join(", ")).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(adminPage.page, "/admin/office at 360 px");
    await adminPage.context.close();
    await context.close();
  });

  it("moves through the blog with the keyboard", async () => {
    const { page, context } = await openPage(browser, app);
    await page.goto("/blog");
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.textContent === "Lue koko juttu");
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/blog\/[a-z0-9-]+$/);
    await context.close();
  });
});

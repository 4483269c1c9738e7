import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/i18n/locale.ts";
import type { WallView } from "../../src/modules/walls/presenters.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, signedInState } from "./support.ts";

const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

describe("a wall's poster and printable summary", () => {
  let app: TestApp;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof signedInState>>;
  let wall: WallView;
  let open: WallView;
  const errors: string[] = [];

  /** Posts as a fresh participant each time (the per-participant rate limit stays out of the way). */
  async function postAs(wallId: string, input: Record<string, unknown>) {
    const { viewer } = app.platform.services.wallCookies.viewer({ actor: null, locale: "fi" }, null, "127.0.0.1", {
      issue: true,
    });
    await app.platform.services.posts.create(viewer, wallId, {
      idempotencyKey: `browser-${crypto.randomUUID()}`,
      ...input,
    });
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    staff = await signedInState(browser, app, "staff", "Sanna Valmistelija");
    const caller = {
      actor: { id: staff.person.id, name: staff.person.name, email: staff.person.email, role: "staff" as const },
      locale: "fi" as const,
    };
    wall = await app.platform.services.walls.create(caller, {
      title: "Kymenlaakson maakuntauudistusseminaari",
      description: "Kotka 31.8.2016. Kommentit, kysymykset ja muut huomiot päivän aikana.",
      access: "join_code",
      joinCode: "KOTKA-31",
      sections: [
        "Sote",
        "Maakuntapalvelut",
        "Tukipalvelut 1 (tietohallinto ja ICT, kiinteistöt ja toimitilat, hankinta)",
      ],
    });
    open = await app.platform.services.walls.create(caller, { title: "Itsehallinto, demokratia ja osallisuus" });
    // A participant of a join-code wall needs the code; the staff viewer (a moderator) posts there for them.
    const staffViewer = () =>
      app.platform.services.wallCookies.viewer(caller, null, "127.0.0.1", { issue: true }).viewer;
    const [sote, maakunta, tuki] = wall.sections;
    const question = await app.platform.services.posts.create(staffViewer(), wall.id, {
      idempotencyKey: `browser-${crypto.randomUUID()}`,
      kind: "question",
      title: "Osallistuminen",
      body: "Miten kunnat osallistuvat valmisteluun syksyllä?",
      sectionId: sote?.id,
    });
    await app.platform.services.posts.create(staffViewer(), wall.id, {
      idempotencyKey: `browser-${crypto.randomUUID()}`,
      body: "Kuntakierros, ehdotan. Lisätietoa: https://www.kymenlaakso.fi",
      parentId: question.post.id,
    });
    await app.platform.services.posts.react(staffViewer(), question.post.id, { kind: "upvote" });
    await app.platform.services.posts.create(staffViewer(), wall.id, {
      idempotencyKey: `browser-${crypto.randomUUID()}`,
      body: "Rata, raja ja meri: **Kymenlaakson** erityispiirteet.\n- Venäjä-osaaminen\n- Ekotehokkuus",
      authorName: "Bertta Haminasta",
      sectionId: maakunta?.id,
    });
    await app.platform.services.posts.create(staffViewer(), wall.id, {
      idempotencyKey: `browser-${crypto.randomUUID()}`,
      kind: "remark",
      body: "Hankintojen yhteinen kalenteri olisi tarpeen. Pitkä-sana-ilman-välilyöntejä-joka-ei-saa-levittää-sivua-puhelimella.",
      sectionId: tuki?.id,
    });
    await postAs(open.id, { kind: "question", body: "Miten asukkaat pääsevät mukaan?" });
    await postAs(open.id, { body: "Hyvä avaus!" });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function staffPage(options: BrowserContextOptions = {}, locale?: Locale) {
    const opened = await openPage(browser, app, { ...options, storageState: staff.storageState });
    if (locale) await opened.context.addCookies([{ name: "uudistamo_lang", value: locale, url: app.url }]);
    opened.page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    return opened;
  }

  const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true }).waitFor();

  it("poster: the QR code loads, the join code shows for staff, and axe finds nothing", async () => {
    const { context, page } = await staffPage();
    const response = await page.goto(`/w/${wall.slug}/poster`);
    expect(response?.status()).toBe(200);
    await h1(page, wall.title);
    const qr = page.getByRole("img", { name: `QR-koodi: ${app.url}/w/${wall.slug}` });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.getByText("KOTKA-31", { exact: true }).waitFor();
    // The print button needs JavaScript, so it appears once the page has hydrated.
    await page.getByRole("button", { name: "Tulosta juliste" }).waitFor();
    await expectNoAxeViolations(page, "poster (fi, staff)");
    await context.close();
  });

  it("poster prints without the site's header, footer and tools", async () => {
    const { context, page } = await staffPage();
    await page.goto(`/w/${wall.slug}/poster`);
    await h1(page, wall.title);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".shell-header").isVisible()).toBe(false);
    expect(await page.locator(".shell-footer").isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Tulostus ja lataukset" }).isVisible()).toBe(false);
    expect(await page.getByRole("img", { name: /^QR-koodi/ }).isVisible()).toBe(true);
    expect(await page.getByText("KOTKA-31", { exact: true }).isVisible()).toBe(true);
    await context.close();
  });

  it("poster for a visitor of an open wall: no join code, no moderator tools, no violations", async () => {
    const { context, page } = await openPage(browser, app);
    await page.goto(`/w/${open.slug}/poster`);
    await h1(page, open.title);
    expect(await page.getByRole("heading", { name: "Moderaattorille" }).count()).toBe(0);
    await expectNoAxeViolations(page, "poster (fi, visitor)");
    await context.close();
  });

  it("summary: groups by section with counts, and axe finds nothing", async () => {
    const { context, page } = await staffPage();
    await page.goto(`/w/${wall.slug}/summary`);
    await h1(page, `Yhteenveto: ${wall.title}`);
    await page.getByRole("heading", { level: 2, name: /^Sote \(1 viesti\)$/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^Maakuntapalvelut \(1 viesti\)$/ }).waitFor();
    await page.getByRole("table", { name: "Viestit ryhmittäin" }).waitFor();
    await expectNoAxeViolations(page, "summary (fi, staff, by section)");
    await page.goto(`/w/${open.slug}/summary`);
    await page.getByRole("heading", { level: 2, name: /^Kysymykset/ }).waitFor();
    await expectNoAxeViolations(page, "summary (fi, staff, by kind)");
    await context.close();
  });

  describe.each(["sv", "en"] as const)("in %s", (locale) => {
    it("poster and summary have no violations and the page's language", async () => {
      const { context, page } = await staffPage({}, locale);
      for (const path of [`/w/${wall.slug}/poster`, `/w/${wall.slug}/summary`]) {
        await page.goto(path);
        await page.getByRole("heading", { level: 1 }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        await expectNoAxeViolations(page, `${path} (${locale})`);
      }
      await context.close();
    });
  });

  it("at 360 px neither page scrolls sideways", async () => {
    const { context, page } = await staffPage(phone);
    for (const path of [
      `/w/${wall.slug}/poster`,
      `/w/${wall.slug}/summary`,
      `/w/${open.slug}/poster`,
      `/w/${open.slug}/summary`,
    ]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const { scrollWidth, widest } = await horizontalOverflow(page);
      expect(scrollWidth, `${path} is wider than the phone; too wide: ${widest.join(", ")}`).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it("the pages raised no script errors", () => {
    expect(errors).toEqual([]);
  });
});

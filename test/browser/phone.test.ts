import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, startTestApp, type TestApp } from "../support/server.ts";
import {
  arrangeSite,
  horizontalOverflow,
  launchBrowser,
  openPage,
  type SiteFixture,
  sitePageNames,
  visit,
  type Who,
} from "./support.ts";

const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

describe("at phone width (360 × 740)", () => {
  let app: TestApp;
  let browser: Browser;
  let site: SiteFixture;
  const contexts = new Map<Who, BrowserContext>();

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    site = await arrangeSite(browser, app);
    for (const [who, storageState] of [
      ["visitor", undefined],
      ["admin", site.admin.storageState],
      ["member", site.member.storageState],
    ] as const) {
      const opened = await openPage(browser, app, { ...phone, ...(storageState ? { storageState } : {}) });
      contexts.set(who, opened.context);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  describe("no page scrolls sideways", () => {
    it.each(sitePageNames)("%s", async (name) => {
      const spec = site.pages[name];
      const context = contexts.get(spec.who) as BrowserContext;
      const page = context.pages()[0] ?? (await context.newPage());
      await visit(page, spec);
      const { scrollWidth, widest } = await horizontalOverflow(page);
      expect(
        scrollWidth,
        `${spec.name} (${spec.path}) is wider than the phone; too wide: ${widest.join(", ")}`,
      ).toBeLessThanOrEqual(360);
    });
  });

  it("the sign-in form fits the screen and signs in with taps", async () => {
    const person = await createPerson(app.database, "staff", { name: "Puhelin Käyttäjä" });
    const { context, page } = await openPage(browser, app, phone);
    await page.goto("/sign-in");

    const email = page.getByLabel("Sähköpostiosoite", { exact: true });
    const password = page.getByLabel("Salasana", { exact: true });
    const submit = page.getByRole("button", { name: "Kirjaudu", exact: true });
    for (const [what, locator] of [
      ["e-mail field", email],
      ["password field", password],
      ["sign-in button", submit],
    ] as const) {
      const box = await locator.boundingBox();
      expect(box, `${what} is not shown`).not.toBeNull();
      if (!box) continue;
      expect(box.x, `${what} starts off screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${what} ends off screen`).toBeLessThanOrEqual(360);
      // Large enough to hit with a finger (WCAG 2.5.8 asks for 24 × 24 CSS px at least).
      expect(box.height, `${what} is too small to tap`).toBeGreaterThanOrEqual(24);
    }

    await email.tap();
    await email.fill(person.email);
    await password.tap();
    await password.fill(person.password);
    await submit.tap();
    await page.getByText(`Kirjautuneena: ${person.name}`).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);

    // The sign-out button is reachable on the phone too.
    await page.getByRole("button", { name: "Kirjaudu ulos" }).tap();
    await page.getByText("Olet kirjautunut ulos.").waitFor();
    await context.close();
  });
});

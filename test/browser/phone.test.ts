import type { BrowserContext, BrowserContextOptions } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createPerson } from "../support/server.ts";
import { horizontalOverflow, openPage, sitePageNames, useSiteInBrowser, visit } from "./support.ts";

const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

describe("at phone width (360 × 740)", () => {
  const web = useSiteInBrowser(phone);

  describe("no page scrolls sideways", () => {
    it.each(sitePageNames)("%s", async (name) => {
      const spec = web.site.pages[name];
      const context = web.contexts.get(spec.who) as BrowserContext;
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
    const person = await createPerson(web.app.database, "staff", { name: "Puhelin Käyttäjä" });
    const { context, page } = await openPage(web.browser, web.app, phone);
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

import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/i18n/locale.ts";
import { en } from "../../src/i18n/messages/en.ts";
import { sv } from "../../src/i18n/messages/sv.ts";
import { expectNoAxeViolations, openPage, sitePageNames, useSiteInBrowser, visit } from "./support.ts";

describe("accessibility: no WCAG 2.1 A/AA violations found by axe-core", () => {
  const web = useSiteInBrowser();

  describe("in Finnish", () => {
    it.each(sitePageNames)("%s", async (name) => {
      const spec = web.site.pages[name];
      const context = web.contexts.get(spec.who) as BrowserContext;
      const page = context.pages()[0] ?? (await context.newPage());
      await visit(page, spec);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fi");
      await expectNoAxeViolations(page, `${spec.name} (${spec.path}, fi, ${spec.who})`);
    });
  });

  describe.each([
    ["sv", sv],
    ["en", en],
  ] as const)("in %s", (locale: Locale, messages) => {
    let context: BrowserContext;

    beforeAll(async () => {
      ({ context } = await openPage(web.browser, web.app, { locale: "fi-FI" }));
      await context.addCookies([{ name: "uudistamo_lang", value: locale, url: web.app.url }]);
    });

    afterAll(async () => {
      await context?.close();
    });

    it.each([
      ["home", "/", messages["home.title"]],
      ["sign-in", "/sign-in", messages["signIn.title"]],
      ["forgot password", "/forgot-password", messages["forgot.title"]],
      ["unknown path (404)", "/no-such-page", messages["errors.notFoundTitle"]],
    ])("%s", async (_name, path, heading) => {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(path);
      await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      await expectNoAxeViolations(page, `${path} (${locale})`);
    });

    it("home, signed in as admin", async () => {
      const signedIn = await openPage(web.browser, web.app, { storageState: web.site.admin.storageState });
      await signedIn.context.addCookies([{ name: "uudistamo_lang", value: locale, url: web.app.url }]);
      await signedIn.page.goto("/");
      await signedIn.page.getByRole("heading", { level: 2, name: messages["home.workspace"] }).waitFor();
      expect(await signedIn.page.evaluate(() => document.documentElement.lang)).toBe(locale);
      await expectNoAxeViolations(signedIn.page, `/ (${locale}, admin)`);
      await signedIn.context.close();
    });
  });

  describe("with the keyboard", () => {
    it("the first Tab reaches 'Siirry sisältöön', which moves focus to the main content", async () => {
      const { context, page } = await openPage(web.browser, web.app);
      await page.goto("/forgot-password");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Siirry sisältöön");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
      // The next Tab goes into the content, not back to the header.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
      await context.close();
    });

    it("signs in with the keyboard alone, and a wrong password's message takes focus", async () => {
      const { context, page } = await openPage(web.browser, web.app);
      await page.goto("/sign-in");
      await page.getByLabel("Sähköpostiosoite", { exact: true }).focus();
      await page.keyboard.type("someone@example.test");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("password");
      await page.keyboard.type("wrong-password-123");
      await page.keyboard.press("Enter");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
      expect(await alert.textContent()).toContain("Sähköpostiosoite tai salasana on väärin.");
      await context.close();
    });
  });

  it("the pages raised no script errors", () => {
    const all = [...web.errors.entries()].flatMap(([who, list]) =>
      // A refused sign-in, an invalid form and the 403/404 pages answer with error statuses on purpose.
      list.filter((e) => !/status of (400|401|403|404|422)/.test(e)).map((e) => `${who}: ${e}`),
    );
    expect(all).toEqual([]);
  });
});

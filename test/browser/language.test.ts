import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages/en.ts";
import { fi } from "../../src/i18n/messages/fi.ts";
import { sv } from "../../src/i18n/messages/sv.ts";
import { createPerson } from "../support/server.ts";
import { openPage, signInThroughUi, useBrowserApp } from "./support.ts";

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const languageMenu = (page: Page, label: string) => page.getByRole("navigation", { name: label, exact: true });

describe("switching the language", () => {
  const web = useBrowserApp();

  it("switches to Swedish and keeps it across reloads and pages, then to English", async () => {
    const { context, page, errors } = await openPage(web.browser, web.app);

    await page.goto("/");
    expect(await htmlLang(page)).toBe("fi");
    expect(await h1(page)).toBe(fi["home.title"]);

    await languageMenu(page, fi["shell.languageMenu"]).getByRole("link", { name: "På svenska" }).click();
    await expect.poll(() => htmlLang(page)).toBe("sv");
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await h1(page)).toBe(sv["home.title"]);
    const svNav = page.getByRole("navigation", { name: sv["shell.mainNav"], exact: true });
    await svNav.getByRole("link", { name: sv["nav.home"], exact: true }).waitFor();
    await page.getByRole("banner").getByRole("link", { name: sv["shell.signIn"], exact: true }).waitFor();
    await page.getByText(sv["app.tagline"]).waitFor();
    await expect(page.title()).resolves.toBe(sv["app.name"]);
    // The chosen language is marked current in the menu.
    const svLink = languageMenu(page, sv["shell.languageMenu"]).getByRole("link", { name: "På svenska" });
    expect(await svLink.getAttribute("aria-current")).toBe("true");

    await page.reload();
    expect(await htmlLang(page)).toBe("sv");
    expect(await h1(page)).toBe(sv["home.title"]);

    // Another page, reached by following a link, is Swedish too.
    await page.getByRole("banner").getByRole("link", { name: sv["shell.signIn"], exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await expect.poll(() => h1(page)).toBe(sv["signIn.title"]);
    expect(await htmlLang(page)).toBe("sv");
    await page.getByLabel(sv["signIn.email"], { exact: true }).waitFor();
    await page.getByLabel(sv["signIn.password"], { exact: true }).waitFor();
    await page.getByRole("link", { name: sv["signIn.forgot"] }).waitFor();

    // Switching on a page other than the home page stays on that page.
    await languageMenu(page, sv["shell.languageMenu"]).getByRole("link", { name: "In English" }).click();
    await expect.poll(() => htmlLang(page)).toBe("en");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await h1(page)).toBe(en["signIn.title"]);
    await page.getByLabel(en["signIn.email"], { exact: true }).waitFor();

    // Typed straight into the address bar, a new page is English.
    await page.goto("/forgot-password");
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(en["forgot.title"]);
    await page
      .getByRole("navigation", { name: en["shell.mainNav"], exact: true })
      .getByRole("link", { name: en["nav.home"] })
      .waitFor();

    // And back to Finnish.
    await languageMenu(page, en["shell.languageMenu"]).getByRole("link", { name: "Suomeksi" }).click();
    await expect.poll(() => htmlLang(page)).toBe("fi");
    expect(await h1(page)).toBe(fi["forgot.title"]);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("a Swedish browser gets Swedish without choosing", async () => {
    const { context, page } = await openPage(web.browser, web.app, { locale: "sv-FI" });
    await page.goto("/");
    expect(await htmlLang(page)).toBe("sv");
    expect(await h1(page)).toBe(sv["home.title"]);
    await context.close();
  });

  it("keeps the chosen language for a signed-in person, including the signed-in pages", async () => {
    const person = await createPerson(web.app.database, "admin", { name: "Kielivalitsija" });
    const { context, page } = await openPage(web.browser, web.app);
    await signInThroughUi(page, person);

    await languageMenu(page, fi["shell.languageMenu"]).getByRole("link", { name: "På svenska" }).click();
    await expect.poll(() => htmlLang(page)).toBe("sv");
    await page.getByText(sv["shell.signedInAs"].replace("{name}", person.name)).waitFor();
    await page.getByRole("button", { name: sv["shell.signOut"] }).waitFor();

    const nav = page.getByRole("navigation", { name: sv["shell.mainNav"], exact: true });
    await nav.getByRole("link", { name: sv["nav.people"], exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/admin/people");
    await expect.poll(() => h1(page)).toBe(sv["people.title"]);
    expect(await htmlLang(page)).toBe("sv");

    await page.goto("/admin/audit");
    expect(await h1(page)).toBe(sv["audit.title"]);
    expect(await htmlLang(page)).toBe("sv");
    await context.close();
  });
});

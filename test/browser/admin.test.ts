import { describe, expect, it } from "vitest";
import { adminCaller, openPage, signedInState, useBrowserApp } from "./support.ts";

describe("administration pages", () => {
  const web = useBrowserApp(async (app, browser) => ({
    admin: await signedInState(browser, app, "admin", "Aino Admin"),
    member: await signedInState(browser, app, "member", "Matti Jäsen"),
  }));

  it("an admin creates an organisation and it appears in the table", async () => {
    const { context, page, errors } = await openPage(web.browser, web.app, { storageState: web.admin.storageState });
    await page.goto("/admin/organisations");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Organisaatiot");
    await page.getByText("Ei organisaatioita.").waitFor();

    const form = page.locator("section", { has: page.getByRole("heading", { name: "Uusi organisaatio" }) });
    await form.getByLabel("Nimi", { exact: true }).fill("Esimerkkilän kunta");
    await form.getByLabel("Tyyppi", { exact: true }).selectOption({ label: "Kunta" });
    await form.getByRole("button", { name: "Lisää organisaatio" }).click();

    await page.getByText("Organisaatio Esimerkkilän kunta lisätty.").waitFor();
    const row = page.getByRole("row", { name: /Esimerkkilän kunta/ });
    await row.waitFor();
    await row.getByRole("cell", { name: "Kunta", exact: true }).waitFor();
    await row.getByRole("cell", { name: "0", exact: true }).waitFor();
    expect(await form.getByLabel("Nimi", { exact: true }).inputValue()).toBe("");

    // A second organisation of the same name is refused with a message.
    await form.getByLabel("Nimi", { exact: true }).fill("Esimerkkilän kunta");
    await form.getByRole("button", { name: "Lisää organisaatio" }).click();
    await page.getByText("Samanniminen organisaatio on jo olemassa.").first().waitFor();
    expect(await page.getByRole("row", { name: /Esimerkkilän kunta/ }).count()).toBe(1);

    // The organisation opens for editing from its name, and the table shows the new name after saving.
    await row.getByRole("link", { name: "Esimerkkilän kunta" }).click();
    await page.getByRole("heading", { level: 1, name: "Muokkaa organisaatiota: Esimerkkilän kunta" }).waitFor();
    await page.getByLabel("Nimi", { exact: true }).fill("Esimerkkilän kaupunki");
    await page.getByRole("button", { name: "Tallenna" }).click();
    await page.getByText("Muutokset tallennettu.").waitFor();
    await page.goto("/admin/organisations");
    await page.getByRole("row", { name: /Esimerkkilän kaupunki/ }).waitFor();

    expect(errors.filter((e) => !e.includes("status of 409"))).toEqual([]);
    await context.close();
  });

  it("a member sees organisations but cannot add them, and has no change log in the menu", async () => {
    const { context, page } = await openPage(web.browser, web.app, { storageState: web.member.storageState });
    await page.goto("/admin/organisations");
    await page.getByText(`Kirjautuneena: ${web.member.person.name}`).waitFor();
    await page.getByRole("cell", { name: "Esimerkkilän kaupunki" }).waitFor();
    expect(await page.getByRole("heading", { name: "Uusi organisaatio" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Esimerkkilän kaupunki" }).count()).toBe(0);
    const nav = page.getByRole("navigation", { name: "Päävalikko" });
    await nav.getByRole("link", { name: "Organisaatiot" }).waitFor();
    expect(await nav.getByRole("link", { name: "Muutosloki" }).count()).toBe(0);
    await context.close();
  });

  it("a member opening /admin/audit gets a translated 'no permission' page, not the audit log", async () => {
    const { context, page } = await openPage(web.browser, web.app, { storageState: web.member.storageState });
    const response = await page.goto("/admin/audit");

    expect(response?.status()).toBe(403);
    // Not the audit log.
    expect(await page.getByRole("heading", { name: "Muutosloki" }).count()).toBe(0);
    expect(await page.getByRole("table").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Suodata" }).count()).toBe(0);
    // Still the app's own page, in Finnish, with the person signed in.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fi");
    await page.getByText(`Kirjautuneena: ${web.member.person.name}`).waitFor();
    await page.getByRole("link", { name: "Palaa etusivulle" }).waitFor();
    // And it says what happened: no permission (not "something went wrong, try later").
    const main = (await page.getByRole("main").textContent()) ?? "";
    expect(main).toContain("Sinulla ei ole oikeutta tähän toimintoon.");
    expect(main).not.toContain("Palvelussa tapahtui virhe. Yritä myöhemmin uudelleen.");
    await context.close();
  });

  it("an admin reads the audit log, which records the organisation added", async () => {
    const { context, page } = await openPage(web.browser, web.app, { storageState: web.admin.storageState });
    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Muutosloki");
    const table = page.getByRole("table");
    await table.waitFor();
    await table.getByRole("cell", { name: web.admin.person.name, exact: true }).first().waitFor();
    await table.getByRole("cell", { name: "Henkilöt ja organisaatiot" }).first().waitFor();
    await context.close();
  });

  it("a member gets no edit form for other people or organisations", async () => {
    const [organisation] = await web.app.platform.services.people.listOrganisations(adminCaller(web.admin.person));
    const { context, page } = await openPage(web.browser, web.app, { storageState: web.member.storageState });

    // The people list gives a member no edit links …
    await page.goto("/admin/people");
    await page.getByRole("cell", { name: web.admin.person.name, exact: true }).waitFor();
    expect(await page.getByRole("link", { name: web.admin.person.name }).count()).toBe(0);

    // … and typing the address must not offer a form the member may not use
    // (saving it would only fail with "no permission").
    const paths = [`/admin/people/${web.admin.person.id}`, `/admin/organisations/${organisation?.id}`];
    const found = [];
    for (const path of paths) {
      await page.goto(path);
      found.push({
        path,
        saveButtons: await page.getByRole("button", { name: "Tallenna" }).count(),
        nameInputs: await page.getByLabel("Nimi", { exact: true }).count(),
      });
    }
    expect(found).toEqual(paths.map((path) => ({ path, saveButtons: 0, nameInputs: 0 })));
    await context.close();
  });

  it("a mistyped person or organisation address shows the 'page not found' page", async () => {
    const { context, page } = await openPage(web.browser, web.app, { storageState: web.admin.storageState });
    const found = [];
    for (const path of [
      "/admin/people/no-such-person",
      "/admin/organisations/no-such-organisation",
      "/admin/organisations/00000000-0000-4000-8000-000000000000",
    ]) {
      const response = await page.goto(path);
      found.push({
        path,
        status: response?.status(),
        heading: await page.getByRole("heading", { level: 1 }).textContent(),
      });
    }
    expect(found).toEqual(found.map(({ path }) => ({ path, status: 404, heading: "Sivua ei löytynyt" })));
    await context.close();
  });
});

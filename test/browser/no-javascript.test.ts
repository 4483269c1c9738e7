import { describe, expect, it } from "vitest";
import { createPerson } from "../support/server.ts";
import { openPage, signInWithForm, useBrowserApp } from "./support.ts";

describe("without JavaScript", () => {
  const web = useBrowserApp();

  it("signs in with the plain form and reads the people list", async () => {
    const person = await createPerson(web.app.database, "member", { name: "Ilman Skriptejä" });
    const colleague = await createPerson(web.app.database, "staff", { name: "Työkaveri Kollega" });
    const { context, page } = await openPage(web.browser, web.app, { javaScriptEnabled: false });

    await page.goto("/admin/people");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await signInWithForm(page, person.email, person.password);
    await page.waitForURL((url) => url.pathname === "/admin/people");

    await page.getByText("Kirjautuneena: Ilman Skriptejä").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Henkilöt");
    const table = page.getByRole("table");
    await table.getByRole("cell", { name: colleague.name, exact: true }).waitFor();
    await table.getByRole("cell", { name: colleague.email, exact: true }).waitFor();
    await table.getByRole("cell", { name: person.name, exact: true }).waitFor();
    await expect(table.locator("caption").textContent()).resolves.toBe("2 henkilöä");

    // The language menu is plain links, so switching works too.
    await page.getByRole("link", { name: "På svenska" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/people");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Personer");

    // Signing out is a plain form post too.
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await page.getByText("Du har loggat ut.").waitFor();
    await context.close();
  });

  it("shows the sign-in error without JavaScript", async () => {
    const person = await createPerson(web.app.database, "member");
    const { context, page } = await openPage(web.browser, web.app, { javaScriptEnabled: false });
    await page.goto("/sign-in");
    await signInWithForm(page, person.email, "wrong-password-123");
    await page.getByText("Sähköpostiosoite tai salasana on väärin.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });
});

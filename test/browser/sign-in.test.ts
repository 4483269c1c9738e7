import { describe, expect, it } from "vitest";
import { createPerson } from "../support/server.ts";
import { openPage, signInWithForm, useBrowserApp } from "./support.ts";

describe("signing in and out through the UI", () => {
  const web = useBrowserApp();

  it("signs in with the form, lands on the home page, and signs out", async () => {
    const person = await createPerson(web.app.database, "staff", { name: "Sanna Sisäänkirjautuja" });
    const { context, page, errors } = await openPage(web.browser, web.app);

    await page.goto("/");
    await page.getByRole("banner").getByRole("link", { name: "Kirjaudu sisään" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Kirjaudu sisään");

    await signInWithForm(page, person.email, person.password);

    await page.getByText(`Kirjautuneena: ${person.name}`).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Tervetuloa Uudistamoon");
    // Signed-in people see the workspace and the signed-in navigation.
    await page.getByRole("heading", { name: "Työtila" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Päävalikko" });
    await nav.getByRole("link", { name: "Henkilöt" }).waitFor();
    await nav.getByRole("link", { name: "Omat tiedot" }).waitFor();
    expect(await nav.getByRole("link", { name: "Muutosloki" }).count()).toBe(0); // staff, not admin

    await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
    await page.getByText("Olet kirjautunut ulos.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await page.getByText(`Kirjautuneena: ${person.name}`).count()).toBe(0);

    // The session really is gone: a signed-in page sends back to sign in.
    await page.goto("/profile");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/profile");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows an error for a wrong password and stays on the sign-in page", async () => {
    const person = await createPerson(web.app.database, "member");
    const { context, page } = await openPage(web.browser, web.app);

    await page.goto("/sign-in");
    await signInWithForm(page, person.email, "definitely-not-the-password");

    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("Sähköpostiosoite tai salasana on väärin.");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await page.getByText("Kirjautuneena:").count()).toBe(0);
    // The form is still there to try again.
    await page.getByLabel("Sähköpostiosoite", { exact: true }).waitFor();
    await context.close();
  });

  it("returns to the page asked for after signing in", async () => {
    const person = await createPerson(web.app.database, "member", { name: "Paluu Perille" });
    const { context, page } = await openPage(web.browser, web.app);

    await page.goto("/profile");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await signInWithForm(page, person.email, person.password);

    await page.getByRole("heading", { level: 1, name: "Omat tiedot" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/profile");
    await page.getByText("Kirjautuneena: Paluu Perille").waitFor();
    await context.close();
  });
});

import { describe, expect, it } from "vitest";
import { createPerson } from "../support/server.ts";
import { openPage, signInWithForm, useBrowserApp } from "./support.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("password reset end to end", () => {
  const web = useBrowserApp();

  it("mails a link that sets a new password, which then signs in", async () => {
    const person = await createPerson(web.app.database, "staff", { name: "Unohtelija Ukkonen" });
    const newPassword = "uusi-salasana-2026";
    const { context, page, errors } = await openPage(web.browser, web.app);

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Unohditko salasanasi?" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/forgot-password");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Salasanan palauttaminen");

    await page.getByLabel("Sähköpostiosoite", { exact: true }).fill(person.email.toUpperCase());
    await page.getByRole("button", { name: "Lähetä linkki" }).click();
    await page.getByText("Jos osoitteella on tunnus, siihen on lähetetty linkki. Linkki on voimassa tunnin.").waitFor();

    const mail = await web.app.smtp.waitFor(person.email);
    expect(mail.subject).toBe("Uudistamo: salasanan vaihto");
    expect(mail.text).toContain(`Hei ${person.name}`);
    const match = mail.text.match(new RegExp(`${escapeRegExp(web.app.url)}/reset-password\\?token=[^\\s]+`));
    expect(match, `no reset link in the mail:\n${mail.text}`).not.toBeNull();
    const link = match?.[0] ?? "";

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Aseta uusi salasana");
    await page.getByText("Vähintään 10 merkkiä.").waitFor();

    // Two different passwords are refused, and the page says why.
    await page.getByLabel("Uusi salasana", { exact: true }).fill(newPassword);
    await page.getByLabel("Uusi salasana uudelleen", { exact: true }).fill(`${newPassword}-x`);
    await page.getByRole("button", { name: "Tallenna salasana" }).click();
    await page.getByRole("alert").getByText("Salasanat eivät täsmää.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/reset-password");

    await page.getByLabel("Uusi salasana", { exact: true }).fill(newPassword);
    await page.getByLabel("Uusi salasana uudelleen", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Tallenna salasana" }).click();

    await page.getByText("Salasana on vaihdettu. Voit nyt kirjautua sisään.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");

    // The old password no longer works …
    await signInWithForm(page, person.email, person.password);
    await page.getByText("Sähköpostiosoite tai salasana on väärin.").waitFor();

    // … the new one does.
    await signInWithForm(page, person.email, newPassword);
    await page.getByText(`Kirjautuneena: ${person.name}`).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    expect(errors.filter((e) => !e.includes("status of 40"))).toEqual([]);
    await context.close();

    // The link works once only.
    const second = await openPage(web.browser, web.app);
    await second.page.goto(link);
    await second.page.getByLabel("Uusi salasana", { exact: true }).fill("kolmas-salasana-2026");
    await second.page.getByLabel("Uusi salasana uudelleen", { exact: true }).fill("kolmas-salasana-2026");
    await second.page.getByRole("button", { name: "Tallenna salasana" }).click();
    await second.page.getByText("Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki.").waitFor();
    expect(new URL(second.page.url()).pathname).toBe("/reset-password");
    await second.context.close();
  });

  it("a reset link without a token says so and points to a new one", async () => {
    const { context, page } = await openPage(web.browser, web.app);
    await page.goto("/reset-password");
    await page.getByText("Linkistä puuttuu tunniste. Pyydä uusi linkki.").waitFor();
    await page.getByRole("main").getByRole("link", { name: "Salasanan palauttaminen" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/forgot-password");
    await context.close();
  });
});

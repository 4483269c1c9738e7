import { describe, expect, it } from "vitest";
import { createPerson } from "../support/server.ts";
import { openPage, signInThroughUi, signInWithForm, useBrowserApp } from "./support.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("invitation end to end", () => {
  const web = useBrowserApp();

  it("an admin invites a person, who sets a password from the mailed link and signs in", async () => {
    const admin = await createPerson(web.app.database, "admin", { name: "Anna Pääkäyttäjä" });
    const invitee = { name: "Kalle Kutsuttu", email: "kalle.kutsuttu@example.test", password: "kallen-salasana-1" };

    const adminPage = await openPage(web.browser, web.app);
    const { page } = adminPage;
    await signInThroughUi(page, admin);
    await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Henkilöt" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/admin/people");
    await page.getByRole("heading", { level: 2, name: "Kutsu henkilö" }).waitFor();

    const form = page.locator("form", { has: page.getByRole("button", { name: "Kutsu henkilö" }) });
    await form.getByLabel("Nimi", { exact: true }).fill(invitee.name);
    await form.getByLabel("Sähköposti", { exact: true }).fill(invitee.email);
    await form.getByLabel("Rooli", { exact: true }).selectOption({ label: "Valmistelija" });
    await form.getByRole("button", { name: "Kutsu henkilö" }).click();

    await page.getByText(`Kutsu lähetetty osoitteeseen ${invitee.email}.`).waitFor();
    // The pending invitation is listed, and the form is empty for the next one.
    const pending = page.locator("section", { has: page.getByRole("heading", { name: "Avoimet kutsut" }) });
    await pending.getByRole("cell", { name: invitee.email, exact: true }).waitFor();
    await pending.getByRole("cell", { name: "Valmistelija", exact: true }).waitFor();
    expect(await form.getByLabel("Nimi", { exact: true }).inputValue()).toBe("");
    expect(adminPage.errors).toEqual([]);
    await adminPage.context.close();

    const mail = await web.app.smtp.waitFor(invitee.email);
    expect(mail.subject).toBe("Kutsu Uudistamoon");
    expect(mail.text).toContain(`Hei ${invitee.name}`);
    expect(mail.text).toContain(`${admin.name} kutsui sinut Uudistamoon`);
    const match = mail.text.match(new RegExp(`${escapeRegExp(web.app.url)}/invitation\\?token=[^\\s]+`));
    expect(match, `no invitation link in the mail:\n${mail.text}`).not.toBeNull();
    const link = match?.[0] ?? "";

    const inviteePage = await openPage(web.browser, web.app);
    const p = inviteePage.page;
    await p.goto(link);
    await expect(p.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Tervetuloa Uudistamoon");
    await p.getByText(`${admin.name} kutsui sinut Uudistamoon. Aseta salasana, niin tunnuksesi on valmis.`).waitFor();
    await p.getByText(invitee.email, { exact: true }).waitFor();

    await p.getByLabel("Uusi salasana", { exact: true }).fill(invitee.password);
    await p.getByLabel("Uusi salasana uudelleen", { exact: true }).fill(invitee.password);
    await p.getByRole("button", { name: "Ota tunnus käyttöön" }).click();

    await p.getByText("Tunnuksesi on valmis. Kirjaudu sisään.").waitFor();
    expect(new URL(p.url()).pathname).toBe("/sign-in");

    await signInWithForm(p, invitee.email, invitee.password);
    await p.getByText(`Kirjautuneena: ${invitee.name}`).waitFor();
    expect(new URL(p.url()).pathname).toBe("/");

    // Their own details show the role the admin chose.
    await p.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Omat tiedot" }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe("/profile");
    await p.getByRole("definition").filter({ hasText: "Valmistelija" }).waitFor();

    // The link cannot be used twice.
    await p.goto(link);
    await p.getByText("Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki.").waitFor();
    expect(await p.getByLabel("Uusi salasana", { exact: true }).count()).toBe(0);

    expect(inviteePage.errors).toEqual([]);
    await inviteePage.context.close();
  });
});

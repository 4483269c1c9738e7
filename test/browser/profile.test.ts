import { describe, expect, it } from "vitest";
import { createPerson } from "../support/server.ts";
import { openPage, signInThroughUi, useBrowserApp } from "./support.ts";

describe("own details", () => {
  const web = useBrowserApp();

  it("a member changes their name and title, and the header shows the new name", async () => {
    const person = await createPerson(web.app.database, "member", { name: "Vanha Nimi" });
    const { context, page, errors } = await openPage(web.browser, web.app);
    await signInThroughUi(page, person);

    await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Omat tiedot" }).click();
    await page.getByRole("heading", { level: 1, name: "Omat tiedot" }).waitFor();
    await page.getByRole("definition").filter({ hasText: person.email }).waitFor();
    await page.getByRole("definition").filter({ hasText: "Ei organisaatiota" }).waitFor();
    await page.getByRole("definition").filter({ hasText: "Jäsen" }).waitFor();

    await page.getByLabel("Nimi", { exact: true }).fill("Uusi Nimi");
    await page.getByLabel(/^Tehtävänimike/).fill("Suunnittelija");
    await page.getByRole("button", { name: "Tallenna" }).click();

    await page.getByText("Tiedot tallennettu.").waitFor();
    await page.getByText("Kirjautuneena: Uusi Nimi").waitFor();
    await page.reload();
    expect(await page.getByLabel(/^Tehtävänimike/).inputValue()).toBe("Suunnittelija");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("optional fields are labelled '(valinnainen)' once, not '((valinnainen))'", async () => {
    const person = await createPerson(web.app.database, "admin");
    const { context, page } = await openPage(web.browser, web.app);
    await signInThroughUi(page, person);
    const labels: Record<string, string | null> = {};
    for (const path of ["/profile", "/admin/people", `/admin/people/${person.id}`]) {
      await page.goto(path);
      labels[path] = await page.locator("label", { hasText: "Tehtävänimike" }).textContent();
    }
    expect(labels).toEqual({
      "/profile": "Tehtävänimike (valinnainen)",
      "/admin/people": "Tehtävänimike (valinnainen)",
      [`/admin/people/${person.id}`]: "Tehtävänimike (valinnainen)",
    });
    await context.close();
  });
});

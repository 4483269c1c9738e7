import { describe, expect, it } from "vitest";
import { addDays, helsinkiDate } from "../../src/core/dates.ts";
import { strategyWithIndicator } from "../../src/modules/strategy/test-fixture.ts";
import { adminCaller, expectNoAxeViolations, openPage, signedInStaff, useBrowserApp } from "./support.ts";

describe("strategy consultation, analysis and import pages in the browser", () => {
  const web = useBrowserApp(signedInStaff);

  /** A draft strategy 2021–2025 with a goal and its indicator (Työllisyysaste), arranged through the services. */
  async function draftOf() {
    const admin = adminCaller(web.staff.person);
    const staff = { ...admin, actor: { ...admin.actor, role: "staff" as const } };
    return { staff, ...(await strategyWithIndicator(web.app, staff, { status: "draft" })) };
  }

  it("opens a consultation, a visitor comments on a goal's wall, staff read it in the summary", async () => {
    const { strategy, staff } = await draftOf();
    const group = await web.app.platform.services.groups.create(staff, { name: "Ympäristöanalyysin ryhmä" });
    const manage = await openPage(web.browser, web.app, { storageState: web.staff.storageState });
    const page = manage.page;
    await page.goto(`/strategies/${strategy.id}/edit`);

    // A deadline in the past: the summary links to the consultation form's own field.
    const open = page.locator("form", {
      has: page.getByRole("button", { name: "Avaa kommentoitavaksi", exact: true }),
    });
    await open.getByLabel(/^Määräpäivä/).fill("2020-01-01");
    await open.getByLabel("Ennakkomoderointi", { exact: false }).uncheck();
    await open.getByRole("button", { name: "Avaa kommentoitavaksi", exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.getByText(/Määräpäivä ei voi olla menneisyydessä/).waitFor();
    expect(await alert.getByRole("link").first().getAttribute("href")).toBe("#field-consultation-deadline");
    await expectNoAxeViolations(page, "strategy edit page with the consultation form's errors");
    const deadline = addDays(helsinkiDate(), 10).toString();
    await open.getByLabel(/^Määräpäivä/).fill(deadline);
    await open.getByRole("button", { name: "Avaa kommentoitavaksi", exact: true }).click();
    await page.getByText("Strategia avattiin kommentoitavaksi.").waitFor();
    await page.getByRole("button", { name: "Päätä lausunto" }).waitFor();

    // The analysis: attached as the group's deliverable, then linked.
    await page.getByLabel("Työryhmä, joka kirjoittaa analyysin").selectOption(group.id);
    await page.getByRole("button", { name: "Liitä analyysi" }).click();
    await page.getByText("Analyysi on liitetty strategiaan.").waitFor();
    const analysis = page.getByRole("link", { name: "Lue toimintaympäristön analyysi" });
    expect(await analysis.getAttribute("href")).toMatch(/^\/d\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, "strategy edit page in consultation");

    // A visitor: the goal's comment link and the deadline, reached by keyboard.
    const visitor = await openPage(web.browser, web.app);
    await visitor.page.goto(`/strategies/${strategy.id}`);
    const comment = visitor.page.getByRole("link", { name: "Kommentoi tätä tavoitetta" });
    expect(await comment.getAttribute("href")).toMatch(/^\/w\/[a-z0-9]+$/);
    await visitor.page
      .getByText(/Kommentit .* asti\./)
      .first()
      .waitFor();
    await visitor.page.getByRole("link", { name: "Lataa strategia (XLSX)" }).waitFor();
    await expectNoAxeViolations(visitor.page, "strategy page in consultation");
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await visitor.page.keyboard.press("Tab");
      reached = await visitor.page.evaluate(() => document.activeElement?.textContent === "Kommentoi tätä tavoitetta");
    }
    expect(reached).toBe(true);
    await visitor.page.keyboard.press("Enter");
    await visitor.page.getByText("Päivittyy reaaliajassa").waitFor();
    await visitor.page.getByRole("button", { name: "Uusi viesti" }).click();
    await visitor.page.getByLabel("Viesti", { exact: true }).fill("Etätyömahdollisuudet vetävät muuttajia");
    await visitor.page.getByLabel(/^Nimesi/).fill("Aino");
    await visitor.page.getByRole("button", { name: "Lähetä" }).click();
    await visitor.page.getByText("Lähetetty").waitFor();

    // The summary: the comment in the goal's table, the downloads.
    await page.goto(`/strategies/${strategy.id}/consultation`);
    const table = page.getByRole("table", { name: "Kommentit: Työllisyys kasvaa" });
    await table.getByText("Etätyömahdollisuudet vetävät muuttajia").waitFor();
    await table.getByText("Aino").waitFor();
    expect(await page.getByRole("link", { name: "Lataa CSV" }).getAttribute("href")).toBe(
      `/strategies/${strategy.id}/consultation.csv`,
    );
    await expectNoAxeViolations(page, "consultation summary");
    // The refused opening's answer (400) is the only console error.
    expect(manage.errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await manage.context.close();
    await visitor.context.close();
  });

  it("imports a sheet: a bad row is named by its row and nothing is stored; fixed, it is stored, also without JavaScript", async () => {
    const { strategy, indicator } = await draftOf();
    const stored = async () =>
      (await web.app.platform.services.strategies.getIndicator(adminCaller(web.staff.person), indicator.id))
        .measurements.length;
    const sheet = (third: string) => ({
      name: "mittaukset.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `indicator;date;value;source\nTyöllisyysaste;2022-12-31;64,5;Tilastokeskus\nTyöllisyysaste;2023-12-31;${third};Tilastokeskus\n`,
      ),
    });
    for (const javaScriptEnabled of [true, false]) {
      const { page, context, errors } = await openPage(web.browser, web.app, {
        storageState: web.staff.storageState,
        javaScriptEnabled,
      });
      await page.goto(`/strategies/${strategy.id}/edit`);
      const file = page.getByLabel(/^Tiedosto \(CSV tai XLSX\)/);
      await file.setInputFiles(sheet("paljon"));
      await page.getByRole("button", { name: "Tarkista tiedosto" }).click();
      const row = page.getByRole("table", { name: "Virheet riveittäin" }).locator("tbody tr");
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      expect((await row.locator("th, td").allTextContents()).slice(0, 2)).toEqual(["3", "Arvo"]);
      await page.getByText(/eikä mitään tallennettu/).waitFor();
      expect(await stored()).toBe(0);
      if (javaScriptEnabled) await expectNoAxeViolations(page, "strategy edit page with the import's errors");

      await file.setInputFiles(sheet("66,1"));
      await page.getByRole("button", { name: "Tarkista tiedosto" }).click();
      await page.getByRole("table", { name: "Tallennettavat rivit (2)" }).waitFor();
      expect(await stored()).toBe(0);
      if (javaScriptEnabled) {
        await expectNoAxeViolations(page, "strategy edit page with the rows to be stored");
        expect(errors).toEqual([]);
      } else {
        await page.getByRole("button", { name: "Tallenna rivit" }).click();
        await page.getByText("Mittauksia tallennettiin: 2.").waitFor();
        expect(await stored()).toBe(2);
      }
      await context.close();
    }
  });
});

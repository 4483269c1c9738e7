import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/core/caller.ts";
import { allianceInput, halfAndHalfModel } from "../../src/modules/alliances/test-fixture.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, signedInState } from "./support.ts";

describe("alliance pages in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let manager: Awaited<ReturnType<typeof signedInState>>;
  let representative: Awaited<ReturnType<typeof signedInState>>;
  let allianceId: string;
  let otherId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    manager = await signedInState(browser, app, "staff", "Matti Allianssipäällikkö");
    representative = await signedInState(browser, app, "member", "Riikka Edustaja");
    const s = app.platform.services;
    const caller: Caller = {
      actor: { id: manager.person.id, name: manager.person.name, email: manager.person.email, role: "staff" },
      locale: "fi",
    };
    const created = await s.alliances.create(caller, allianceInput("Kasvupalveluallianssi"));
    allianceId = created.alliance.id;
    const party = (name: string) => created.parties.find((p) => p.name === name)?.id ?? "";
    await s.alliances.setMember(caller, allianceId, {
      personId: representative.person.id,
      partyId: party("Oulun kaupunki"),
    });
    await s.allianceSettlements.createModel(caller, allianceId, halfAndHalfModel(created.parties));
    await s.allianceBooks.addCostEntry(caller, allianceId, {
      partyId: party("Kasvupalvelut Oy"),
      bookedOn: "2025-03-31",
      category: "fee",
      amount: 500_000,
      auditReference: "KP-PALKKIO-3",
    });
    otherId = (await s.alliances.create(caller, allianceInput("Toinen allianssi"))).alliance.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lets a manager enter a cost (refused outside the dates, then booked), run a settlement and follow its figures by keyboard", async () => {
    const { page, context, errors } = await openPage(browser, app, { storageState: manager.storageState });
    await page.goto(`/alliances/${allianceId}`);
    await page.getByRole("heading", { level: 1, name: "Kasvupalveluallianssi" }).waitFor();
    await expectNoAxeViolations(page, "alliance page for its manager");

    const form = page.locator("form", { has: page.getByRole("button", { name: "Kirjaa kustannus" }) });
    await form.getByLabel("Osapuoli").selectOption({ label: "Kasvupalvelut Oy" });
    await form.getByLabel("Päivä").fill("2024-12-31");
    await form.getByLabel("Kustannuslaji").selectOption("reimbursable");
    await form.getByLabel("Summa").fill("80 000,00");
    await form.getByLabel("Tositeviite").fill("KP-2025-001");
    await form.getByRole("button", { name: "Kirjaa kustannus" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.getByRole("link").first().getAttribute("href")).toBe("#field-cost-bookedOn");
    await expectNoAxeViolations(page, "alliance page with the cost form's errors");

    await form.getByLabel("Päivä").fill("2025-02-15");
    await form.getByLabel("Summa").fill("80 000,00");
    await form.getByLabel("Tositeviite").fill("KP-2025-001");
    await form.getByRole("button", { name: "Kirjaa kustannus" }).click();
    await page.getByText("Tallennettu.").waitFor();
    await page.getByRole("cell", { name: "KP-2025-001" }).waitFor();

    const settle = page.locator("form", { has: page.getByRole("button", { name: "Laske selvitys kirjanpidosta" }) });
    await settle.getByLabel("Vuosi", { exact: true }).selectOption("2025");
    await settle.getByRole("button", { name: "Laske selvitys kirjanpidosta" }).click();
    await page.getByRole("heading", { level: 1, name: "Väliselvitys 2025, versio 1" }).waitFor();
    await expectNoAxeViolations(page, "settlement page");
    // The settlement downloads for the minutes, as the signed-in manager.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Lataa selvitys pöytäkirjan liitteeksi (DOCX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kasvupalveluallianssi-2025-v1-.*\.docx$/);

    // Target 100 000 €, actual 85 000 €: the providers' half of the 15 000 € underrun.
    const incentive = page.getByRole("link", { name: /Miten Kannustin maksetaan syntyi/ });
    expect(await incentive.textContent()).toContain("7\u00a0500,00");
    await incentive.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#step-incentive$/);
    const step = page.locator('[id="step-incentive"]');
    await step.waitFor();
    // From the step, Tab reaches the step it rests on; Enter follows it back.
    const earlier = step.getByRole("link").first();
    await earlier.focus();
    const target = await earlier.getAttribute("href");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === target);
    const actual = page.getByRole("link", { name: /Miten Toteutunut kustannus syntyi/ });
    await actual.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#step-actual$/);
    await page.locator('[id="step-actual.reimbursed"]').getByText("Kustannuskirjaukset (1)").click();
    await page.getByText("KP-2025-001").first().waitFor();
    // The refused form answers 400, which the browser logs as a failed resource.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("shows a party's representative their alliance's books at 360 px, without the managers' forms, and no other alliance", async () => {
    const { page, context, errors } = await openPage(browser, app, {
      storageState: representative.storageState,
      viewport: { width: 360, height: 800 },
    });
    await page.goto("/alliances");
    await page.getByRole("link", { name: "Kasvupalveluallianssi" }).waitFor();
    expect(await page.getByRole("link", { name: "Toinen allianssi" }).count()).toBe(0);
    await page.getByRole("link", { name: "Kasvupalveluallianssi" }).click();
    await page.getByRole("heading", { level: 1, name: "Kasvupalveluallianssi" }).waitFor();
    await page.getByRole("table", { name: "Avoimet kirjat: budjetti ja toteuma" }).waitFor();
    expect(await page.getByRole("button", { name: "Kirjaa kustannus" }).count()).toBe(0);
    // The charts are pictures with a name and their numbers in a table beside them.
    await page.getByRole("img", { name: "Budjetti ja toteuma 2025" }).waitFor();
    await page.getByRole("img", { name: "Kertynyt kustannus ja tavoitekustannus" }).waitFor();
    const cumulative = page.getByRole("table", { name: "Kertynyt kustannus ja tavoitekustannus" });
    await cumulative.getByRole("rowheader", { name: "2025-03" }).waitFor();
    await expectNoAxeViolations(page, "alliance page for a representative at 360 px");
    expect((await horizontalOverflow(page)).widest).toEqual([]);
    const other = await page.goto(`/alliances/${otherId}`);
    expect(other?.status()).toBe(404);
    expect(errors.filter((e) => !e.includes("status of 404"))).toEqual([]);
    await context.close();
  });
});

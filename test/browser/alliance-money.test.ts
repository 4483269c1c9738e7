import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/core/caller.ts";
import { allianceInput } from "../../src/modules/alliances/test-fixture.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, signedInState } from "./support.ts";

/** The words of the "outstanding in all" line, with the amount's no-break spaces as plain ones. */
const outstandingLine = async (page: Page) =>
  ((await page.getByText(/^Maksamatta yhteensä:/).textContent()) ?? "").replace(/\s/g, " ");

describe("alliance invoices, payments and the incentive model in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let manager: Awaited<ReturnType<typeof signedInState>>;
  let auditor: Awaited<ReturnType<typeof signedInState>>;
  let allianceId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    manager = await signedInState(browser, app, "staff", "Matti Allianssipäällikkö");
    auditor = await signedInState(browser, app, "auditor", "Tiina Tarkastaja");
    const s = app.platform.services;
    const caller: Caller = {
      actor: { id: manager.person.id, name: manager.person.name, email: manager.person.email, role: "staff" },
      locale: "fi",
    };
    const created = await s.alliances.create(caller, { ...allianceInput("Rahaliikenteen allianssi"), phases: [] });
    allianceId = created.alliance.id;
    const party = (name: string) => created.parties.find((p) => p.name === name)?.id ?? "";
    // The auditor reads the alliance as a representative of an owner.
    await s.alliances.setMember(caller, allianceId, { personId: auditor.person.id, partyId: party("Oulun kaupunki") });
    const shares = (side: "owner" | "provider") =>
      created.parties
        .filter((p) => p.side === side)
        .map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints }));
    await s.allianceSettlements.createModel(caller, allianceId, {
      version: 1,
      validFrom: "2025-01-01",
      years: [
        { year: 2025, baseTarget: 10_000_000 },
        { year: 2026, baseTarget: 10_000_000 },
      ],
      gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
      painBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
      providerShares: shares("provider"),
      ownerShares: shares("owner"),
    });
    for (const [category, amount, ref] of [
      ["reimbursable", 8_000_000, "KP-2025-05-1"],
      ["fee", 600_000, "KP-2025-05-PALKKIO"],
    ] as const)
      await s.allianceBooks.addCostEntry(caller, allianceId, {
        partyId: party("Kasvupalvelut Oy"),
        bookedOn: "2025-05-20",
        category,
        amount,
        auditReference: ref,
      });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lets a manager make a month's invoice and record its payment, refused input kept, and outstanding follows", async () => {
    const { page, context, errors } = await openPage(browser, app, { storageState: manager.storageState });
    await page.goto(`/alliances/${allianceId}`);
    await page.getByRole("link", { name: "Laskut ja maksut" }).click();
    await page.getByRole("heading", { level: 1, name: "Laskut ja maksut" }).waitFor();
    await expect.poll(() => outstandingLine(page)).toBe("Maksamatta yhteensä: 0,00 €");

    const invoice = page.locator("form", { has: page.getByRole("button", { name: "Laadi kuukausilasku" }) });
    await invoice.getByLabel("Palveluntuottaja").selectOption({ label: "Kasvupalvelut Oy" });
    await invoice.getByLabel("Kuukausi").fill("2025-13");
    await invoice.getByRole("button", { name: "Laadi kuukausilasku" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.getByRole("link").first().getAttribute("href")).toBe("#field-invoice-month");
    expect(await invoice.getByLabel("Kuukausi").inputValue()).toBe("2025-13");
    await expectNoAxeViolations(page, "invoices page with the invoice form's error");

    await invoice.getByLabel("Kuukausi").fill("2025-05");
    await invoice.getByRole("button", { name: "Laadi kuukausilasku" }).click();
    await page.getByText("Tallennettu.").waitFor();
    await expect.poll(() => outstandingLine(page)).toBe("Maksamatta yhteensä: 86 000,00 €");
    const owners = page.getByRole("table", { name: "Tilaajien osuudet maksamattomista laskuista" });
    await owners.getByRole("row", { name: /Pohjois-Pohjanmaan liitto.*51\s600,00/ }).waitFor();

    const payment = page.locator("form", { has: page.getByRole("button", { name: "Kirjaa maksu" }) });
    await payment.getByLabel("Maksupäivä").fill("2025-02-30");
    await payment.getByRole("button", { name: "Kirjaa maksu" }).click();
    await page.getByRole("alert").waitFor();
    expect(await payment.getByLabel("Maksupäivä").inputValue()).toBe("2025-02-30");
    await expect.poll(() => outstandingLine(page)).toBe("Maksamatta yhteensä: 86 000,00 €");
    await payment.getByLabel("Maksupäivä").fill("2025-06-14");
    await payment.getByRole("button", { name: "Kirjaa maksu" }).click();
    await page.getByText("Tallennettu.").waitFor();
    await expect.poll(() => outstandingLine(page)).toBe("Maksamatta yhteensä: 0,00 €");
    await page.getByRole("cell", { name: "Maksettu 14. kesäkuuta 2025" }).waitFor();
    await expectNoAxeViolations(page, "invoices page after the payment");
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("saves a new model version with a 30:70 band after a refusal that kept every field, and the settlement uses it", async () => {
    const { page, context, errors } = await openPage(browser, app, { storageState: manager.storageState });
    await page.goto(`/alliances/${allianceId}/model`);
    await page.getByRole("heading", { level: 1, name: "Kannustinmalli" }).waitFor();
    const versions = page.getByRole("table", { name: "Mallin versiot" });
    await versions.getByRole("row", { name: /Versio 1.*Matti Allianssipäällikkö/ }).waitFor();
    await expectNoAxeViolations(page, "model page for its manager");

    const form = page.locator("form", { has: page.getByRole("button", { name: "Tallenna uusi versio" }) });
    await form.getByLabel("Portaan 1 palveluntuottajien osuus, %").first().fill("30");
    const pain = form.locator("fieldset", { has: page.getByText("Kivun jako (ylitys)") }).first();
    await pain.getByLabel("Portaan 1 raja, % tavoitteesta").fill("10");
    await pain.getByLabel("Portaan 1 palveluntuottajien osuus, %").fill("30");
    await pain.getByLabel("Portaan 2 palveluntuottajien osuus, %").fill("150");
    await form.getByLabel("Kasvupalvelut Oy, %").fill("60");
    await form.getByLabel("Tavoitekustannus 2026").fill("100 000,00 x");
    await form.getByRole("button", { name: "Tallenna uusi versio" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const summary = (await alert.textContent()) ?? "";
    expect(summary).toContain("Portaan 2 palveluntuottajien osuus, %");
    expect(summary).toContain("Tavoitekustannus 2026");
    const hrefs = await alert.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(
      expect.arrayContaining(["#field-model-years.1.baseTarget", "#field-model-painBands.1.providersShareBasisPoints"]),
    );
    // Every field as it was typed.
    expect(await pain.getByLabel("Portaan 1 raja, % tavoitteesta").inputValue()).toBe("10");
    expect(await pain.getByLabel("Portaan 2 palveluntuottajien osuus, %").inputValue()).toBe("150");
    expect(await form.getByLabel("Kasvupalvelut Oy, %").inputValue()).toBe("60");
    expect(await form.getByLabel("Tavoitekustannus 2026").inputValue()).toBe("100 000,00 x");
    expect(await versions.getByRole("row").count()).toBe(2);
    await expectNoAxeViolations(page, "model page with the refused version");

    // The bands and the target right, the providers' split still 90 %: refused naming the split.
    await pain.getByLabel("Portaan 2 palveluntuottajien osuus, %").fill("100");
    await form.getByLabel("Tavoitekustannus 2026").fill("100 000,00");
    await form.getByRole("button", { name: "Tallenna uusi versio" }).click();
    await page.getByRole("alert").getByText("Hyödyn ja kivun jako palveluntuottajien kesken").waitFor();
    expect(await page.getByRole("alert").getByRole("link").first().getAttribute("href")).toBe(
      "#field-model-providerShares",
    );
    expect(await pain.getByLabel("Portaan 2 palveluntuottajien osuus, %").inputValue()).toBe("100");
    await form.getByLabel("Kasvupalvelut Oy, %").fill("70");
    await form.getByRole("button", { name: "Tallenna uusi versio" }).click();
    await page.getByText("Mallin versio 2 tallennettu.").waitFor();
    await versions.getByRole("row", { name: /Versio 2.*Matti Allianssipäällikkö/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Uusi versio 3" }).waitFor();

    // The settlement is worked out with version 2: 30 % of the 14 000 € underrun (86 000 € against 100 000 €).
    await page.goto(`/alliances/${allianceId}`);
    const settle = page.locator("form", { has: page.getByRole("button", { name: "Laske selvitys kirjanpidosta" }) });
    await settle.getByLabel("Vuosi", { exact: true }).selectOption("2025");
    await settle.getByRole("button", { name: "Laske selvitys kirjanpidosta" }).click();
    await page.getByRole("heading", { level: 1, name: "Väliselvitys 2025, versio 1" }).waitFor();
    const incentive = page.getByRole("link", { name: /Miten Kannustin maksetaan syntyi/ });
    expect(await incentive.textContent()).toContain("4\u00a0200,00");
    await page
      .getByText(/× 30\s%/)
      .first()
      .waitFor();
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("shows an auditor the invoices and the model's versions at 360 px without any form", async () => {
    const { page, context, errors } = await openPage(browser, app, {
      storageState: auditor.storageState,
      viewport: { width: 360, height: 800 },
    });
    await page.goto(`/alliances/${allianceId}/invoices`);
    await page.getByRole("heading", { level: 1, name: "Laskut ja maksut" }).waitFor();
    await page
      .getByRole("table", { name: "Laskut", exact: true })
      .getByRole("rowheader", { name: "2025-05" })
      .waitFor();
    expect(await page.locator("main form").count()).toBe(0);
    await expectNoAxeViolations(page, "invoices page for an auditor at 360 px");
    expect((await horizontalOverflow(page)).widest).toEqual([]);

    await page.goto(`/alliances/${allianceId}/model`);
    await page.getByRole("heading", { level: 1, name: "Kannustinmalli" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Versio 2" }).waitFor();
    await page.getByText(/0\s%–10\s%: palveluntuottajat 30\s%/).waitFor();
    expect(await page.locator("main form").count()).toBe(0);
    await expectNoAxeViolations(page, "model page for an auditor at 360 px");
    expect((await horizontalOverflow(page)).widest).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

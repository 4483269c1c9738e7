import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/core/caller.ts";
import { allianceInput } from "../../src/modules/alliances/test-fixture.ts";
import { pdfBytes } from "../../src/modules/commitments/test-fixture.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, signedInState } from "./support.ts";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** The board's decision log (a decision with its signed minutes, the phase gate it decided) and the receipts in the books. */
describe("an alliance's decision log and receipts in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let manager: Awaited<ReturnType<typeof signedInState>>;
  let representative: Awaited<ReturnType<typeof signedInState>>;
  let allianceId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    manager = await signedInState(browser, app, "staff", "Matti Allianssipäällikkö");
    representative = await signedInState(browser, app, "member", "Riikka Edustaja");
    const caller: Caller = {
      actor: { id: manager.person.id, name: manager.person.name, email: manager.person.email, role: "staff" },
      locale: "fi",
    };
    const s = app.platform.services;
    const created = await s.alliances.create(caller, allianceInput("Päätösten allianssi"));
    allianceId = created.alliance.id;
    await s.alliances.setMember(caller, allianceId, {
      personId: manager.person.id,
      partyId: created.parties.find((p) => p.name === "Pohjois-Pohjanmaan liitto")?.id ?? "",
      manager: true,
      board: true,
    });
    // A provider's representative: sees the whole alliance, changes nothing.
    await s.alliances.setMember(caller, allianceId, {
      personId: representative.person.id,
      partyId: created.parties.find((p) => p.name === "Kasvupalvelut Oy")?.id ?? "",
    });
    await s.allianceBooks.addCostEntry(caller, allianceId, {
      partyId: created.parties.find((p) => p.name === "Kasvupalvelut Oy")?.id ?? "",
      bookedOn: "2025-02-15",
      category: "reimbursable",
      amount: 1_250_000,
      auditReference: "KP-2025-017",
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("records a decision with its minutes (a refused one kept as typed), downloads them, and opens a gate with it", async () => {
    const { page, context, errors } = await openPage(browser, app, { ...phone, storageState: manager.storageState });
    await page.goto(`/alliances/${allianceId}/decisions`);
    await page.getByRole("heading", { level: 1, name: "Päätösloki" }).waitFor();
    await page.getByText("Päätöksiä ei ole vielä kirjattu.").waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, "an empty decision log for its manager");

    const form = page.locator("form", { has: page.getByRole("button", { name: "Kirjaa päätös" }) });
    await form.getByLabel("Aihe").fill("Siirtyminen toteutusvaiheeseen");
    await form.getByLabel("Päätösteksti").fill("Johtoryhmä hyväksyy kehitysvaiheen tulokset.");
    await form.getByLabel("Päätöspäivä").fill("2025-02-30");
    await form.getByLabel("Kanta: Matti Allianssipäällikkö").selectOption("for");
    await form.getByLabel("Päätös tehtiin (kannat riittävät)").check();
    await form.getByRole("button", { name: "Kirjaa päätös" }).click();
    // No such day: refused, nothing recorded, and what was typed is still there.
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page, "the decision form's errors");
    expect(await form.getByLabel("Aihe").inputValue()).toBe("Siirtyminen toteutusvaiheeseen");
    expect(await form.getByLabel("Päätösteksti").inputValue()).toBe("Johtoryhmä hyväksyy kehitysvaiheen tulokset.");
    expect(await page.getByText("Päätöksiä ei ole vielä kirjattu.").count()).toBe(1);

    await form.getByLabel("Päätöspäivä").fill("2025-03-28");
    await form.getByLabel("Kanta: Matti Allianssipäällikkö").selectOption("for");
    await form.getByLabel("Päätös tehtiin (kannat riittävät)").check();
    await form.locator('input[type="file"]').setInputFiles({
      name: "poytakirja-2025-03-28.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(pdfBytes),
    });
    await form.getByRole("button", { name: "Kirjaa päätös" }).click();
    await page.getByText("Tallennettu.").waitFor();
    await page.getByText("Siirtyminen toteutusvaiheeseen").first().waitFor();
    const minutes = page.getByRole("link", { name: /poytakirja-2025-03-28\.pdf/ });
    await minutes.waitFor();
    // The signed minutes come back as a download, never shown inline.
    const response = await page.request.get((await minutes.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(Buffer.from(await response.body()).equals(Buffer.from(pdfBytes))).toBe(true);

    const gate = page.locator("form", { has: page.getByRole("button", { name: "Kirjaa porttipäätös" }) });
    await gate.getByLabel("Vaihe, jonka portista päätetään").selectOption("development");
    await gate.getByLabel("Päätös", { exact: true }).selectOption({ index: 0 });
    await gate.getByRole("button", { name: "Kirjaa porttipäätös" }).click();
    await page.getByText("Porttipäätös: Kehitysvaihe").waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, "the decision log with a decision, its minutes and a gate");

    // The alliance page shows the gate with a link to the decision that opened it.
    await page.goto(`/alliances/${allianceId}`);
    const toDecision = page.locator(`a[href*="/alliances/${allianceId}/decisions"]`).first();
    await toDecision.waitFor();
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("attaches the receipt behind a cost entry in the open books (a file that is not a document refused), and it downloads", async () => {
    const { page, context, errors } = await openPage(browser, app, { ...phone, storageState: manager.storageState });
    await page.goto(`/alliances/${allianceId}`);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Liitä tosite" }) });
    const entry = await form.locator("option", { hasText: "KP-2025-017" }).getAttribute("value");
    await form.getByLabel("Kustannuskirjaus").selectOption(entry ?? "");
    await form.locator('input[type="file"]').setInputFiles({
      name: "kuitti.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await form.getByRole("button", { name: "Liitä tosite" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("link", { name: "kuitti.pdf" }).count()).toBe(0);

    await form.locator('input[type="file"]').setInputFiles({
      name: "kuitti.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(pdfBytes),
    });
    await form.getByRole("button", { name: "Liitä tosite" }).click();
    await page.getByText("Tallennettu.").waitFor();
    const receipt = page.getByRole("row", { name: /KP-2025-017/ }).getByRole("link", { name: "kuitti.pdf" });
    await receipt.waitFor();
    const response = await page.request.get((await receipt.getAttribute("href")) ?? "");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(Buffer.from(await response.body()).equals(Buffer.from(pdfBytes))).toBe(true);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, "the alliance page with a receipt");
    expect(errors.filter((e) => !e.includes("status of 4"))).toEqual([]);
    await context.close();
  });

  it("shows a party's representative the same log, minutes and receipts, but no forms", async () => {
    const { page, context, errors } = await openPage(browser, app, {
      ...phone,
      storageState: representative.storageState,
    });
    await page.goto(`/alliances/${allianceId}/decisions`);
    await page.getByRole("heading", { level: 1, name: "Päätösloki" }).waitFor();
    await page.getByText("Siirtyminen toteutusvaiheeseen").first().waitFor();
    await page.getByRole("link", { name: /poytakirja-2025-03-28\.pdf/ }).waitFor();
    expect(await page.getByRole("button", { name: "Kirjaa päätös" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Kirjaa porttipäätös" }).count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await expectNoAxeViolations(page, "the decision log for a representative");
    await page.goto(`/alliances/${allianceId}`);
    await page.getByRole("link", { name: "kuitti.pdf" }).waitFor();
    expect(await page.getByRole("button", { name: "Liitä tosite" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

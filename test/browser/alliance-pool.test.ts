import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/core/caller.ts";
import { allianceInput, halfAndHalfModel } from "../../src/modules/alliances/test-fixture.ts";
import { startTestApp, type TestApp } from "../support/server.ts";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, openPage, signedInState } from "./support.ts";

/** A model whose key result areas share a bonus pool is settled from the alliance page, measure by measure. */
describe("settling a bonus-pool model in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let manager: Awaited<ReturnType<typeof signedInState>>;
  let allianceId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ web: true }), launchBrowser()]);
    manager = await signedInState(browser, app, "staff", "Matti Allianssipäällikkö");
    const s = app.platform.services;
    const caller: Caller = {
      actor: { id: manager.person.id, name: manager.person.name, email: manager.person.email, role: "staff" },
      locale: "fi",
    };
    const created = await s.alliances.create(caller, allianceInput("Pisteallianssi"));
    allianceId = created.alliance.id;
    await s.allianceSettlements.createModel(caller, allianceId, {
      ...halfAndHalfModel(created.parties),
      kra: {
        kind: "pool",
        pool: 1_000_000,
        areas: [
          {
            id: "customers",
            name: "Asiakkaat",
            weightBasisPoints: 10_000,
            measures: [
              {
                id: "placed",
                name: "Työllistyneet",
                weightBasisPoints: 10_000,
                baseline: "20",
                target: "30",
                poor: "20",
                outstanding: "40",
              },
            ],
          },
        ],
      },
    } as never);
    await s.allianceBooks.addCostEntry(caller, allianceId, {
      partyId: created.parties.find((p) => p.name === "Kasvupalvelut Oy")?.id ?? "",
      bookedOn: "2025-03-31",
      category: "fee",
      amount: 500_000,
      auditReference: "KP-PALKKIO-3",
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("asks for each measure's result, refuses a year without it, and pays the pool by the score", async () => {
    const { page, context, errors } = await openPage(browser, app, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      storageState: manager.storageState,
    });
    await page.goto(`/alliances/${allianceId}`);
    const settle = page.locator("form", { has: page.getByRole("button", { name: "Laske selvitys kirjanpidosta" }) });
    const result = settle.getByLabel("Asiakkaat: Työllistyneet, tulos vuonna 2025");
    await result.waitFor();
    // A pool model has no single points figure to type.
    expect(await settle.getByLabel(/Laatupisteet vuonna/).count()).toBe(0);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, "the alliance page with a pool model's measures");

    await settle.getByLabel("Vuosi", { exact: true }).selectOption("2025");
    await settle.getByRole("button", { name: "Laske selvitys kirjanpidosta" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("heading", { level: 1, name: /Väliselvitys/ }).count()).toBe(0);

    // 35 between the target 30 and the outstanding 40: a score of +50, half of the 10 000 € pool.
    await settle.getByLabel("Vuosi", { exact: true }).selectOption("2025");
    await settle.getByLabel("Asiakkaat: Työllistyneet, tulos vuonna 2025").fill("35");
    await settle.getByRole("button", { name: "Laske selvitys kirjanpidosta" }).click();
    await page.getByRole("heading", { level: 1, name: "Väliselvitys 2025, versio 1" }).waitFor();
    // The step that says how the payout came (amounts carry no-break spaces): pool × weighted score / 100.
    await page.getByText(/Kannustinpotti 10\s000,00\s€ × 50 \/ 100 = 5\s000,00\s€\./).waitFor();
    expect(await page.getByText(/^Avaintulosalueiden kannustin$/).count()).toBeGreaterThan(0);
    // A measure's step rests on the model only: its "based on" line starts with that, not with a stray comma.
    await page.getByText(/^Perustuu: Mallin kohta kra\.areas\.0\.measures\.0$/).waitFor();
    expect(await page.getByText(/^Perustuu: ,/).count()).toBe(0);
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });
});

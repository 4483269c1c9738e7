import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { formatPlainDate } from "../../core/dates.ts";
import { translate } from "../../i18n/translate.ts";
import { zipParts } from "../deliverables/export/office.testing.ts";
import { decideEligibility, summarise } from "./eligibility.ts";
import type { GrantInput } from "./inputs-plan.ts";

const rules = {
  eligibleFrom: "2017-01-01",
  eligibleTo: "2019-12-31",
  cutOffs: [
    { kind: "commitments" as const, date: "2019-03-08" },
    { kind: "spending" as const, date: "2019-10-31" },
  ],
};
const cost = {
  category: "services" as const,
  costDate: "2019-04-15",
  commitmentDate: null,
  essentialForEnding: false,
  forOtherPublicBody: false,
};

describe("grant eligibility rules", () => {
  it("decides by the first rule that applies, in the order of the instructions", () => {
    expect(decideEligibility(rules, cost)).toEqual({ eligible: true, rule: "eligible" });
    expect(decideEligibility(rules, { ...cost, costDate: "2016-12-31" }).rule).toBe("outside_period");
    expect(decideEligibility(rules, { ...cost, costDate: "2019-11-01" }).rule).toBe("after_spending_cut_off");
    expect(decideEligibility(rules, { ...cost, category: "ict_development", forOtherPublicBody: true })).toEqual({
      eligible: false,
      rule: "ict_for_other_public_body",
    });
    // A commitment made on the cut-off day itself is still before the line; the day after is not.
    expect(decideEligibility(rules, { ...cost, commitmentDate: "2019-03-08" }).rule).toBe("eligible");
    expect(decideEligibility(rules, { ...cost, commitmentDate: "2019-03-09" })).toEqual({
      eligible: false,
      rule: "commitment_after_cut_off",
    });
    expect(decideEligibility(rules, { ...cost, commitmentDate: "2019-03-09", essentialForEnding: true })).toEqual({
      eligible: true,
      rule: "essential_for_ending",
    });
    // Essential does not save work for another public body.
    expect(
      decideEligibility(rules, {
        ...cost,
        commitmentDate: "2019-03-09",
        essentialForEnding: true,
        forOtherPublicBody: true,
      }).rule,
    ).toBe("ict_for_other_public_body");
  });

  it("sums in cents: the own share rounded half up, the grant used at most its amount, the unused paid part returned", () => {
    const s = summarise({ amountCents: 100_000n, paidCents: 100_000n, ownShareHundredths: 1000 }, [
      { amountCents: 50_005n, eligible: true },
      { amountCents: 7_000n, eligible: false },
    ]);
    expect(s).toEqual({
      totalCents: 57_005n,
      eligibleCents: 50_005n,
      ineligibleCents: 7_000n,
      ownShareCents: 5_001n,
      grantUsedCents: 45_004n,
      remainingCents: 54_996n,
      toReturnCents: 54_996n,
    });
    const over = summarise({ amountCents: 1_000n, paidCents: 500n, ownShareHundredths: 0 }, [
      { amountCents: 5_000n, eligible: true },
    ]);
    expect(over).toMatchObject({ grantUsedCents: 1_000n, remainingCents: 0n, toReturnCents: 0n });
  });
});

const baseGrant = (overrides: Partial<GrantInput> = {}): GrantInput => ({
  name: `Maakunta- ja soteuudistuksen valmistelu ${Math.random().toString(36).slice(2, 8)}`,
  decisionNumber: "VM/1234/2017",
  fundingSource: "base_grant",
  amountCents: 450_000_000,
  ownSharePercent: "10",
  eligibleFrom: "2017-01-01",
  eligibleTo: "2019-12-31",
  cutOffs: [{ kind: "commitments", date: "2019-03-08", label: "Hallitus erosi" }],
  ...overrides,
});

describe("grants and cost entries", () => {
  let app: TestApp;
  let staff: Caller;

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff")).caller;
  });
  afterAll(() => app.close());
  const grants = () => app.platform.services.grants;

  it("decides each entry with its rule, sums the grant, and decides them again when the cut-off moves", async () => {
    const grant = await grants().create(staff, baseGrant({ amountCents: 1_000_000, paidCents: 1_000_000 }));
    expect(grant.grant.ownShareHundredths).toBe(1000);
    const before = await grants().addCost(staff, grant.grant.id, {
      category: "services",
      description: "Konsulttiselvitys",
      costDate: "2019-02-28",
      commitmentDate: "2018-11-01",
      amountCents: 300_000,
    });
    expect(before).toMatchObject({ eligible: true, rule: "eligible" });
    const after = await grants().addCost(staff, grant.grant.id, {
      category: "services",
      description: "Uusi selvitys",
      costDate: "2019-04-30",
      commitmentDate: "2019-03-20",
      amountCents: 200_000,
    });
    expect(after).toMatchObject({ eligible: false, rule: "commitment_after_cut_off" });
    const archive = await grants().addCost(staff, grant.grant.id, {
      category: "archiving",
      description: "Arkistointi",
      costDate: "2019-05-31",
      commitmentDate: "2019-04-01",
      essentialForEnding: true,
      amountCents: 100_000,
    });
    expect(archive).toMatchObject({ eligible: true, rule: "essential_for_ending" });
    const ict = await grants().addCost(staff, grant.grant.id, {
      category: "ict_development",
      description: "Kuntayhtymän potilastietojärjestelmän laajennus",
      costDate: "2019-01-15",
      forOtherPublicBody: true,
      amountCents: 50_000,
    });
    expect(ict).toMatchObject({ eligible: false, rule: "ict_for_other_public_body" });
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "cost.create",
      targetId: ict.id,
      actorId: staff.actor?.id,
    });

    const view = await grants().get(staff, grant.grant.id);
    // Eligible 4 000 €, own share 10 % = 400 €, the grant covers 3 600 € of its 10 000 €; 6 400 € to return.
    expect(view.summary).toMatchObject({
      eligibleCents: 400_000n,
      ineligibleCents: 250_000n,
      ownShareCents: 40_000n,
      grantUsedCents: 360_000n,
      remainingCents: 640_000n,
      toReturnCents: 640_000n,
    });

    // The cut-off moved to 31.3.: the entry committed on 20.3. is now within the rules.
    await grants().update(staff, grant.grant.id, { cutOffs: [{ kind: "commitments", date: "2019-03-31" }] });
    const costs = (await grants().listCosts(staff, grant.grant.id)).items;
    expect(costs.find((c) => c.id === after.id)).toMatchObject({ eligible: true, rule: "eligible" });
    await expectAudited(app.database.db, { module: "commitments", action: "grant.update", targetId: grant.grant.id });
  });

  it("refuses bad input naming the field and changes nothing", async () => {
    const error = await grants()
      .create(staff, baseGrant({ eligibleFrom: "2019-01-01", eligibleTo: "2018-12-31" }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [
        {
          path: "eligibleTo",
          message: translate("fi", "commitments.grant.periodEndBeforeStart", {
            start: formatPlainDate("fi", "2019-01-01"),
          }),
        },
      ],
    });
    const share = await grants()
      .create(staff, baseGrant({ ownSharePercent: "10,123" }))
      .catch((e: unknown) => e);
    expect(share).toMatchObject({ issues: [{ path: "ownSharePercent" }] });
    const twice = await grants()
      .create(
        staff,
        baseGrant({
          cutOffs: [
            { kind: "spending", date: "2019-10-31" },
            { kind: "spending", date: "2019-11-30" },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(twice).toMatchObject({ issues: [{ path: "cutOffs.1.kind" }] });
    const grant = await grants().create(staff, baseGrant());
    const taken = await grants()
      .create(staff, baseGrant({ name: grant.grant.name }))
      .catch((e: unknown) => e);
    expect(taken).toMatchObject({ issues: [{ path: "name" }] });
    const negative = await grants()
      .addCost(staff, grant.grant.id, {
        category: "travel",
        description: "Matka",
        costDate: "2019-01-01",
        amountCents: -1,
      })
      .catch((e: unknown) => e);
    expect(negative).toMatchObject({ issues: [{ path: "amountCents" }] });
    expect((await grants().listCosts(staff, grant.grant.id)).items).toEqual([]);
  });

  it("over HTTP: the report as CSV, XLSX and DOCX; the routes in OpenAPI; members refused", async () => {
    const person = await createPerson(app.database, "staff");
    const cookie = await signIn(app, person.email, person.password);
    const created = await api(app, "/api/commitments/grants", {
      method: "POST",
      cookie,
      body: baseGrant({ name: "ICT-erillisrahoitus", fundingSource: "ict_grant", amountCents: 740_000_000 }),
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const entry = await api(app, `/api/commitments/grants/${id}/costs`, {
      method: "POST",
      cookie,
      body: {
        category: "ict_development",
        description: "Tietovarastoratkaisu",
        costDate: "2018-06-30",
        amountCents: 150_000_050,
      },
    });
    expect(entry.status).toBe(201);
    expect(entry.json).toMatchObject({ eligible: true, rule: "eligible" });

    const csv = await fetch(`${app.url}/commitments/grants/${id}/report.csv`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="ict-erillisrahoitus-.*\.csv"$/);
    const text = (await csv.text()).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[1]).toContain(";1500000,50;Kyllä;Tukikelpoinen.;");

    const xlsx = await fetch(`${app.url}/commitments/grants/${id}/report.xlsx`, { headers: { cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(["Yhteenveto", "Kustannukset lajeittain", "Kustannukset"]);
    expect(book.getWorksheet("Kustannukset lajeittain")?.getRow(2).values).toEqual([
      undefined,
      "ICT-kehittäminen",
      1500000.5,
      0,
      1500000.5,
    ]);

    const docx = await fetch(`${app.url}/commitments/grants/${id}/report.docx`, { headers: { cookie } });
    expect(docx.status).toBe(200);
    const document = zipParts(Buffer.from(await docx.arrayBuffer())).get("word/document.xml") ?? "";
    expect(document).toContain("Valtionavustuksen käyttöselvitys: ICT-erillisrahoitus");
    expect(document).toContain("Tietovarastoratkaisu");

    const member = await createPerson(app.database, "member");
    const memberCookie = await signIn(app, member.email, member.password);
    expect(
      (await fetch(`${app.url}/commitments/grants/${id}/report.csv`, { headers: { cookie: memberCookie } })).status,
    ).toBe(403);
    expect((await api(app, "/api/commitments/grants", { cookie: memberCookie })).status).toBe(403);

    const paths = Object.keys((await api(app, "/api/openapi.json")).json.paths as object);
    for (const path of [
      "/api/commitments/grants",
      "/api/commitments/grants/{id}",
      "/api/commitments/grants/{id}/costs",
      "/api/commitments/costs/{id}",
      "/commitments/grants/{id}/report.csv",
      "/commitments/grants/{id}/report.xlsx",
      "/commitments/grants/{id}/report.docx",
    ])
      expect(paths, path).toContain(path);
  });
});

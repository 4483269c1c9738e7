import { afterAll, beforeAll, describe } from "vitest";
import { expectRulesDecide, type PreparedAttempt, type RuleAttempt } from "../../../test/support/policy-matrix.ts";
import { createPerson, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { IncentiveModelInput } from "./incentive/model.ts";
import { allianceRolesPolicy, alliancesPolicy } from "./policy.ts";
import {
  type AllianceFixture,
  type AllianceVisitor,
  allianceFixture,
  allianceInput,
  allianceVisitors,
  signedOutAllianceVisitors,
} from "./test-fixture.ts";

const prepared = <T>(attempt: PreparedAttempt<AllianceVisitor, T>): RuleAttempt<AllianceVisitor> =>
  attempt as unknown as RuleAttempt<AllianceVisitor>;

/** Every alliances action, made through the real services as each kind of visitor. */
describe("alliances policy", () => {
  let app: TestApp;
  let f: AllianceFixture;
  const s = () => app.platform.services;
  const as = (who: AllianceVisitor) => f.callers[who];
  const id = () => f.alliance.alliance.id;
  let month = 0;
  const nextMonth = () => {
    month += 1;
    return `${2025 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}`;
  };
  const model = async (): Promise<IncentiveModelInput> => {
    const versions = await s().allianceSettlements.listModels(as("manager"), id());
    return {
      version: versions.length + 1,
      validFrom: "2025-01-01",
      years: [{ year: 2025, baseTarget: 100_000_000 }],
      gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
      painBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
      providerShares: [
        { partyId: f.party("Kasvupalvelut Oy"), shareBasisPoints: 7000 },
        { partyId: f.party("Työtä yhdessä ry"), shareBasisPoints: 3000 },
      ],
      ownerShares: [{ partyId: f.party("Pohjois-Pohjanmaan liitto"), shareBasisPoints: 10000 }],
    };
  };
  const csv = (ref: string) =>
    new TextEncoder().encode(`party;date;category;amount;audit reference\nKasvupalvelut Oy;2025-02-01;fee;10;${ref}`);

  beforeAll(async () => {
    app = await startTestApp();
    f = await allianceFixture(app);
    await s().allianceSettlements.createModel(as("manager"), id(), await model());
  });
  afterAll(() => app.close());

  const readers: AllianceVisitor[] = ["representative", "manager"];
  const managers: AllianceVisitor[] = ["manager"];

  expectRulesDecide(
    [alliancesPolicy, allianceRolesPolicy],
    {
      readPublished: allianceVisitors,
      listAlliances: ["member", "representative", "manager", "staff", "admin"],
      createAlliances: ["manager", "staff", "admin"],
      readAlliance: readers,
      manageAlliance: managers,
      editBooks: managers,
      editModel: managers,
    },
    {
      readPublished: { getPublished: (who) => s().alliances.getPublished(as(who), f.published.alliance.id) },
      listAlliances: { list: (who) => s().alliances.list(as(who)) },
      createAlliances: { create: (who) => s().alliances.create(as(who), allianceInput(`Uusi allianssi ${who}`)) },
      readAlliance: {
        get: (who) => s().alliances.get(as(who), id()),
        contributions: (who) => s().alliances.listContributions(as(who), id()),
        budget: (who) => s().allianceBooks.listBudget(as(who), id()),
        "cost entries": (who) => s().allianceBooks.listCostEntries(as(who), id()),
        "budget against actual": (who) => s().allianceBooks.summary(as(who), id()),
        models: (who) => s().allianceSettlements.listModels(as(who), id()),
        settlements: (who) => s().allianceSettlements.list(as(who), id()),
        decisions: (who) => s().allianceDecisions.list(as(who), id()),
        invoices: (who) => s().allianceInvoices.list(as(who), id()),
      },
      manageAlliance: {
        update: (who) => s().alliances.update(as(who), id(), { description: `Muuttanut ${who}` }),
        "set the parties": (who) => s().alliances.setParties(as(who), id(), { parties: f.alliance.parties }),
        setMember: prepared({
          prepare: async () => (await createPerson(app.database, "member")).id,
          run: (who, personId) =>
            s().alliances.setMember(as(who), id(), { personId, partyId: f.party("Oulun kaupunki") }),
        }),
        addContribution: (who) =>
          s().alliances.addContribution(as(who), id(), {
            partyId: f.party("Oulun kaupunki"),
            year: 2025,
            kind: "competence",
            description: who,
          }),
        "record a decision": (who) =>
          s().allianceDecisions.record(as(who), id(), {
            proposal: `Ehdotus (${who})`,
            decidedOn: "2025-06-01",
            positions: f.alliance.members
              .filter((m) => m.board)
              .map((m) => ({ personId: m.personId, position: "for" })),
            made: true,
          }),
        "monthly invoice": prepared({
          prepare: async () => nextMonth(),
          run: (who, m) =>
            s().allianceInvoices.createMonthly(as(who), id(), { partyId: f.party("Kasvupalvelut Oy"), month: m }),
        }),
      },
      editBooks: {
        addBudgetLine: (who) =>
          s().allianceBooks.addBudgetLine(as(who), id(), {
            partyId: f.party("Kasvupalvelut Oy"),
            year: 2025,
            category: "reimbursable",
            amount: 100,
          }),
        addCostEntry: (who) =>
          s().allianceBooks.addCostEntry(as(who), id(), {
            partyId: f.party("Kasvupalvelut Oy"),
            bookedOn: "2025-03-03",
            category: "reimbursable",
            amount: 100,
            auditReference: `P-${who}`,
          }),
        "import dry run": (who) => s().allianceImports.check(as(who), id(), csv(`C-${who}`)),
        "import commit": (who) => s().allianceImports.commit(as(who), id(), csv(`I-${who}`)),
      },
      editModel: {
        "new model version": prepared({
          prepare: model,
          run: (who, input) => s().allianceSettlements.createModel(as(who), id(), input),
        }),
        "work out a settlement": (who) => s().allianceSettlements.calculate(as(who), id(), { year: 2025 }),
      },
    },
    { visitors: allianceVisitors, signedOut: signedOutAllianceVisitors },
  );
});

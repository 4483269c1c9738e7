import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { expectPolicyDecides, type Who } from "../../../test/support/policy-matrix.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { users } from "../accounts/schema.ts";
import { organisations } from "../people/schema.ts";
import { commitmentsPolicy } from "./policy.ts";
import { contractFor, costFor, grantFor, pdfBytes, secondmentFor } from "./test-fixture.ts";

const visitors: Who[] = ["anonymous", "member", "staff", "admin", "auditor"];

describe("commitments policy, through the real service calls", () => {
  let app: TestApp;
  const callers = {} as Record<Who, Caller>;
  const ids = { folder: "", own: "", other: "", secondment: "", grant: "", cost: "", decision: "", item: "" };
  const services = () => app.platform.services;

  beforeAll(async () => {
    app = await startTestApp();
    callers.anonymous = { actor: null, locale: "fi" };
    const [home] = await app.database.db
      .insert(organisations)
      .values({ name: "Oulun kaupunki", kind: "municipality" })
      .returning();
    for (const role of ["member", "staff", "admin", "auditor"] as const) {
      const { person, caller } = await personCaller(app, role);
      await app.database.db.update(users).set({ organisationId: home?.id }).where(eq(users.id, person.id));
      callers[role] = caller;
    }
    const folder = await services().contracts.createFolder(callers.staff, { name: "Tilat" });
    ids.folder = folder.folder.id;
    const own = await services().contracts.createContract(
      callers.staff,
      contractFor(ids.folder, { parties: [{ name: "Oulun kaupunki", organisationId: home?.id, role: "lessor" }] }),
    );
    ids.own = own.contract.id;
    ids.other = (await services().contracts.createContract(callers.staff, contractFor(ids.folder))).contract.id;
    ids.secondment = (await services().secondments.create(callers.staff, secondmentFor(0))).secondment.id;
    ids.grant = (await services().grants.create(callers.staff, grantFor(0))).grant.id;
    ids.cost = (await services().grants.addCost(callers.staff, ids.grant, costFor())).id;
    ids.decision = (
      await services().rampdown.decide(callers.staff, {
        contractId: ids.other,
        decision: "end",
        decidedOn: "2019-03-12",
        decidedBy: "Johtoryhmä",
      })
    ).decision.id;
    ids.item = (await services().rampdown.addChecklistItem(callers.staff, { title: "Arkistointi" })).id;
  });
  afterAll(() => app.close());

  let n = 0;
  const next = () => {
    n += 1;
    return n;
  };

  expectPolicyDecides(
    commitmentsPolicy,
    {
      readRegister: ["member", "staff", "admin", "auditor"],
      readAllContracts: ["staff", "admin", "auditor"],
      readPartyContracts: ["member", "staff", "admin", "auditor"],
      manageContracts: ["staff", "admin"],
      readOwnReminders: ["member", "staff", "admin", "auditor"],
      readSecondments: ["staff", "admin", "auditor"],
      manageSecondments: ["staff", "admin"],
      readGrants: ["staff", "admin", "auditor"],
      manageGrants: ["staff", "admin"],
      readRampdown: ["staff", "admin", "auditor"],
      manageRampdown: ["staff", "admin"],
    },
    {
      readRegister: {
        listFolders: (who) => services().contracts.listFolders(callers[who]),
        getFolder: (who) => services().contracts.getFolder(callers[who], ids.folder),
        listContracts: (who) => services().contracts.listContracts(callers[who], { folderId: ids.folder }),
      },
      readAllContracts: {
        getOtherOrganisationsContract: (who) => services().contracts.getContract(callers[who], ids.other),
        listItsDocuments: (who) => services().contractDocuments.list(callers[who], ids.other),
      },
      readPartyContracts: {
        getOwnOrganisationsContract: (who) => services().contracts.getContract(callers[who], ids.own),
        listItsParties: (who) => services().contracts.listParties(callers[who], ids.own),
      },
      manageContracts: {
        createFolder: (who) => services().contracts.createFolder(callers[who], { name: `Kansio ${next()}` }),
        updateFolder: (who) =>
          services().contracts.updateFolder(callers[who], ids.folder, { description: `${next()}` }),
        setFolderReminders: (who) => services().contracts.setFolderReminders(callers[who], ids.folder, { endDays: 30 }),
        createContract: (who) => services().contracts.createContract(callers[who], contractFor(ids.folder)),
        updateContract: (who) =>
          services().contracts.updateContract(callers[who], ids.other, { diaryNumber: `${next()}` }),
        setContractReminders: (who) =>
          services().contracts.setContractReminders(callers[who], ids.other, { startDays: 5 }),
        addParty: (who) =>
          services().contracts.addParty(callers[who], ids.other, { name: "Oy Esimerkki Ab", role: "supplier" }),
        uploadDocument: (who) =>
          services().contractDocuments.create(
            callers[who],
            ids.other,
            { kind: "annex", title: "Liite" },
            { data: pdfBytes, name: "liite.pdf" },
          ),
      },
      readOwnReminders: {
        listDue: (who) => services().contractReminders.listDue(callers[who]),
      },
      readSecondments: {
        listSecondments: (who) => services().secondments.list(callers[who]),
        getSecondment: (who) => services().secondments.get(callers[who], ids.secondment),
        secondmentTotals: (who) => services().secondments.totals(callers[who]),
        returnSchedule: (who) => services().secondments.returnSchedule(callers[who]),
      },
      readGrants: {
        listGrants: (who) => services().grants.list(callers[who]),
        getGrant: (who) => services().grants.get(callers[who], ids.grant),
        listCosts: (who) => services().grants.listCosts(callers[who], ids.grant),
        getCost: (who) => services().grants.getCost(callers[who], ids.cost),
        grantReport: (who) => services().grants.report(callers[who], ids.grant),
      },
      manageGrants: {
        createGrant: (who) => services().grants.create(callers[who], grantFor(next())),
        updateGrant: (who) => services().grants.update(callers[who], ids.grant, { decisionNumber: `${next()}` }),
        addCost: (who) => services().grants.addCost(callers[who], ids.grant, costFor()),
        updateCost: (who) => services().grants.updateCost(callers[who], ids.cost, { description: `${next()}` }),
      },
      readRampdown: {
        listDecisions: (who) => services().rampdown.listDecisions(callers[who]),
        getDecision: (who) => services().rampdown.getDecision(callers[who], ids.decision),
        checklist: (who) => services().rampdown.checklist(callers[who]),
      },
      manageRampdown: {
        decide: (who) =>
          services().rampdown.decide(callers[who], {
            title: `Sitoumus ${next()}`,
            decision: "end",
            decidedOn: "2019-03-12",
            decidedBy: "Johtoryhmä",
          }),
        updateDecision: (who) => services().rampdown.updateDecision(callers[who], ids.decision, { note: `${next()}` }),
        addChecklistItem: (who) => services().rampdown.addChecklistItem(callers[who], { title: `Kohta ${next()}` }),
        addStandardChecklist: (who) => services().rampdown.addStandardChecklist(callers[who]),
        updateChecklistItem: (who) =>
          services().rampdown.updateChecklistItem(callers[who], ids.item, { note: `${next()}` }),
      },
      manageSecondments: {
        createSecondment: (who) => services().secondments.create(callers[who], secondmentFor(next())),
        updateSecondment: (who) => services().secondments.update(callers[who], ids.secondment, { note: `${next()}` }),
      },
    },
    { visitors },
  );
});

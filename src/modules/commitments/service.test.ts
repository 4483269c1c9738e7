import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { users } from "../accounts/schema.ts";
import { contractSentReminders, contracts } from "./schema.ts";
import { contractFor, folderFor, servicesOn } from "./test-fixture.ts";

/** Rejects with this code and exactly one issue on this field; answers its message. */
async function refusal(promise: Promise<unknown>, path: string, code = "VALIDATION_FAILED") {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; issues?: { path: string; message: string }[] } | null;
  expect(error?.code).toBe(code);
  expect(error?.issues?.map((i) => i.path)).toEqual([path]);
  return error?.issues?.[0]?.message ?? "";
}

describe("contract register", () => {
  let app: TestApp;
  let staff: Caller;
  let services: ReturnType<typeof servicesOn>;
  const contractCount = async () => (await app.database.db.select({ n: count() }).from(contracts))[0]?.n ?? 0;

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff")).caller;
    services = servicesOn(app, "2019-03-15");
  });
  afterAll(() => app.close());

  it("computes the notice deadline with calendar months and shows a weekend deadline as the working day before", async () => {
    const folder = await folderFor(services, staff);
    const year = await services.contracts.createContract(staff, contractFor(folder.id));
    expect(year.contract.noticeDeadline).toBe("2019-09-30");
    expect(year.noticeActBy).toBe("2019-09-30");
    // 31.3.2019 + 3 months = 30.6.2019; 31.3.2019 is a Sunday, so notice is to be given on Friday 29.3.
    const half = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { endDate: "2019-06-30", value: { cents: 12_500_000, currency: "EUR" } }),
    );
    expect(half.contract.noticeDeadline).toBe("2019-03-31");
    expect(half.noticeActBy).toBe("2019-03-29");
    expect(half.value).toEqual({ cents: 12_500_000n, currency: "EUR" });
    // Days: 30 days before 6.12.2019 (Independence Day, a holiday) is 6.11.2019.
    const days = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { startDate: "2019-06-01", endDate: "2019-12-06", notice: { amount: 30, unit: "days" } }),
    );
    expect(days.contract.noticeDeadline).toBe("2019-11-06");
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "contract.create",
      targetId: year.contract.id,
      actorId: staff.actor?.id,
    });
  });

  it("refuses an end before the start, a notice period longer than the contract and a duplicate number, changing nothing", async () => {
    const folder = await folderFor(services, staff);
    const existing = await services.contracts.createContract(staff, contractFor(folder.id, { number: "ICT-1" }));
    const before = await contractCount();

    const end = await refusal(
      services.contracts.createContract(
        staff,
        contractFor(folder.id, { startDate: "2019-05-01", endDate: "2019-04-30" }),
      ),
      "endDate",
    );
    expect(end).toContain("1. toukokuuta 2019");

    const notice = await refusal(
      services.contracts.createContract(staff, contractFor(folder.id, { endDate: "2019-02-28" })),
      "notice",
    );
    // 30.11.2018 + 3 months = 28.2.2019 (the month end clamps): the latest day notice could be given.
    expect(notice).toContain("30. marraskuuta 2018");

    const english = { ...staff, locale: "en" as const };
    const duplicate = await refusal(
      services.contracts.createContract(english, contractFor(folder.id, { number: "ICT-1" })),
      "number",
    );
    expect(duplicate).toBe("The folder already has a contract numbered ICT-1.");
    expect(await contractCount()).toBe(before);

    // The same number in another folder is another contract.
    const other = await folderFor(services, staff);
    await services.contracts.createContract(staff, contractFor(other.id, { number: "ICT-1" }));
    // A change is checked against the stored contract merged with it.
    await refusal(services.contracts.updateContract(staff, existing.contract.id, { endDate: "2018-12-31" }), "endDate");
    await refusal(
      services.contracts.updateContract(staff, existing.contract.id, { notice: { amount: 13, unit: "months" } }),
      "notice",
    );
    const second = await services.contracts.createContract(staff, contractFor(folder.id, { number: "ICT-2" }));
    await refusal(services.contracts.updateContract(staff, second.contract.id, { number: "ICT-1" }), "number");
    const unchanged = await services.contracts.getContract(staff, existing.contract.id);
    expect(unchanged.contract.endDate).toBe("2019-12-31");
    expect(unchanged.contract.noticePeriod).toBe(3);
  });

  it("checks business IDs, open-ended contracts, the confidentiality ground and master contracts", async () => {
    const folder = await folderFor(services, staff);
    const message = await refusal(
      services.contracts.createContract(
        staff,
        contractFor(folder.id, { parties: [{ name: "Oy Esimerkki Ab", businessId: "0185968-6", role: "supplier" }] }),
      ),
      "parties.0.businessId",
    );
    expect(message).toContain("1234567-8");
    await refusal(
      services.contracts.createContract(staff, contractFor(folder.id, { endDate: null, openEnded: false })),
      "endDate",
    );
    const lease = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { type: "lease", endDate: null, openEnded: true, notice: { amount: 6, unit: "months" } }),
    );
    expect(lease.contract.noticeDeadline).toBeNull();
    await refusal(
      services.contracts.createContract(staff, contractFor(folder.id, { confidentiality: "confidential" })),
      "confidentialityGround",
    );
    const framework = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { confidentiality: "confidential", confidentialityGround: "JulkL 24 § 1 mom. 17 k" }),
    );
    const callOff = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { type: "procurement", masterId: framework.contract.id }),
    );
    const master = await services.contracts.getContract(staff, framework.contract.id);
    expect(master.callOffs.map((c) => c.id)).toEqual([callOff.contract.id]);
    expect(master.contract.confidentialityGround).toBe("JulkL 24 § 1 mom. 17 k");
    await refusal(
      services.contracts.updateContract(staff, framework.contract.id, { masterId: callOff.contract.id }),
      "masterId",
    );
  });

  it("sends each due reminder once, to the responsible person and the deputies, folder default or contract override", async () => {
    const responsible = await personCaller(app, "staff", "Riikka Vastuullinen");
    const deputy = await personCaller(app, "member", "Ville Varahenkilö", "sv");
    // Mail is in the recipient's own language.
    await app.database.db.update(users).set({ locale: "sv" }).where(eq(users.id, deputy.person.id));
    const folder = await folderFor(services, staff);
    await services.contracts.setFolderReminders(staff, folder.id, { noticeDays: 30, endDays: 60 });
    const people = { responsibleId: responsible.person.id, deputyIds: [deputy.person.id] };
    // Notice deadline Sunday 31.3.2019 → act by Friday 29.3. → due 27.2.; on 15.3.2019 it is due, its end is not.
    const due = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { ...people, number: "MUIST-1", endDate: "2019-06-30" }),
    );
    expect(due.reminders.filter((r) => r.due).map((r) => [r.kind, r.eventDate, r.dueDate])).toEqual([
      ["notice_deadline", "2019-03-31", "2019-02-27"],
    ]);
    // Its own settings: no notice reminder, an end reminder 120 days before (30.6. − 120 d = 1.3.: due).
    const own = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { ...people, number: "MUIST-2", endDate: "2019-06-30" }),
    );
    await services.contracts.setContractReminders(staff, own.contract.id, { endDays: 120 });
    // Not due: its notice deadline is 30.9.2019.
    await services.contracts.createContract(staff, contractFor(folder.id, { ...people, number: "MUIST-3" }));

    const first = await services.reminders.sendDue();
    const mine = (r: { contractId: string }) => [due.contract.id, own.contract.id].includes(r.contractId);
    const rows = (await app.database.db.select().from(contractSentReminders)).filter(mine);
    expect(
      rows
        .map((r) => `${r.kind} ${r.eventDate} ${r.recipientId === deputy.person.id ? "deputy" : "responsible"}`)
        .sort(),
    ).toEqual([
      "end 2019-06-30 deputy",
      "end 2019-06-30 responsible",
      "notice_deadline 2019-03-31 deputy",
      "notice_deadline 2019-03-31 responsible",
    ]);
    expect(first.sent).toBeGreaterThanOrEqual(4);
    // Again, and twice at once: nothing more.
    const again = await Promise.all([services.reminders.sendDue(), services.reminders.sendDue()]);
    expect(again.map((r) => r.sent)).toEqual([0, 0]);
    expect((await app.database.db.select().from(contractSentReminders)).filter(mine)).toHaveLength(4);

    const mail = await app.smtp.waitFor(responsible.person.email);
    const svMail = await app.smtp.waitFor(deputy.person.email);
    const toResponsible = app.smtp.inbox.filter((m) => m.to.includes(responsible.person.email));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.smtp.inbox.filter((m) => m.to.includes(responsible.person.email))).toHaveLength(2);
    expect(toResponsible.length).toBeGreaterThanOrEqual(1);
    const notice = app.smtp.inbox.find(
      (m) => m.to.includes(responsible.person.email) && m.subject.includes("irtisanomisen"),
    );
    expect(notice?.subject).toBe("Muistutus: sopimuksen MUIST-1 irtisanomisen määräpäivä 31. maaliskuuta 2019");
    expect(notice?.text).toContain("29. maaliskuuta 2019");
    expect(notice?.text).toContain(`/commitments/contracts/${due.contract.id}`);
    expect(mail.html).toContain("Avaa sopimus");
    expect(
      app.smtp.inbox
        .filter((m) => m.to.includes(deputy.person.email))
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      "Påminnelse: avtal MUIST-2 upphör 30 juni 2019",
      "Påminnelse: sista dag för uppsägning av avtal MUIST-1 är 31 mars 2019",
    ]);
    expect(svMail.text).toContain("ersättare");

    // The in-app list: each person's own, the sent ones whose date has not passed.
    const list = await services.reminders.listDue(deputy.caller);
    expect(list.items.map((r) => `${r.contract.number} ${r.kind}`).sort()).toEqual([
      "MUIST-1 notice_deadline",
      "MUIST-2 end",
    ]);
    expect((await services.reminders.listDue(staff)).items).toEqual([]);
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "reminder.send",
      targetId: due.contract.id,
      actorId: null,
      count: 2,
    });
  });

  it("makes up a missed day and stops once the date has passed", async () => {
    const responsible = await personCaller(app, "staff");
    const folder = await folderFor(services, staff);
    await services.contracts.setFolderReminders(staff, folder.id, { startDays: 7 });
    const contract = await services.contracts.createContract(
      staff,
      contractFor(folder.id, { responsibleId: responsible.person.id, startDate: "2019-03-20", endDate: "2019-12-31" }),
    );
    const sent = async (day: string) => {
      await servicesOn(app, day).reminders.sendDue();
      return app.database.db
        .select()
        .from(contractSentReminders)
        .where(eq(contractSentReminders.contractId, contract.contract.id));
    };
    expect(await sent("2019-03-12")).toHaveLength(0);
    // Due on 13.3.; the sweep first runs on 18.3. (downtime): sent then.
    expect(await sent("2019-03-18")).toHaveLength(1);
    const late = await servicesOn(app, "2019-03-21").contracts.createContract(
      staff,
      contractFor(folder.id, { responsibleId: responsible.person.id, startDate: "2019-03-20", endDate: "2019-12-31" }),
    );
    await servicesOn(app, "2019-03-21").reminders.sendDue();
    expect(
      await app.database.db
        .select()
        .from(contractSentReminders)
        .where(eq(contractSentReminders.contractId, late.contract.id)),
    ).toHaveLength(0);
  });
});

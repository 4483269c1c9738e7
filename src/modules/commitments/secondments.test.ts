import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { formatPlainDate, plainDate } from "../../core/dates.ts";
import { translate } from "../../i18n/translate.ts";
import type { SecondmentInput } from "./inputs-plan.ts";
import { secondments } from "./schema.ts";
import { createSecondmentService } from "./secondments.ts";

async function refusal(promise: Promise<unknown>, path: string) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; issues?: { path: string; message: string }[] } | null;
  expect(error?.code).toBe("VALIDATION_FAILED");
  expect(error?.issues?.map((i) => i.path)).toEqual([path]);
  return error?.issues?.[0]?.message ?? "";
}

let n = 0;
const secondment = (overrides: Partial<SecondmentInput> = {}): SecondmentInput => {
  n += 1;
  return {
    personName: `Henkilö ${n}`,
    homeOrganisationName: "Oulun kaupunki",
    legalForm: "staff_loan",
    sharePercent: 100,
    fte: "1.00",
    startDate: "2018-01-01",
    agreedEndDate: "2019-12-31",
    salaryCents: 450_000,
    sideCostsCents: 108_000,
    fundingSource: "base_grant",
    ...overrides,
  };
};

describe("secondments", () => {
  let app: TestApp;
  let staff: Caller;
  let service: ReturnType<typeof createSecondmentService>;
  const rows = async () => (await app.database.db.select({ n: count() }).from(secondments))[0]?.n ?? 0;

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff")).caller;
    service = createSecondmentService({ db: app.database.db, today: () => plainDate("2019-03-15") });
  });
  afterAll(() => app.close());

  it("stores FTE exactly and the monthly cost in cents, audited", async () => {
    const view = await service.create(
      staff,
      secondment({ personName: "Aino Virtanen", sharePercent: 80, fte: "0,8", plannedReturnDate: "2019-05-01" }),
    );
    expect(view.secondment.fteHundredths).toBe(80);
    expect(view.secondment.salaryCents + view.secondment.sideCostsCents).toBe(558_000n);
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "secondment.create",
      targetId: view.secondment.id,
      actorId: staff.actor?.id,
    });
  });

  it("refuses an end before the start and a person's shares over 100 % in total, naming the field; nothing changes", async () => {
    const before = await rows();
    const end = await refusal(
      service.create(staff, secondment({ startDate: "2019-01-01", agreedEndDate: "2018-12-31" })),
      "agreedEndDate",
    );
    expect(end).toBe(
      translate("fi", "commitments.secondment.endBeforeStart", { start: formatPlainDate("fi", "2019-01-01") }),
    );
    await refusal(service.create(staff, secondment({ plannedReturnDate: "2017-12-31" })), "plannedReturnDate");

    await service.create(staff, secondment({ personName: "Matti Meikäläinen", sharePercent: 60, fte: 0.6 }));
    // Another 50 % from 1.3.2019 would make 110 % from then on; "matti  MEIKÄLÄINEN" is the same person.
    const over = await refusal(
      service.create(
        staff,
        secondment({ personName: "matti  MEIKÄLÄINEN", sharePercent: 50, fte: 0.5, startDate: "2019-03-01" }),
      ),
      "sharePercent",
    );
    expect(over).toBe(
      translate("fi", "commitments.secondment.shareOver100", {
        name: "matti  MEIKÄLÄINEN",
        total: "110",
        date: formatPlainDate("fi", "2019-03-01"),
      }),
    );
    // 40 % fits; and a later secondment that does not overlap may be 100 %.
    const fits = await service.create(
      staff,
      secondment({ personName: "Matti Meikäläinen", sharePercent: 40, fte: 0.4 }),
    );
    await service.create(
      staff,
      secondment({ personName: "Matti Meikäläinen", startDate: "2020-01-01", agreedEndDate: "2020-06-30" }),
    );
    // Raising the 40 % one to 50 % is refused the same way, on the merged row.
    await refusal(service.update(staff, fits.secondment.id, { sharePercent: 50 }), "sharePercent");
    await refusal(service.create(staff, secondment({ fte: "1.005" })), "fte");
    await refusal(service.create(staff, secondment({ sharePercent: 101 })), "sharePercent");
    expect(await rows()).toBe(before + 3);
  });

  it("totals people, FTE and costs by organisation and funding source, and a return schedule with substitution chains", async () => {
    const isolated = await startTestApp();
    try {
      const s = createSecondmentService({
        db: isolated.database.db,
        today: () => plainDate("2019-04-15"),
      });
      const boss = (await personCaller(isolated, "staff")).caller;
      await s.create(
        boss,
        secondment({
          personName: "Liisa Laine",
          homeOrganisationName: "PPSHP",
          fte: "0.5",
          sharePercent: 50,
          plannedReturnDate: "2019-04-01",
          substitutes: [
            { name: "Pekka Pitkänen", post: "osastonhoitaja" },
            { name: "Sanna Salo", post: "apulaisosastonhoitaja" },
          ],
        }),
      );
      await s.create(
        boss,
        secondment({
          personName: "Liisa Laine",
          homeOrganisationName: "PPSHP",
          fte: "0.5",
          sharePercent: 50,
          fundingSource: "ict_grant",
          grantEligible: true,
        }),
      );
      await s.create(
        boss,
        secondment({ personName: "Olli Oja", fte: "0.2", sharePercent: 20, plannedReturnDate: "2019-06-30" }),
      );
      const totals = await s.totals(boss);
      expect(totals.total).toMatchObject({ people: 2, secondments: 3, fteHundredths: 120 });
      expect(totals.byOrganisation.map((o) => [o.organisation, o.people, o.fteHundredths])).toEqual([
        ["PPSHP", 1, 100],
        ["Oulun kaupunki", 1, 20],
      ]);
      expect(totals.byFundingSource.map((f) => [f.fundingSource, f.people, f.fteHundredths])).toEqual([
        ["base_grant", 2, 70],
        ["ict_grant", 1, 50],
      ]);
      expect(totals.total.monthlyCostCents).toBe(3n * 558_000n);
      expect((await s.totals(boss, { on: "2020-01-01" })).total.people).toBe(0);

      const schedule = await s.returnSchedule(boss);
      expect(schedule.map((m) => [m.month, m.people, m.fteHundredths])).toEqual([
        ["2019-04", 1, 50],
        ["2019-06", 1, 20],
        ["2020-01", 1, 50],
      ]);
      const april = schedule[0]?.returns[0];
      expect(april?.returned).toBe(true);
      expect(april?.view.substitutes.map((x) => x.name)).toEqual(["Pekka Pitkänen", "Sanna Salo"]);
      // Without a planned return, the day after the agreed end.
      expect(schedule[2]?.returns[0]).toMatchObject({ returnDate: "2020-01-01", planned: false, returned: false });
      expect((await s.returnSchedule(boss, { from: "2019-05-01", to: "2019-06-30" })).map((m) => m.month)).toEqual([
        "2019-06",
      ]);
    } finally {
      await isolated.close();
    }
  });

  it("over HTTP: create, totals, returns in OpenAPI; a translated 400 naming the field; members refused", async () => {
    const person = await createPerson(app.database, "staff");
    const cookie = await signIn(app, person.email, person.password);
    const created = await api(app, "/api/commitments/secondments", {
      method: "POST",
      cookie,
      body: secondment({ fte: 0.35, sharePercent: 35, substitutes: [{ name: "Ville Vaara" }] }),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ fte: "0.35", fteHundredths: 35, monthlyCostCents: 558_000 });
    expect(created.json.substitutes).toEqual([{ position: 0, name: "Ville Vaara", post: "" }]);
    const bad = await api(app, "/api/commitments/secondments", {
      method: "POST",
      cookie,
      body: secondment({ startDate: "2019-05-01", agreedEndDate: "2019-04-30" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([
      {
        path: "agreedEndDate",
        message: translate("fi", "commitments.secondment.endBeforeStart", {
          start: formatPlainDate("fi", "2019-05-01"),
        }),
      },
    ]);
    const patched = await api(app, `/api/commitments/secondments/${created.json.id}`, {
      method: "PATCH",
      cookie,
      body: { fte: "0,4", sharePercent: 40 },
    });
    expect(patched.json).toMatchObject({ fte: "0.40", sharePercent: 40 });
    expect((await api(app, "/api/commitments/secondments/totals", { cookie })).status).toBe(200);
    expect((await api(app, "/api/commitments/secondments/returns?from=2019-01-01", { cookie })).status).toBe(200);

    const member = await createPerson(app.database, "member");
    const memberCookie = await signIn(app, member.email, member.password);
    expect((await api(app, "/api/commitments/secondments", { cookie: memberCookie })).status).toBe(403);

    const paths = Object.keys((await api(app, "/api/openapi.json")).json.paths as object);
    for (const path of [
      "/api/commitments/secondments",
      "/api/commitments/secondments/{id}",
      "/api/commitments/secondments/totals",
      "/api/commitments/secondments/returns",
    ])
      expect(paths, path).toContain(path);
  });
});

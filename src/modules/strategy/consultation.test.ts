import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { type GroupFixture, groupFixture } from "../../../test/support/group-visitors.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { addDays, helsinkiDate, startOfHelsinkiDay } from "../../core/dates.ts";
import { consultationDeadlineJob } from "./consultation.ts";
import { strategyWithIndicator } from "./test-fixture.ts";

const deadline = addDays(helsinkiDate(), 14).toString();

describe("a draft strategy's consultation", () => {
  let app: TestApp;
  let f: GroupFixture;
  const services = () => app.platform.services;

  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
  });
  afterAll(() => app.close());

  /** A draft with two goals (one in another category) and the fixture's indicator. */
  async function draft() {
    const made = await strategyWithIndicator(app, f.callers.staff, { status: "draft" });
    const second = await services().strategies.createGoal(f.callers.staff, made.strategy.id, {
      category: "wellbeing",
      title: "Hyvinvointi paranee",
      description: "Kuvaus",
    });
    return { ...made, second };
  }

  it("gives each goal its own wall in the opening's write, queues the deadline job and audits it", async () => {
    const { strategy, goal, second } = await draft();
    const opened = await services().strategyConsultation.open(f.callers.staff, strategy.id, {
      deadline,
      anonymousAllowed: false,
      moderation: "pre",
    });
    expect(opened).toMatchObject({ status: "consultation", consultationDeadline: deadline });
    const summary = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    // By category in the act's order: well-being first.
    expect(summary.goals.map((g) => g.goal.id)).toEqual([second.id, goal.id]);
    for (const g of summary.goals)
      expect(g.wall).toMatchObject({ closed: false, anonymousAllowed: false, moderation: "pre" });
    const wallRows = await app.database.db.execute(
      sql`select owner_type, owner_id from walls where id in (${summary.goals[0]?.wall?.id}, ${summary.goals[1]?.wall?.id})`,
    );
    const owners = (wallRows as unknown as { rows: { owner_type: string; owner_id: string }[] }).rows;
    expect(owners.map((o) => o.owner_type)).toEqual(["strategy_goal", "strategy_goal"]);
    expect(owners.map((o) => o.owner_id).sort()).toEqual([goal.id, second.id].sort());
    await expectAudited(app.database.db, {
      module: "strategy",
      action: "consultation.open",
      targetId: strategy.id,
      actorId: f.callers.staff.actor?.id,
      details: { deadline, goals: 2, anonymousAllowed: false, moderation: "pre" },
    });
    const jobs = await app.database.db.execute(
      sql`select start_after, data from pgboss.job where name = ${consultationDeadlineJob} and data->>'strategyId' = ${strategy.id}`,
    );
    const [job] = (jobs as unknown as { rows: { start_after: string | Date; data: unknown }[] }).rows;
    expect(job?.data).toEqual({ strategyId: strategy.id, deadline });
    expect(new Date(job?.start_after ?? 0).getTime()).toBe(startOfHelsinkiDay(addDays(deadline, 1)).getTime());
  });

  it("sums up each goal's visible comments only, closes the walls at the deadline and when the strategy leaves consultation", async () => {
    const { strategy, goal } = await draft();
    await services().strategyConsultation.open(f.callers.staff, strategy.id, { deadline, moderation: "open" });
    const summary = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    const wallId = summary.goals.find((g) => g.goal.id === goal.id)?.wall?.id ?? "";
    const viewer = { ...f.viewer("member"), participantHash: "p-consultation-1" };
    const { post } = await services().posts.create(viewer, wallId, {
      body: "Työllisyyteen panostettava",
      authorName: "Olli",
      idempotencyKey: "consultation-1",
    });
    const { post: hidden } = await services().posts.create(viewer, wallId, {
      body: "Piilotettava",
      idempotencyKey: "consultation-2",
    });
    await services().posts.moderate(f.viewer("staff"), hidden.id, { action: "hide" });
    const after = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    expect(after.goals.find((g) => g.goal.id === goal.id)?.comments.map((c) => [c.id, c.body, c.authorName])).toEqual([
      [post.id, "Työllisyyteen panostettava", "Olli"],
    ]);

    // The deadline job closes the walls as the workspace (no actor); a stale job does nothing.
    expect(
      await services().strategyConsultation.closeAtDeadline({ strategyId: strategy.id, deadline: "2000-01-01" }),
    ).toBe("stale");
    expect(await services().strategyConsultation.closeAtDeadline({ strategyId: strategy.id, deadline })).toBe("closed");
    const closed = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    expect(closed.goals.every((g) => g.wall?.closed)).toBe(true);
    await expectAudited(app.database.db, {
      module: "strategy",
      action: "consultation.close",
      targetId: strategy.id,
      actorId: null,
      details: { reason: "deadline", walls: 2 },
    });
    await expectAudited(app.database.db, {
      module: "walls",
      action: "wall.close",
      targetId: wallId,
      actorId: null,
      details: { closed: true },
    });
    await expect(
      services().posts.create(viewer, wallId, { body: "Myöhässä", idempotencyKey: "consultation-3" }),
    ).rejects.toMatchObject({ code: "WALL_CLOSED" });

    // Back to a draft by a plain status change, opened again: the same walls open again; adopting closes them.
    await services().strategies.update(f.callers.staff, strategy.id, { status: "draft" });
    await services().strategyConsultation.open(f.callers.staff, strategy.id, { deadline });
    const again = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    expect(again.goals.find((g) => g.goal.id === goal.id)?.wall).toMatchObject({ id: wallId, closed: false });
    await services().strategies.update(f.callers.staff, strategy.id, { status: "adopted" });
    const adopted = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    expect(adopted.goals.every((g) => g.wall?.closed)).toBe(true);
  });

  it("closes the walls at the deadline even when whoever opened the consultation is no longer staff", async () => {
    const { strategy } = await draft();
    const opener = await createPerson(app.database, "staff");
    const caller = {
      actor: { id: opener.id, name: opener.name, email: opener.email, role: opener.role },
      locale: "fi" as const,
    };
    await services().strategyConsultation.open(caller, strategy.id, { deadline });
    // The opener is no longer staff (the people module's own change of role).
    await services().people.updatePerson(f.callers.admin, opener.id, { role: "member" });
    expect(await services().strategyConsultation.closeAtDeadline({ strategyId: strategy.id, deadline })).toBe("closed");
    const summary = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    expect(summary.goals.map((g) => g.wall?.closed)).toEqual([true, true]);
    await expectAudited(app.database.db, {
      module: "strategy",
      action: "consultation.close",
      targetId: strategy.id,
      actorId: null,
      details: { reason: "deadline", deadline, walls: 2 },
    });
  });

  it("gives a goal added during the consultation its wall at once, taking comments as the others do", async () => {
    const { strategy } = await draft();
    await services().strategyConsultation.open(f.callers.staff, strategy.id, {
      deadline,
      anonymousAllowed: false,
      moderation: "pre",
    });
    const added = await services().strategies.createGoal(f.callers.staff, strategy.id, {
      category: "personnel",
      title: "Osaava henkilöstö",
    });
    expect(added.wallId).toEqual(expect.any(String));
    const summary = await services().strategyConsultation.summary(f.callers.staff, strategy.id);
    expect(summary.goals.find((g) => g.goal.id === added.id)?.wall).toMatchObject({
      id: added.wallId,
      closed: false,
      anonymousAllowed: false,
      moderation: "pre",
    });
    await expectAudited(app.database.db, {
      module: "walls",
      action: "wall.create",
      targetId: added.wallId ?? "",
      actorId: f.callers.staff.actor?.id,
      details: { ownerType: "strategy_goal", ownerId: added.id },
    });
    // A goal of a draft gets no wall.
    const { strategy: other } = await draft();
    const quiet = await services().strategies.createGoal(f.callers.staff, other.id, {
      category: "personnel",
      title: "Ei seinää",
    });
    expect(quiet.wallId).toBeNull();
  });

  it("refuses a plain status change to consultation (and a new strategy in it): it opens through the consultation", async () => {
    const { strategy } = await draft();
    const en = { ...f.callers.staff, locale: "en" as const };
    const refusal = {
      code: "VALIDATION_FAILED",
      issues: [{ path: "status", message: expect.stringContaining("Open it for consultation with a deadline") }],
    };
    await expect(services().strategies.update(en, strategy.id, { status: "consultation" })).rejects.toMatchObject(
      refusal,
    );
    await expect(
      services().strategies.create(en, { name: "Uusi", startYear: 2021, endYear: 2025, status: "consultation" }),
    ).rejects.toMatchObject(refusal);
    const after = await services().strategies.get(f.callers.staff, strategy.id);
    expect(after.strategy.status).toBe("draft");
    expect(after.goals.every((g) => g.goal.wallId === null)).toBe(true);
    // In consultation already, a patch naming the same status changes nothing about it.
    await services().strategyConsultation.open(f.callers.staff, strategy.id, { deadline });
    const same = await services().strategies.update(f.callers.staff, strategy.id, {
      status: "consultation",
      vision: "Uusi visio",
    });
    expect(same).toMatchObject({ status: "consultation", vision: "Uusi visio" });
  });

  it("refuses a strategy that is not a draft, a past deadline, a draft without goals, and anyone but staff", async () => {
    const { strategy } = await draft();
    await expect(
      services().strategyConsultation.open(f.callers.staff, strategy.id, { deadline: "2020-01-01" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "deadline" }] });
    const empty = await services().strategies.create(f.callers.staff, {
      name: "Tyhjä",
      startYear: 2021,
      endYear: 2025,
    });
    await expect(services().strategyConsultation.open(f.callers.staff, empty.id, { deadline })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "goals" }],
    });
    for (const who of ["member", "groupMember", "convener"] as const) {
      await expect(
        services().strategyConsultation.open(f.callers[who], strategy.id, { deadline }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(services().strategyConsultation.summary(f.callers[who], strategy.id)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      services().strategyConsultation.open(f.callers.anonymous, strategy.id, { deadline }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await services().strategyConsultation.open(f.callers.admin, strategy.id, { deadline });
    await expect(
      services().strategyConsultation.open(f.callers.staff, strategy.id, { deadline }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      issues: [{ path: "status" }],
    });
    const closed = await services().strategyConsultation.close(f.callers.staff, strategy.id, { to: "draft" });
    expect(closed.status).toBe("draft");
    await expect(services().strategyConsultation.close(f.callers.staff, strategy.id)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("the consultation over HTTP", () => {
  let app: TestApp;
  let staff: string;
  let member: string;
  beforeAll(async () => {
    app = await startTestApp();
    const people = await Promise.all([createPerson(app.database, "staff"), createPerson(app.database, "member")]);
    staff = await signIn(app, people[0]?.email ?? "", people[0]?.password ?? "");
    member = await signIn(app, people[1]?.email ?? "", people[1]?.password ?? "");
  });
  afterAll(() => app.close());

  it("opens, sums up as JSON, CSV and XLSX for staff only, closes; the routes are in the OpenAPI document", async () => {
    const created = await api(app, "/api/strategies", {
      method: "POST",
      cookie: staff,
      body: { name: "Maakuntastrategia", startYear: 2021, endYear: 2025 },
    });
    const id = created.json.id as string;
    await api(app, `/api/strategies/${id}/goals`, {
      method: "POST",
      cookie: staff,
      body: { category: "participation", title: "Osallisuus vahvistuu" },
    });
    const refused = await api(app, `/api/strategies/${id}/consultation`, {
      method: "POST",
      cookie: member,
      body: { deadline },
    });
    expect(refused.status).toBe(403);
    const bad = await api(app, `/api/strategies/${id}/consultation`, {
      method: "POST",
      cookie: `${staff}; uudistamo_lang=en`,
      body: { deadline: "2001-01-01" },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("The deadline cannot be in the past");
    const opened = await api(app, `/api/strategies/${id}/consultation`, {
      method: "POST",
      cookie: staff,
      body: { deadline },
    });
    expect(opened.status).toBe(200);
    expect(opened.json.status).toBe("consultation");
    const summary = await api(app, `/api/strategies/${id}/consultation`, { cookie: staff });
    expect(summary.status).toBe(200);
    expect(summary.json).toMatchObject({ deadline, goals: [{ title: "Osallisuus vahvistuu", comments: [] }] });
    expect((await api(app, `/api/strategies/${id}/consultation`, { cookie: member })).status).toBe(403);

    const csv = await fetch(`${app.url}/strategies/${id}/consultation.csv`, { headers: { cookie: staff } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("Tavoite;Luokka");
    const xlsx = await fetch(`${app.url}/strategies/${id}/consultation.xlsx`, { headers: { cookie: staff } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(["Kaikki kommentit", "Osallisuus vahvistuu"]);
    expect((await fetch(`${app.url}/strategies/${id}/consultation.csv`, { headers: { cookie: member } })).status).toBe(
      403,
    );

    const closed = await api(app, `/api/strategies/${id}/consultation/close`, {
      method: "POST",
      cookie: staff,
      body: { to: "adopted" },
    });
    expect(closed.json.status).toBe("adopted");
    const doc = await api(app, "/api/openapi.json");
    const paths = Object.keys(doc.json.paths as object);
    for (const path of [
      "/api/strategies/{id}/consultation",
      "/api/strategies/{id}/consultation/close",
      "/strategies/{id}/consultation.csv",
      "/strategies/{id}/consultation.xlsx",
    ])
      expect(paths).toContain(path);
  });
});

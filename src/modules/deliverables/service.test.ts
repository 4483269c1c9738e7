import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { auditEvents } from "../audit/schema.ts";
import { operatingModelTemplate } from "../templates/operating-model.ts";
import { deliverableTemplates } from "../templates/schema.ts";
import { isSectionConflict, type SectionConflict } from "./service.ts";

describe("deliverables", () => {
  let app: TestApp;
  let staff: Caller;
  let writer: Awaited<ReturnType<typeof personCaller>>;
  let other: Awaited<ReturnType<typeof personCaller>>;
  let outsider: Awaited<ReturnType<typeof personCaller>>;
  let templateId: string;
  const visitor: Caller = { actor: null, locale: "fi" };
  const services = () => app.platform.services;

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff", "Sanna Valmistelija")).caller;
    writer = await personCaller(app, "member", "Janna Kirjoittaja");
    other = await personCaller(app, "member", "Ilkka Toinen");
    outsider = await personCaller(app, "member", "Olli Ulkopuolinen");
    const [template] = await app.database.db
      .select()
      .from(deliverableTemplates)
      .where(eq(deliverableTemplates.key, "operating-model"));
    templateId = template?.id ?? "";
  });
  afterAll(() => app.close());

  async function groupWithDeliverable(input: Record<string, unknown> = {}) {
    const group = await services().groups.create(staff, { name: "Maakuntastrategia", convenerId: writer.person.id });
    await services().groups.setMember(staff, group.id, { userId: other.person.id });
    const deliverable = await services().deliverables.create(writer.caller, group.id, { templateId, ...input });
    const detail = await services().deliverables.get(writer.caller, deliverable.id);
    return { group, deliverable, detail };
  }

  it("copies the template's sections with their guidance in the deliverable's language", async () => {
    const { detail } = await groupWithDeliverable();
    expect(detail.deliverable.title).toBe("Uuden toimintamallin kuvaus – Maakuntastrategia");
    expect(detail.sections).toHaveLength(20);
    expect(detail.sections[0]).toMatchObject({
      position: 1,
      title: "Maakunnan tehtävät",
      guidance: operatingModelTemplate.sections[0]?.text.fi.guidance,
      version: 0,
      body: "",
    });
    const swedish = await groupWithDeliverable({ locale: "sv", title: "Strategin" });
    expect(swedish.detail.deliverable).toMatchObject({ title: "Strategin", locale: "sv" });
    expect(swedish.detail.sections[1]).toMatchObject({
      title: "Nuvarande verksamhetssätt",
      guidance: operatingModelTemplate.sections[1]?.text.sv.guidance,
    });
    await expect(
      services().deliverables.create(outsider.caller, swedish.group.id, { templateId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps every save as a version, and refuses a save based on an older version with the newer text and its writer", async () => {
    const { detail } = await groupWithDeliverable();
    const section = detail.sections[1];
    if (!section) throw new Error("no section");
    const first = await services().deliverables.saveSection(writer.caller, section.id, {
      body: "Kullakin organisaatiolla on omat strategiansa:\n- Maakuntaliitto",
      baseVersion: 0,
    });
    expect(first).toMatchObject({ version: 1, updatedByName: "Janna Kirjoittaja" });
    expect(first.html).toContain("<li>Maakuntaliitto</li>");

    // Both open version 1; the other member saves first.
    await services().deliverables.saveSection(other.caller, section.id, {
      body: "Kullakin organisaatiolla on omat strategiansa:\n- Maakuntaliitto\n- Siun sote",
      baseVersion: 1,
    });
    const refused = await services()
      .deliverables.saveSection(writer.caller, section.id, {
        body: "Kullakin organisaatiolla on omat strategiansa:\n- Maakuntaliitto\n- ELY-keskus",
        baseVersion: 1,
      })
      .catch((error: unknown) => error);
    expect(isSectionConflict(refused)).toBe(true);
    const conflict = refused as SectionConflict;
    expect(conflict.status).toBe(409);
    expect(conflict.current).toMatchObject({ version: 2, authorName: "Ilkka Toinen" });
    expect(conflict.current.body).toContain("- Siun sote");
    expect(conflict.issues[0]?.message).toMatch(/^Ilkka Toinen tallensi tähän osioon uudemman version/);

    // Nothing was written by the refused save.
    const versions = await services().deliverables.versions(writer.caller, section.id);
    expect(versions.map((v) => [v.version, v.authorName])).toEqual([
      [2, "Ilkka Toinen"],
      [1, "Janna Kirjoittaja"],
    ]);
    // Saving again on the newer version goes through; an unchanged text makes no version.
    const third = await services().deliverables.saveSection(writer.caller, section.id, {
      body: "Kullakin organisaatiolla on omat strategiansa:\n- Maakuntaliitto\n- Siun sote\n- ELY-keskus",
      baseVersion: 2,
    });
    expect(third.version).toBe(3);
    const same = await services().deliverables.saveSection(writer.caller, section.id, {
      body: third.body,
      baseVersion: 3,
    });
    expect(same.version).toBe(3);
    const audit = await app.database.db.select().from(auditEvents).where(eq(auditEvents.action, "section.save"));
    expect(audit.filter((a) => (a.details as { sectionId?: string }).sectionId === section.id)).toHaveLength(3);
  });

  it("lets exactly one of two simultaneous saves on the same version through", async () => {
    const { detail } = await groupWithDeliverable();
    const section = detail.sections[4];
    if (!section) throw new Error("no section");
    const results = await Promise.allSettled([
      services().deliverables.saveSection(writer.caller, section.id, { body: "Ensimmäinen", baseVersion: 0 }),
      services().deliverables.saveSection(other.caller, section.id, { body: "Toinen", baseVersion: 0 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect(isSectionConflict(failed?.status === "rejected" ? failed.reason : null)).toBe(true);
    expect(await services().deliverables.versions(writer.caller, section.id)).toHaveLength(1);
  });

  it("compares any two versions line by line, including the empty start", async () => {
    const { detail } = await groupWithDeliverable();
    const section = detail.sections[0];
    if (!section) throw new Error("no section");
    await services().deliverables.saveSection(writer.caller, section.id, { body: "A\nB\nC", baseVersion: 0 });
    await services().deliverables.saveSection(other.caller, section.id, { body: "A\nB2\nC", baseVersion: 1 });
    await services().deliverables.saveSection(writer.caller, section.id, { body: "A\nB2\nC\nD", baseVersion: 2 });
    const comparison = await services().deliverables.compare(writer.caller, section.id, { from: 1, to: 3 });
    expect(comparison.from).toMatchObject({ version: 1, authorName: "Janna Kirjoittaja" });
    expect(comparison.to).toMatchObject({ version: 3 });
    expect(comparison.diff).toMatchObject({ added: 2, removed: 1 });
    expect(comparison.diff.lines.map((l) => `${l.kind}:${l.text}`)).toEqual([
      "same:A",
      "removed:B",
      "added:B2",
      "same:C",
      "added:D",
    ]);
    expect((await services().deliverables.compare(writer.caller, section.id, { from: 0, to: 1 })).diff.added).toBe(3);
    await expect(services().deliverables.compare(writer.caller, section.id, { from: 1, to: 9 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      services().deliverables.compare(outsider.caller, section.id, { from: 1, to: 2 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps comments on a section for the group's people", async () => {
    const { detail } = await groupWithDeliverable();
    const section = detail.sections[2];
    if (!section) throw new Error("no section");
    await services().deliverables.comment(other.caller, section.id, { body: "Lisätään **JTS-neuvottelu**." });
    const opened = await services().deliverables.section(writer.caller, section.id);
    expect(opened.comments).toEqual([
      expect.objectContaining({ authorName: "Ilkka Toinen", html: "<p>Lisätään <strong>JTS-neuvottelu</strong>.</p>" }),
    ]);
    expect(opened.previous).toEqual({ id: detail.sections[1]?.id, position: 2, title: "Nykyinen toimintatapa" });
    expect(opened.next?.id).toBe(detail.sections[3]?.id);
    await expect(services().deliverables.comment(outsider.caller, section.id, { body: "Hei" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(services().deliverables.comment(other.caller, section.id, { body: "  " })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("moves the status by role: members to review and submission, staff accept or return with a comment", async () => {
    const { deliverable, detail } = await groupWithDeliverable();
    expect(detail.transitions).toEqual(["in_review"]);
    await expect(
      services().deliverables.transition(outsider.caller, deliverable.id, { to: "in_review" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await services().deliverables.transition(other.caller, deliverable.id, { to: "in_review" });
    await services().deliverables.transition(writer.caller, deliverable.id, { to: "submitted" });
    // Submitted: the group can no longer write, nor accept its own work.
    await expect(
      services().deliverables.transition(writer.caller, deliverable.id, { to: "accepted" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const section = detail.sections[0];
    if (!section) throw new Error("no section");
    await expect(
      services().deliverables.saveSection(writer.caller, section.id, { body: "Myöhässä", baseVersion: 0 }),
    ).rejects.toMatchObject({ code: "CONFLICT", issues: [{ path: "body" }] });
    await expect(services().deliverables.transition(staff, deliverable.id, { to: "returned" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "comment" }],
    });
    await services().deliverables.transition(staff, deliverable.id, {
      to: "returned",
      comment: "Täydennä talous ja henkilöstö.",
    });
    // A move the machine does not have from here is a stale request.
    await expect(services().deliverables.transition(staff, deliverable.id, { to: "accepted" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await services().deliverables.saveSection(writer.caller, section.id, { body: "Korjattu", baseVersion: 0 });
    await services().deliverables.transition(writer.caller, deliverable.id, { to: "in_review" });
    await services().deliverables.transition(writer.caller, deliverable.id, { to: "submitted" });
    const accepted = await services().deliverables.transition(staff, deliverable.id, { to: "accepted" });
    expect(accepted.status).toBe("accepted");
    const after = await services().deliverables.get(writer.caller, deliverable.id);
    expect(after.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      "submitted→accepted",
      "in_review→submitted",
      "returned→in_review",
      "submitted→returned",
      "in_review→submitted",
      "draft→in_review",
    ]);
    expect(after.history[3]).toMatchObject({
      comment: "Täydennä talous ja henkilöstö.",
      actorName: "Sanna Valmistelija",
    });
    expect(after).toMatchObject({ transitions: [], editable: false });
  });

  it("shows a deliverable to the public only when both it and its group are public", async () => {
    const { group, deliverable } = await groupWithDeliverable();
    await expect(services().deliverables.get(visitor, deliverable.id)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await services().deliverables.update(writer.caller, deliverable.id, { isPublic: true });
    await expect(services().deliverables.get(outsider.caller, deliverable.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await services().groups.update(writer.caller, group.id, { name: group.name, isPublic: true });
    const seen = await services().deliverables.get(visitor, deliverable.id);
    expect(seen).toMatchObject({ canWork: false, editable: false, transitions: [], history: [] });
    await expect(
      services().deliverables.update(other.caller, deliverable.id, { isPublic: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists every group's deliverables for coordination: overdue first, then by next deadline, then without one", async () => {
    const now = new Date("2017-05-15T09:00:00Z");
    const a = await groupWithDeliverable({ title: "A: deadline ahead" });
    const b = await groupWithDeliverable({ title: "B: long overdue" });
    const c = await groupWithDeliverable({ title: "C: no deadline" });
    const d = await groupWithDeliverable({ title: "D: overdue yesterday" });
    const e = await groupWithDeliverable({ title: "E: met, then ahead" });
    const f = await groupWithDeliverable({ title: "F: accepted" });
    await services().deliverables.addDeadline(writer.caller, a.deliverable.id, { kind: "report", dueOn: "2017-06-30" });
    await services().deliverables.addDeadline(writer.caller, b.deliverable.id, {
      kind: "preliminary",
      dueOn: "2017-04-13",
    });
    await services().deliverables.addDeadline(writer.caller, d.deliverable.id, {
      kind: "finished",
      dueOn: "2017-05-14",
    });
    await services().deliverables.addDeadline(writer.caller, e.deliverable.id, {
      kind: "preliminary",
      dueOn: "2017-03-01",
    });
    await services().deliverables.addDeadline(writer.caller, e.deliverable.id, {
      kind: "other",
      label: "Ohjausryhmä",
      dueOn: "2017-05-20",
    });
    const met = (await services().deliverables.get(writer.caller, e.deliverable.id)).deadlines[0];
    await services().deliverables.setDeadlineDone(writer.caller, met?.id ?? "", { done: true });
    await services().deliverables.addDeadline(writer.caller, f.deliverable.id, { kind: "report", dueOn: "2017-01-01" });
    for (const to of ["in_review", "submitted"] as const) {
      await services().deliverables.transition(writer.caller, f.deliverable.id, { to });
    }
    await services().deliverables.transition(staff, f.deliverable.id, { to: "accepted" });

    await expect(services().deliverables.coordination(writer.caller)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rows = (await services().deliverables.coordination(staff, now)).filter((r) =>
      [a, b, c, d, e, f].some((x) => x.deliverable.id === r.deliverableId),
    );
    expect(rows.map((r) => r.title)).toEqual([
      "B: long overdue",
      "D: overdue yesterday",
      "E: met, then ahead",
      "A: deadline ahead",
      "C: no deadline",
      "F: accepted",
    ]);
    expect(rows[0]?.nextDeadline).toEqual({ kind: "preliminary", label: "", dueOn: "2017-04-13", overdue: true });
    expect(rows[2]?.nextDeadline).toMatchObject({ label: "Ohjausryhmä", overdue: false });
    expect(rows[5]).toMatchObject({ status: "accepted", nextDeadline: null });
    void c;
  });

  it("lays the deliverable out for export in its own language, sections as sanitised HTML", async () => {
    const { deliverable, detail } = await groupWithDeliverable({ locale: "en" });
    const section = detail.sections[0];
    if (!section) throw new Error("no section");
    await services().deliverables.saveSection(writer.caller, section.id, {
      body: "Tasks under **section 35**.\n<script>alert(1)</script>",
      baseVersion: 0,
    });
    const doc = await services().deliverables.exportDocument(other.caller, deliverable.id);
    expect(doc).toMatchObject({ locale: "en", title: "Description of the new operating model – Maakuntastrategia" });
    expect(doc.meta.map((m) => m.label)).toEqual(["Working group", "Status", "Updated"]);
    expect(doc.sections).toHaveLength(20);
    expect(doc.sections[0]?.html).toBe(
      "<p>Tasks under <strong>section 35</strong>.<br />\n&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
    await expect(services().deliverables.exportDocument(outsider.caller, deliverable.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

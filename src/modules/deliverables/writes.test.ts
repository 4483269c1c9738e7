import { afterAll, beforeAll, describe, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";

/** Every write of the deliverables module goes through the write path and leaves its audit row. */
describe("deliverables writes", () => {
  let app: TestApp;
  let staff: Caller;
  let writer: Awaited<ReturnType<typeof personCaller>>;
  let templateId = "";
  const services = () => app.platform.services;
  const db = () => app.database.db;
  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff", "Sanna Valmistelija")).caller;
    writer = await personCaller(app, "member", "Janna Kirjoittaja");
    templateId = (await services().deliverableTemplates.list(staff)).find((t) => t.key === "operating-model")?.id ?? "";
  });
  afterAll(() => app.close());

  const started = async () => {
    const group = await services().groups.create(staff, { name: "Maakuntastrategia", convenerId: writer.person.id });
    const deliverable = await services().deliverables.create(writer.caller, group.id, { templateId });
    return { group, deliverable, detail: await services().deliverables.get(writer.caller, deliverable.id) };
  };

  it("audits starting, renaming and moving a deliverable", async () => {
    const { group, deliverable } = await started();
    const actorId = writer.person.id;
    await expectAudited(db(), {
      module: "deliverables",
      action: "deliverable.create",
      targetId: deliverable.id,
      actorId,
      details: { groupId: group.id, template: templateId },
    });
    await services().deliverables.update(writer.caller, deliverable.id, { title: "Strategia", isPublic: true });
    await expectAudited(db(), {
      module: "deliverables",
      action: "deliverable.update",
      targetId: deliverable.id,
      actorId,
      details: { title: "Strategia", isPublic: true },
    });
    await services().deliverables.transition(writer.caller, deliverable.id, { to: "in_review" });
    await expectAudited(db(), {
      module: "deliverables",
      action: "deliverable.status",
      targetId: deliverable.id,
      actorId,
      details: { from: "draft", to: "in_review" },
    });
  });

  it("audits a section's saves and comments, and records nothing for an unchanged save", async () => {
    const { deliverable, detail } = await started();
    const sectionId = detail.sections[0]?.id ?? "";
    await services().deliverables.saveSection(writer.caller, sectionId, { body: "Maakunnan tehtävät", baseVersion: 0 });
    await services().deliverables.saveSection(writer.caller, sectionId, { body: "Maakunnan tehtävät", baseVersion: 1 });
    await expectAudited(db(), {
      module: "deliverables",
      action: "section.save",
      targetId: deliverable.id,
      actorId: writer.person.id,
      details: { sectionId, version: 1 },
    });
    await services().deliverables.comment(writer.caller, sectionId, { body: "Hyvä alku." });
    await expectAudited(db(), {
      module: "deliverables",
      action: "section.comment",
      targetId: deliverable.id,
      actorId: writer.person.id,
      details: { sectionId },
    });
  });

  it("audits adding, meeting, reopening and removing a deadline", async () => {
    const { deliverable } = await started();
    await services().deliverables.addDeadline(writer.caller, deliverable.id, { kind: "report", dueOn: "2017-06-30" });
    const added = await expectAudited(db(), {
      module: "deliverables",
      action: "deadline.add",
      targetId: deliverable.id,
      actorId: writer.person.id,
      details: { kind: "report", dueOn: "2017-06-30" },
    });
    const deadlineId = (added.details as { deadlineId: string }).deadlineId;
    await services().deliverables.setDeadlineDone(writer.caller, deadlineId, { done: true });
    await expectAudited(db(), {
      module: "deliverables",
      action: "deadline.done",
      targetId: deliverable.id,
      details: { deadlineId },
    });
    await services().deliverables.setDeadlineDone(writer.caller, deadlineId, { done: false });
    await expectAudited(db(), {
      module: "deliverables",
      action: "deadline.reopen",
      targetId: deliverable.id,
      details: { deadlineId },
    });
    await services().deliverables.removeDeadline(staff, deadlineId);
    await expectAudited(db(), {
      module: "deliverables",
      action: "deadline.remove",
      targetId: deliverable.id,
      actorId: staff.actor?.id,
      details: { deadlineId, kind: "report", dueOn: "2017-06-30" },
    });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { auditEvents } from "../audit/schema.ts";
import { installBuiltIns } from "./builtins.ts";
import { deliverableTemplates } from "./schema.ts";

/** Every write of the templates module goes through the write path and leaves its audit row. */
describe("templates writes", () => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof personCaller>>;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await personCaller(app, "admin", "Kaisa Muutosjohtaja");
  });
  afterAll(() => app.close());

  it("audits creating and replacing a template", async () => {
    const templates = app.platform.services.deliverableTemplates;
    const created = await templates.create(admin.caller, {
      name: { fi: "Kokeilu" },
      sections: [{ title: { fi: "A" } }],
    });
    await expectAudited(app.database.db, {
      module: "templates",
      action: "template.create",
      targetId: created.id,
      actorId: admin.person.id,
      details: { name: "Kokeilu", sections: 1 },
    });
    await templates.update(admin.caller, created.id, {
      name: { fi: "Kokeilu 2" },
      sections: [{ title: { fi: "A" } }, { title: { fi: "B" } }],
    });
    await expectAudited(app.database.db, {
      module: "templates",
      action: "template.update",
      targetId: created.id,
      actorId: admin.person.id,
      details: { name: "Kokeilu 2", sections: 2 },
    });
  });

  it("audits the built-ins once, as the workspace's own write, and records nothing at a later start", async () => {
    const [row] = await app.database.db
      .select()
      .from(deliverableTemplates)
      .where(eq(deliverableTemplates.key, "operating-model"));
    await installBuiltIns(app.database.db);
    await expectAudited(app.database.db, {
      module: "templates",
      action: "template.install",
      targetId: row?.id ?? "",
      actorId: null,
      details: { key: "operating-model" },
    });
    const installs = await app.database.db.select().from(auditEvents).where(eq(auditEvents.action, "phase.install"));
    expect(installs.map((a) => [a.module, (a.details as { key: string }).key])).toEqual([
      ["programme", "pre_preparation"],
      ["programme", "interim_administration"],
      ["programme", "start_up"],
      ["programme", "first_operating_period"],
    ]);
  });
});

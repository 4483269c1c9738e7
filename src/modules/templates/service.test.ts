import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { programmePhases } from "../programme/schema.ts";
import { installBuiltIns } from "./builtins.ts";
import { operatingModelTemplate } from "./operating-model.ts";
import { deliverableTemplates, templateSections } from "./schema.ts";

describe("deliverable templates", () => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof personCaller>>;
  let staff: Awaited<ReturnType<typeof personCaller>>;
  let member: Awaited<ReturnType<typeof personCaller>>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await personCaller(app, "admin", "Kaisa Muutosjohtaja");
    staff = await personCaller(app, "staff");
    member = await personCaller(app, "member");
  });
  afterAll(() => app.close());

  it("ships seed 001's template, installed once however many times the workspace starts", async () => {
    await installBuiltIns(app.database.db);
    await installBuiltIns(app.database.db);
    const list = await app.platform.services.deliverableTemplates.list(member.caller);
    const builtIn = list.filter((t) => t.key === "operating-model");
    expect(builtIn).toHaveLength(1);
    expect(builtIn[0]).toMatchObject({ name: operatingModelTemplate.name, sectionCount: 20 });
    const detail = await app.platform.services.deliverableTemplates.get(member.caller, builtIn[0]?.id ?? "");
    expect(detail.sections[19]?.title).toEqual({ fi: "Seuraava askel", sv: "Nästa steg", en: "Next step" });
    const phases = await app.database.db.select().from(programmePhases);
    expect(phases.filter((p) => p.key).map((p) => p.name.fi)).toEqual([
      "Esivalmistelu",
      "Väliaikaishallinto",
      "Käynnistymisvaihe",
      "Ensimmäinen varsinainen toimintakausi",
    ]);
  });

  it("keeps an admin's edit of the built-in template when the workspace starts again", async () => {
    const [row] = await app.database.db
      .select()
      .from(deliverableTemplates)
      .where(eq(deliverableTemplates.key, "operating-model"));
    const detail = await app.platform.services.deliverableTemplates.get(admin.caller, row?.id ?? "");
    await app.platform.services.deliverableTemplates.update(admin.caller, detail.id, {
      name: detail.name,
      description: detail.description,
      sections: [...detail.sections, { title: { fi: "Lisätietoja" }, guidance: { fi: "nimi, sähköposti" } }],
    });
    await installBuiltIns(app.database.db);
    const sections = await app.database.db
      .select()
      .from(templateSections)
      .where(eq(templateSections.templateId, detail.id));
    expect(sections).toHaveLength(21);
  });

  it("lets admins create and edit a template whose sections keep their order; Swedish and English are optional", async () => {
    const created = await app.platform.services.deliverableTemplates.create(admin.caller, {
      name: { fi: "Kokeilun kuvaus", sv: "Beskrivning av försöket" },
      sections: [
        { title: { fi: "Tavoite", en: "Aim" }, guidance: { fi: "mitä kokeilulla tavoitellaan" } },
        { title: { fi: "Aikataulu" } },
      ],
    });
    expect(created.name).toEqual({ fi: "Kokeilun kuvaus", sv: "Beskrivning av försöket", en: "" });
    expect(created.sections.map((s) => [s.position, s.title.fi])).toEqual([
      [1, "Tavoite"],
      [2, "Aikataulu"],
    ]);
    const updated = await app.platform.services.deliverableTemplates.update(admin.caller, created.id, {
      name: created.name,
      sections: [{ title: { fi: "Aikataulu" } }, { title: { fi: "Tavoite" } }, { title: { fi: "Riskit" } }],
    });
    expect(updated.sections.map((s) => s.title.fi)).toEqual(["Aikataulu", "Tavoite", "Riskit"]);
  });

  it("refuses templates from anyone but admins, and a section without a Finnish title", async () => {
    const input = { name: { fi: "X" }, sections: [{ title: { fi: "Y" } }] };
    await expect(app.platform.services.deliverableTemplates.create(staff.caller, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      app.platform.services.deliverableTemplates.create(admin.caller, {
        name: { fi: "X" },
        sections: [{ title: { fi: "", sv: "Y" } }],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "sections.0.title.fi" }] });
    await expect(
      app.platform.services.deliverableTemplates.create(admin.caller, { name: { fi: "X" }, sections: [] }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "sections" }] });
  });
});

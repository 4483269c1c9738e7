import type { Db } from "../../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { installProgrammePhases } from "../programme/builtins.ts";
import { type DeliverableTemplateData, operatingModelTemplate } from "./operating-model.ts";
import { deliverableTemplates, templateSections } from "./schema.ts";

/** The templates every workspace starts with. */
export const builtInTemplates: DeliverableTemplateData[] = [operatingModelTemplate];

/**
 * Puts the built-in template (seed 001's "Uuden toimintamallin kuvaus") and the
 * programme's implementation phases into the database, once: each has a key,
 * and a key already there is left alone, so admins' and staff's edits stay.
 * Runs at every start, after the migrations; several instances starting at once
 * are safe (the unique key decides, the losers insert nothing).
 */
export async function installBuiltIns(db: Db): Promise<void> {
  for (const template of builtInTemplates) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(deliverableTemplates)
        .values({ key: template.key, name: template.name, description: template.description })
        .onConflictDoNothing({ target: deliverableTemplates.key })
        .returning();
      if (!row) return;
      await tx.insert(templateSections).values(
        template.sections.map((s) => ({
          templateId: row.id,
          position: s.number,
          title: { fi: s.text.fi.title, sv: s.text.sv.title, en: s.text.en.title },
          guidance: { fi: s.text.fi.guidance, sv: s.text.sv.guidance, en: s.text.en.guidance },
        })),
      );
      await recordAudit(tx, {
        actorId: null,
        module: "groups",
        action: "template.install",
        targetType: "template",
        targetId: row.id,
        details: { key: template.key },
      });
    });
  }
  await installProgrammePhases(db);
}

import type { Caller } from "../../core/caller.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { installProgrammePhases } from "../programme/builtins.ts";
import { templatesAudit } from "./audit.ts";
import { operatingEnvironmentTemplate } from "./operating-environment.ts";
import { type DeliverableTemplateData, operatingModelTemplate } from "./operating-model.ts";
import { deliverableTemplates, templateSections } from "./schema.ts";

/** The templates every workspace starts with: seed 001's, and the strategy's operating-environment analysis. */
export const builtInTemplates: DeliverableTemplateData[] = [operatingModelTemplate, operatingEnvironmentTemplate];

/** The workspace itself installs the built-ins: no account, and no policy to ask (it runs at start, before any request). */
export const workspaceCaller: Caller = { actor: null, locale: "fi" };

/**
 * Puts the built-in template (seed 001's "Uuden toimintamallin kuvaus") and the
 * programme's implementation phases into the database, once: each has a key,
 * and a key already there is left alone, so admins' and staff's edits stay.
 * Runs at every start, after the migrations; several instances starting at once
 * are safe (the unique key decides, the losers insert nothing and record nothing).
 */
export async function installBuiltIns(db: Db, writes: WritePath = createWritePath(db)): Promise<void> {
  const write = writes(templatesAudit);
  for (const template of builtInTemplates) {
    await write({
      caller: workspaceCaller,
      allow: () => {},
      run: async ({ tx, audit, unchanged }) => {
        const [row] = await tx
          .insert(deliverableTemplates)
          .values({ key: template.key, name: template.name, description: template.description })
          .onConflictDoNothing({ target: deliverableTemplates.key })
          .returning();
        if (!row) return unchanged();
        await tx.insert(templateSections).values(
          template.sections.map((s) => ({
            templateId: row.id,
            position: s.number,
            title: { fi: s.text.fi.title, sv: s.text.sv.title, en: s.text.en.title },
            guidance: { fi: s.text.fi.guidance, sv: s.text.sv.guidance, en: s.text.en.guidance },
          })),
        );
        await audit("template.install", { type: "template", id: row.id }, { key: template.key });
      },
    });
  }
  await installProgrammePhases(db, writes);
}

import { asc, count, eq } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { templatesAudit } from "./audit.ts";
import type { Localised } from "./constants.ts";
import { type TemplateInput, templateInput } from "./inputs.ts";
import { templatesPolicy } from "./policy.ts";
import { deliverableTemplates, templateSections } from "./schema.ts";

export interface TemplateSummary {
  id: string;
  /** Set on the templates the workspace ships with. */
  key: string | null;
  name: Localised;
  description: Localised;
  sectionCount: number;
  updatedAt: Date;
}

export interface TemplateDetail extends TemplateSummary {
  sections: { position: number; title: Localised; guidance: Localised }[];
}

/** Reads a template with its sections in order; NOT_FOUND for none. */
export async function readTemplate(db: Db | Tx, templateId: string): Promise<TemplateDetail> {
  assertUuid(templateId);
  const [row] = await db.select().from(deliverableTemplates).where(eq(deliverableTemplates.id, templateId));
  if (!row) throw new AppError("NOT_FOUND");
  const sections = await db
    .select()
    .from(templateSections)
    .where(eq(templateSections.templateId, templateId))
    .orderBy(asc(templateSections.position));
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    sectionCount: sections.length,
    updatedAt: row.updatedAt,
    sections: sections.map((s) => ({ position: s.position, title: s.title, guidance: s.guidance })),
  };
}

/** Admins define deliverable templates: ordered sections, each with a title and guidance in fi/sv/en. */
export function createTemplateService({
  db,
  writes = createWritePath(db),
}: {
  db: Db;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(templatesAudit);

  async function writeSections(tx: Tx, templateId: string, sections: TemplateDetail["sections"]) {
    await tx.delete(templateSections).where(eq(templateSections.templateId, templateId));
    await tx.insert(templateSections).values(sections.map((s) => ({ ...s, templateId })));
  }

  const numbered = (data: ReturnType<typeof templateInput.parse>) =>
    data.sections.map((s, i) => ({ position: i + 1, title: s.title, guidance: s.guidance }));

  return {
    async list(caller: Caller): Promise<TemplateSummary[]> {
      authorize(templatesPolicy, "readTemplates", caller.actor);
      const rows = await db.select().from(deliverableTemplates).orderBy(asc(deliverableTemplates.createdAt));
      const counts = await db
        .select({ templateId: templateSections.templateId, n: count() })
        .from(templateSections)
        .groupBy(templateSections.templateId);
      return rows.map((r) => ({
        id: r.id,
        key: r.key,
        name: r.name,
        description: r.description,
        sectionCount: Number(counts.find((c) => c.templateId === r.id)?.n ?? 0),
        updatedAt: r.updatedAt,
      }));
    },

    async get(caller: Caller, templateId: string): Promise<TemplateDetail> {
      authorize(templatesPolicy, "readTemplates", caller.actor);
      return readTemplate(db, templateId);
    },

    async create(
      caller: Caller,
      input: TemplateInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<TemplateDetail> {
      return write({
        caller,
        allow: () => authorize(templatesPolicy, "manageTemplates", caller.actor),
        input: { schema: templateInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const [row] = await tx
            .insert(deliverableTemplates)
            .values({ name: data.name, description: data.description, createdBy: caller.actor?.id ?? null })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await writeSections(tx, row.id, numbered(data));
          await audit(
            "template.create",
            { type: "template", id: row.id },
            { name: data.name.fi, sections: data.sections.length },
          );
          return readTemplate(tx, row.id);
        },
      });
    },

    /** Replaces the template's name, description and sections; deliverables made from it keep their copies. */
    async update(
      caller: Caller,
      templateId: string,
      input: TemplateInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<TemplateDetail> {
      return write({
        caller,
        allow: () => {
          authorize(templatesPolicy, "manageTemplates", caller.actor);
          assertUuid(templateId);
        },
        input: { schema: templateInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const [row] = await tx
            .update(deliverableTemplates)
            .set({ name: data.name, description: data.description, updatedAt: new Date() })
            .where(eq(deliverableTemplates.id, templateId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await writeSections(tx, templateId, numbered(data));
          await audit(
            "template.update",
            { type: "template", id: templateId },
            { name: data.name.fi, sections: data.sections.length },
          );
          return readTemplate(tx, templateId);
        },
      });
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;

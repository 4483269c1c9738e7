import { z } from "@hono/zod-openapi";
import { locales } from "../accounts/constants.ts";
import { deadlineKinds, deliverableStatuses } from "./constants.ts";
import type { DeliverableSummary } from "./of-group.ts";
import type {
  Comparison,
  CoordinationRow,
  DeliverableDetail,
  SectionCurrent,
  SectionDetail,
  SectionView,
  VersionInfo,
} from "./service.ts";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
export const day = z.string().openapi({ description: "A Finnish calendar day, YYYY-MM-DD", example: "2017-06-30" });
const status = z.enum(deliverableStatuses);
const nextDeadline = z
  .object({ kind: z.enum(deadlineKinds), label: z.string(), dueOn: day, overdue: z.boolean() })
  .nullable()
  .openapi({ description: "The earliest deadline not marked met; null when none (or when accepted)" });

/** A deliverable in its group's list. */
export const groupDeliverableSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status,
  isPublic: z.boolean(),
  locale: z.enum(locales),
  updatedAt: z.iso.datetime(),
  nextDeadline,
});

export const presentGroupDeliverable = (d: DeliverableSummary): z.infer<typeof groupDeliverableSchema> => ({
  ...d,
  updatedAt: iso(d.updatedAt),
});

export const sectionSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int().openapi({ description: "The section's number" }),
    title: z.string(),
    guidance: z.string(),
    body: z.string().openapi({ description: "The text as written (a small Markdown subset)" }),
    html: z.string().openapi({ description: "The body rendered and sanitised" }),
    version: z.number().int().openapi({ description: "Send as baseVersion when saving; 0 before the first save" }),
    updatedByName: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    commentCount: z.number().int(),
  })
  .openapi("DeliverableSection");

export const presentSection = (s: SectionView): z.infer<typeof sectionSchema> => ({
  ...s,
  updatedAt: isoOrNull(s.updatedAt),
});

export const deliverableDetailSchema = z
  .object({
    deliverable: z.object({
      id: z.uuid(),
      groupId: z.uuid(),
      templateId: z.uuid().nullable(),
      title: z.string(),
      locale: z.enum(locales),
      status,
      isPublic: z.boolean(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
    }),
    group: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), isPublic: z.boolean() }),
    sections: z.array(sectionSchema),
    deadlines: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(deadlineKinds),
        label: z.string(),
        dueOn: day,
        completedAt: z.iso.datetime().nullable(),
        overdue: z.boolean(),
      }),
    ),
    history: z.array(
      z.object({ from: status, to: status, comment: z.string(), actorName: z.string(), at: z.iso.datetime() }),
    ),
    transitions: z.array(status).openapi({ description: "The statuses this caller may move the deliverable to now" }),
    canWork: z.boolean(),
    canManage: z.boolean(),
    editable: z.boolean(),
  })
  .openapi("Deliverable");

export function presentDeliverable(d: DeliverableDetail): z.infer<typeof deliverableDetailSchema> {
  return {
    ...d,
    deliverable: { ...d.deliverable, createdAt: iso(d.deliverable.createdAt), updatedAt: iso(d.deliverable.updatedAt) },
    sections: d.sections.map(presentSection),
    deadlines: d.deadlines.map((x) => ({ ...x, completedAt: isoOrNull(x.completedAt) })),
    history: d.history.map((h) => ({ ...h, at: iso(h.at) })),
  };
}

export const versionSchema = z
  .object({ version: z.number().int(), authorName: z.string(), savedAt: z.iso.datetime() })
  .openapi("SectionVersionInfo");

const presentVersion = (v: VersionInfo): z.infer<typeof versionSchema> => ({
  version: v.version,
  authorName: v.authorName,
  savedAt: iso(v.savedAt),
});

export const versionWithBodySchema = versionSchema.extend({ body: z.string() }).openapi("SectionVersion");

export const presentVersionWithBody = (v: VersionInfo & { body: string }): z.infer<typeof versionWithBodySchema> => ({
  ...presentVersion(v),
  body: v.body,
});

const sectionLink = z.object({ id: z.uuid(), position: z.number().int(), title: z.string() });

export const sectionDetailSchema = z
  .object({
    deliverable: z.object({ id: z.uuid(), title: z.string(), status, locale: z.enum(locales) }),
    group: z.object({ slug: z.string(), name: z.string() }),
    section: sectionSchema,
    previous: sectionLink.nullable(),
    next: sectionLink.nullable(),
    versions: z.array(versionSchema),
    comments: z.array(
      z.object({ id: z.uuid(), authorName: z.string(), body: z.string(), html: z.string(), at: z.iso.datetime() }),
    ),
    editable: z.boolean(),
  })
  .openapi("DeliverableSectionDetail");

export function presentSectionDetail(d: SectionDetail): z.infer<typeof sectionDetailSchema> {
  return {
    ...d,
    section: presentSection(d.section),
    versions: d.versions.map(presentVersion),
    comments: d.comments.map((c) => ({ ...c, at: iso(c.at) })),
  };
}

export const comparisonSchema = z
  .object({
    section: z.object({
      id: z.uuid(),
      position: z.number().int(),
      title: z.string(),
      deliverableId: z.uuid(),
      deliverableTitle: z.string(),
    }),
    versions: z.array(versionSchema),
    from: versionSchema.nullable().openapi({ description: "Null for version 0, the empty section" }),
    to: versionSchema.nullable(),
    diff: z.object({
      lines: z.array(z.object({ kind: z.enum(["added", "removed", "same"]), text: z.string() })),
      added: z.number().int(),
      removed: z.number().int(),
    }),
  })
  .openapi("SectionComparison");

export function presentComparison(c: Comparison): z.infer<typeof comparisonSchema> {
  return {
    ...c,
    versions: c.versions.map(presentVersion),
    from: c.from ? presentVersion(c.from) : null,
    to: c.to ? presentVersion(c.to) : null,
  };
}

/** The body of a refused save: the usual error, and the newer version that refused it. */
export const sectionConflictSchema = z
  .object({
    code: z.literal("CONFLICT"),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    current: z.object({
      version: z.number().int(),
      body: z.string(),
      html: z.string(),
      authorName: z.string(),
      savedAt: z.iso.datetime(),
    }),
  })
  .openapi("SectionConflict");

export const presentCurrent = (c: SectionCurrent): z.infer<typeof sectionConflictSchema>["current"] => ({
  ...c,
  savedAt: iso(c.savedAt),
});

/** A deliverable just started: where to find it. */
export const deliverableCreatedSchema = z.object({ id: z.uuid(), title: z.string() }).openapi("DeliverableCreated");

export const presentDeliverableCreated = (row: {
  id: string;
  title: string;
}): z.infer<typeof deliverableCreatedSchema> => ({
  id: row.id,
  title: row.title,
});

export const coordinationSchema = z
  .object({
    deliverableId: z.uuid(),
    title: z.string(),
    group: z.object({ slug: z.string(), name: z.string() }),
    status,
    nextDeadline,
    updatedAt: z.iso.datetime(),
  })
  .openapi("CoordinationRow");

export const presentCoordination = (r: CoordinationRow): z.infer<typeof coordinationSchema> => ({
  ...r,
  updatedAt: iso(r.updatedAt),
});

import { z } from "@hono/zod-openapi";
import { locales } from "../accounts/constants.ts";
import type { GroupRow } from "./access.ts";
import { deadlineKinds, deliverableStatuses, groupRoles } from "./constants.ts";
import type {
  Comparison,
  CoordinationRow,
  DeliverableDetail,
  SectionCurrent,
  SectionDetail,
  SectionView,
  VersionInfo,
} from "./deliverables.ts";
import type { GroupDetail, GroupSummary } from "./service.ts";
import type { TemplateDetail, TemplateSummary } from "./templates/service.ts";
import type { Timeline } from "./timeline.ts";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const day = z.string().openapi({ description: "A Finnish calendar day, YYYY-MM-DD", example: "2017-06-30" });
const localised = z
  .object({ fi: z.string(), sv: z.string(), en: z.string() })
  .openapi("LocalisedText", { description: "Finnish, Swedish and English; an empty one falls back to Finnish" });
const status = z.enum(deliverableStatuses);
const nextDeadline = z
  .object({ kind: z.enum(deadlineKinds), label: z.string(), dueOn: day, overdue: z.boolean() })
  .nullable()
  .openapi({ description: "The earliest deadline not marked met; null when none (or when accepted)" });

export const groupSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    theme: z.string(),
    description: z.string(),
    isPublic: z.boolean(),
    wallId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("WorkingGroup");

export function presentGroup(row: GroupRow): z.infer<typeof groupSchema> {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    theme: row.theme,
    description: row.description,
    isPublic: row.isPublic,
    wallId: row.wallId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export const groupSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    theme: z.string(),
    isPublic: z.boolean(),
    memberCount: z.number().int(),
    convener: z.string().nullable(),
    myRole: z.enum(groupRoles).nullable(),
  })
  .openapi("WorkingGroupSummary");

export const presentGroupSummary = (g: GroupSummary): z.infer<typeof groupSummarySchema> => ({ ...g });

export const memberSchema = z
  .object({
    userId: z.string().optional().openapi({ description: "Only for those who manage the group" }),
    name: z.string(),
    title: z.string().nullable(),
    organisation: z.string().nullable().openapi({ description: "The person's home organisation" }),
    role: z.enum(groupRoles),
  })
  .openapi("GroupMember");

export const groupDetailSchema = z
  .object({
    group: groupSchema.extend({
      wallId: z.uuid().nullable().openapi({ description: "Only for the group's people" }),
      wallSlug: z.string().nullable().openapi({ description: "Only for the group's people: /w/<slug>" }),
    }),
    members: z.array(memberSchema),
    deliverables: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        status,
        isPublic: z.boolean(),
        locale: z.enum(locales),
        updatedAt: z.iso.datetime(),
        nextDeadline,
      }),
    ),
    myRole: z.enum(groupRoles).nullable(),
    canManage: z.boolean(),
    canWork: z.boolean(),
  })
  .openapi("WorkingGroupDetail");

/** The group's wall only for its people; members' user ids only for those who manage the group. */
export function presentGroupDetail(d: GroupDetail): z.infer<typeof groupDetailSchema> {
  return {
    group: { ...presentGroup(d.group), wallId: d.canWork ? d.group.wallId : null, wallSlug: d.group.wallSlug },
    members: d.members.map(({ userId, ...member }) => (d.canManage ? { userId, ...member } : member)),
    deliverables: d.deliverables.map((x) => ({ ...x, updatedAt: iso(x.updatedAt) })),
    myRole: d.myRole,
    canManage: d.canManage,
    canWork: d.canWork,
  };
}

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

export const presentCurrent = (c: SectionCurrent) => ({ ...c, savedAt: iso(c.savedAt) });

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

export const templateSummarySchema = z
  .object({
    id: z.uuid(),
    key: z.string().nullable().openapi({ description: "Set on the templates the workspace ships with" }),
    name: localised,
    description: localised,
    sectionCount: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("DeliverableTemplateSummary");

export const presentTemplateSummary = (t: TemplateSummary): z.infer<typeof templateSummarySchema> => ({
  ...t,
  updatedAt: iso(t.updatedAt),
});

export const templateSchema = templateSummarySchema
  .extend({
    sections: z.array(z.object({ position: z.number().int(), title: localised, guidance: localised })),
  })
  .openapi("DeliverableTemplate");

export const presentTemplate = (t: TemplateDetail): z.infer<typeof templateSchema> => ({
  ...t,
  updatedAt: iso(t.updatedAt),
});

export const timelineSchema = z
  .object({
    phases: z.array(
      z.object({
        id: z.uuid(),
        key: z.string().nullable(),
        position: z.number().int(),
        name: localised,
        description: localised,
        startsOn: day.nullable(),
        endsOn: day.nullable(),
      }),
    ),
    entries: z.array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("phase"), date: day, id: z.uuid(), endsOn: day.nullable(), name: localised }),
        z.object({
          kind: z.literal("milestone"),
          date: day,
          id: z.uuid(),
          title: z.string(),
          description: z.string(),
          phaseId: z.uuid().nullable(),
        }),
        z.object({
          kind: z.literal("deadline"),
          date: day,
          id: z.uuid(),
          deadlineKind: z.enum(deadlineKinds),
          label: z.string(),
          done: z.boolean(),
          deliverable: z.object({ id: z.uuid(), title: z.string() }),
          group: z.object({ slug: z.string(), name: z.string() }),
        }),
      ]),
    ),
    canManage: z.boolean(),
  })
  .openapi("ProgrammeTimeline");

export const presentTimeline = (t: Timeline): z.infer<typeof timelineSchema> => t;

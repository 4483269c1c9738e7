import { z } from "@hono/zod-openapi";
import { type Page, pageSchema } from "../../core/pagination.ts";
import { groupDeliverableSchema, presentGroupDeliverable } from "../deliverables/presenters.ts";
import type { GroupRow } from "./access.ts";
import { groupRoles } from "./constants.ts";
import type { GroupDetail, GroupMemberView, GroupSummary } from "./service.ts";

const iso = (d: Date) => d.toISOString();

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

export const groupsPageSchema = pageSchema(groupSummarySchema).openapi("WorkingGroupPage");

export const presentGroupsPage = (page: Page<GroupSummary>): z.infer<typeof groupsPageSchema> => ({
  items: page.items.map(presentGroupSummary),
  nextCursor: page.nextCursor,
});

export const memberSchema = z
  .object({
    userId: z.string().optional().openapi({ description: "Only for those who manage the group" }),
    name: z.string(),
    title: z.string().nullable(),
    organisation: z.string().nullable().openapi({ description: "The person's home organisation" }),
    role: z.enum(groupRoles),
  })
  .openapi("GroupMember");

/** A member as those who manage the group see them (with the user id, to change their role). */
export const presentMember = (m: GroupMemberView): z.infer<typeof memberSchema> => ({
  userId: m.userId,
  name: m.name,
  title: m.title,
  organisation: m.organisation,
  role: m.role,
});

export const groupDetailSchema = z
  .object({
    group: groupSchema.extend({
      wallId: z.uuid().nullable().openapi({ description: "Only for the group's people" }),
      wallSlug: z.string().nullable().openapi({ description: "Only for the group's people: /w/<slug>" }),
    }),
    members: z.array(memberSchema),
    deliverables: z.array(groupDeliverableSchema),
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
    deliverables: d.deliverables.map(presentGroupDeliverable),
    myRole: d.myRole,
    canManage: d.canManage,
    canWork: d.canWork,
  };
}

import { and, count, eq, inArray, ne, or } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { allows, authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { users } from "../accounts/schema.ts";
import { type DeliverableSummary, deliverablesOfGroup } from "../deliverables/of-group.ts";
import { canWorkOnDeliverables } from "../deliverables/policy.ts";
import { organisations } from "../people/schema.ts";
import { walls } from "../walls/schema.ts";
import { randomCode, type WallService } from "../walls/service.ts";
import { findGroup, type GroupRow, membershipOf, refused } from "./access.ts";
import { groupsAudit } from "./audit.ts";
import { type GroupRole, isLeadRole, leadRoles } from "./constants.ts";
import {
  type GroupInput,
  type GroupUpdateInput,
  groupInput,
  groupUpdateInput,
  type MemberInput,
  memberInput,
} from "./inputs.ts";
import { allowsInGroup, canManageGroup, canReadGroup, groupsPolicy, type Membership } from "./policy.ts";
import { groupMembers, workingGroups } from "./schema.ts";

export interface GroupMemberView {
  userId: string;
  name: string;
  title: string | null;
  /** The person's home organisation, from their workspace profile. */
  organisation: string | null;
  role: GroupRole;
}

export interface GroupSummary {
  id: string;
  slug: string;
  name: string;
  theme: string;
  isPublic: boolean;
  memberCount: number;
  convener: string | null;
  myRole: Membership;
}

export interface GroupDetail {
  group: GroupRow & { wallSlug: string | null };
  members: GroupMemberView[];
  deliverables: DeliverableSummary[];
  myRole: Membership;
  canManage: boolean;
  /** Whether the caller works in the group: starts deliverables, writes in them (the group's people and staff). */
  canWork: boolean;
}

/** `?cursor=&limit=` of the groups list. */
export const groupsPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export type GroupsPageQuery = z.input<typeof groupsPageInput>;

/** Groups A–Z; groups of the same name in a stable order by id. */
const groupPages = keyset({
  list: "groups",
  key: workingGroups.name,
  keyType: "text",
  id: workingGroups.id,
  idType: "uuid",
  order: "asc",
});

/** Sorts members as a group lists them: convener, chair, secretary, then members by name. */
const roleOrder: Record<GroupRole, number> = { convener: 0, chair: 1, secretary: 2, member: 3 };

export function createGroupService({
  db,
  walls: wallService,
  writes = createWritePath(db),
}: {
  db: Db;
  walls: WallService;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(groupsAudit);

  async function membersOf(groupId: string, tx: Db | Tx = db): Promise<GroupMemberView[]> {
    const rows = await tx
      .select({
        userId: groupMembers.userId,
        role: groupMembers.role,
        name: users.name,
        title: users.title,
        organisation: organisations.name,
      })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(groupMembers.groupId, groupId));
    return rows.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, "fi"));
  }

  /** Checks that every person named exists; a missing one is a field error in the caller's language. */
  async function assertPeopleExist(tx: Db | Tx, people: { field: string; userId: string }[], locale: Locale) {
    if (people.length === 0) return;
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        inArray(
          users.id,
          people.map((p) => p.userId),
        ),
      );
    const missing = people.filter((p) => !found.some((f) => f.id === p.userId));
    if (missing.length > 0) {
      throw new AppError(
        "VALIDATION_FAILED",
        missing.map((p) => ({ path: p.field, message: translate(locale, "groups.personNotFound") })),
      );
    }
  }

  /** The group, if this caller may manage it (groupRolesPolicy.manageGroup); the policy step of its writes. */
  async function manageable(caller: Caller, groupId: string): Promise<GroupRow> {
    assertUuid(groupId);
    const group = await findGroup(db, eq(workingGroups.id, groupId));
    if (!canManageGroup(await membershipOf(db, groupId, caller.actor), caller.actor)) throw refused(caller.actor);
    return group;
  }

  return {
    /**
     * Creates the group with its leads and its wall (open to the group's people)
     * in one transaction: the wall joins this write's unit with the group as its
     * owner, so there is never a group without its wall nor a wall without its group.
     */
    async create(caller: Caller, input: GroupInput | unknown, options: { within?: WriteUnit } = {}): Promise<GroupRow> {
      return write({
        caller,
        allow: () => authorize(groupsPolicy, "createGroups", caller.actor),
        input: { schema: groupInput, value: input },
        within: options.within,
        run: async ({ tx, data, unit, audit }) => {
          const leads = leadRoles
            .map((role) => ({ role, field: `${role}Id`, userId: data[`${role}Id`] ?? null }))
            .filter((l): l is { role: (typeof leadRoles)[number]; field: string; userId: string } => l.userId !== null);
          const repeated = leads.find((l, i) => leads.findIndex((o) => o.userId === l.userId) !== i);
          if (repeated) {
            throw new AppError("VALIDATION_FAILED", [
              { path: repeated.field, message: translate(caller.locale, "groups.onePersonOneRole") },
            ]);
          }
          await assertPeopleExist(tx, leads, caller.locale);
          const [row] = await tx
            .insert(workingGroups)
            .values({
              slug: randomCode(6).toLowerCase(),
              name: data.name,
              theme: data.theme,
              description: data.description,
              isPublic: data.isPublic,
              createdBy: caller.actor?.id ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          if (leads.length > 0) {
            await tx
              .insert(groupMembers)
              .values(leads.map((l) => ({ groupId: row.id, userId: l.userId, role: l.role })));
          }
          const wall = await wallService.create(
            caller,
            { title: row.name, description: row.theme, access: "members", anonymousAllowed: false },
            { within: unit, owner: { type: "group", id: row.id } },
          );
          const [withWall] = await tx
            .update(workingGroups)
            .set({ wallId: wall.id })
            .where(eq(workingGroups.id, row.id))
            .returning();
          await audit("group.create", { type: "group", id: row.id }, { name: row.name, wallId: wall.id });
          return withWall ?? row;
        },
      });
    },

    /** Name, theme, description and publicity; the wall keeps the group's name (in the same transaction). */
    async update(
      caller: Caller,
      groupId: string,
      input: GroupUpdateInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<GroupRow> {
      let current: GroupRow | undefined;
      return write({
        caller,
        allow: async () => {
          current = await manageable(caller, groupId);
        },
        input: { schema: groupUpdateInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unit }) => {
          const [row] = await tx
            .update(workingGroups)
            .set({ ...data, updatedAt: new Date() })
            .where(eq(workingGroups.id, groupId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          // The wall keeps the group's name: the walls module renames it, in this transaction.
          if (current?.wallId && current.name !== row.name) {
            await wallService.update(caller, current.wallId, { title: row.name }, { within: unit });
          }
          await audit("group.update", { type: "group", id: groupId }, data);
          return row;
        },
      });
    },

    /**
     * Adds a person to the group or changes their role. Giving someone the
     * convener's, chair's or secretary's role makes its previous holder a member.
     */
    async setMember(
      caller: Caller,
      groupId: string,
      input: MemberInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<GroupMemberView[]> {
      return write({
        caller,
        allow: async () => {
          await manageable(caller, groupId);
        },
        input: { schema: memberInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          await assertPeopleExist(tx, [{ field: "userId", userId: data.userId }], caller.locale);
          if (isLeadRole(data.role)) {
            await tx
              .update(groupMembers)
              .set({ role: "member" })
              .where(
                and(
                  eq(groupMembers.groupId, groupId),
                  eq(groupMembers.role, data.role),
                  ne(groupMembers.userId, data.userId),
                ),
              );
          }
          await tx
            .insert(groupMembers)
            .values({ groupId, userId: data.userId, role: data.role })
            .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: { role: data.role } });
          await audit("member.set", { type: "group", id: groupId }, { userId: data.userId, role: data.role });
          return membersOf(groupId, tx);
        },
      });
    },

    async removeMember(
      caller: Caller,
      groupId: string,
      userId: string,
      options: { within?: WriteUnit } = {},
    ): Promise<GroupMemberView[]> {
      return write({
        caller,
        allow: async () => {
          await manageable(caller, groupId);
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          const removed = await tx
            .delete(groupMembers)
            .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
            .returning();
          if (removed.length === 0) throw new AppError("NOT_FOUND");
          await audit("member.remove", { type: "group", id: groupId }, { userId });
          return membersOf(groupId, tx);
        },
      });
    },

    /** Groups by name, a page at a time: staff see every group; others the public ones and their own. */
    async list(caller: Caller, query: GroupsPageQuery | unknown = {}): Promise<Page<GroupSummary>> {
      authorize(groupsPolicy, "listGroups", caller.actor);
      const q = parseInput(groupsPageInput, query, caller.locale);
      const cursor = groupPages.decode(q.cursor, caller.locale);
      const actorId = caller.actor?.id ?? "";
      const mine = await db
        .select({ groupId: groupMembers.groupId, role: groupMembers.role })
        .from(groupMembers)
        .where(eq(groupMembers.userId, actorId));
      const seeAll = allows(groupsPolicy.manageAnyGroup, caller.actor);
      const mineIds = mine.map((m) => m.groupId);
      const rows = await db
        .select(groupPages.columns({ group: workingGroups }))
        .from(workingGroups)
        .where(
          and(
            seeAll
              ? undefined
              : or(eq(workingGroups.isPublic, true), mineIds.length ? inArray(workingGroups.id, mineIds) : undefined),
            groupPages.after(cursor),
          ),
        )
        .orderBy(...groupPages.orderBy)
        .limit(groupPages.fetch(q.limit));
      const page = groupPages.page(rows, q.limit);
      const ids = page.items.map(({ group }) => group.id);
      const counts = ids.length
        ? await db
            .select({ groupId: groupMembers.groupId, n: count() })
            .from(groupMembers)
            .where(inArray(groupMembers.groupId, ids))
            .groupBy(groupMembers.groupId)
        : [];
      const conveners = ids.length
        ? await db
            .select({ groupId: groupMembers.groupId, name: users.name })
            .from(groupMembers)
            .innerJoin(users, eq(users.id, groupMembers.userId))
            .where(and(inArray(groupMembers.groupId, ids), eq(groupMembers.role, "convener")))
        : [];
      return {
        items: page.items.map(({ group: g }) => ({
          id: g.id,
          slug: g.slug,
          name: g.name,
          theme: g.theme,
          isPublic: g.isPublic,
          memberCount: Number(counts.find((c) => c.groupId === g.id)?.n ?? 0),
          convener: conveners.find((c) => c.groupId === g.id)?.name ?? null,
          myRole: mine.find((m) => m.groupId === g.id)?.role ?? null,
        })),
        nextCursor: page.nextCursor,
      };
    },

    /**
     * The group's page: its members with their home organisations, and the
     * deliverables this caller may read; the wall only for those who take part in it.
     */
    async getBySlug(caller: Caller, slug: string, now: Date = new Date()): Promise<GroupDetail> {
      const group = await findGroup(db, eq(workingGroups.slug, slug.toLowerCase()));
      const myRole = await membershipOf(db, group.id, caller.actor);
      if (!canReadGroup(group, myRole, caller.actor)) throw refused(caller.actor);
      const [wall] =
        allowsInGroup("takePartInWall", myRole, caller.actor) && group.wallId
          ? await db.select({ slug: walls.slug }).from(walls).where(eq(walls.id, group.wallId))
          : [];
      return {
        group: { ...group, wallSlug: wall?.slug ?? null },
        members: await membersOf(group.id),
        deliverables: await deliverablesOfGroup(db, group, myRole, caller.actor, now),
        myRole,
        canManage: canManageGroup(myRole, caller.actor),
        canWork: canWorkOnDeliverables(myRole, caller.actor),
      };
    },

    async getById(caller: Caller, groupId: string, now: Date = new Date()): Promise<GroupDetail> {
      assertUuid(groupId);
      const group = await findGroup(db, eq(workingGroups.id, groupId));
      return this.getBySlug(caller, group.slug, now);
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;

import { and, asc, count, eq, inArray, ne, or } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { assertUuid } from "../../core/ids.ts";
import { allows, authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { users } from "../accounts/schema.ts";
import { recordAudit } from "../audit/record.ts";
import { type DeliverableSummary, deliverablesOfGroup } from "../deliverables/of-group.ts";
import { organisations } from "../people/schema.ts";
import { walls } from "../walls/schema.ts";
import { randomCode, type WallService } from "../walls/service.ts";
import { findGroup, type GroupRow, membershipOf, refused } from "./access.ts";
import { type GroupRole, isLeadRole, leadRoles } from "./constants.ts";
import {
  type GroupInput,
  type GroupUpdateInput,
  groupInput,
  groupUpdateInput,
  type MemberInput,
  memberInput,
} from "./inputs.ts";
import { canManageGroup, canReadGroup, canWorkInGroup, groupsPolicy, type Membership } from "./policy.ts";
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
  canWork: boolean;
}

/** Sorts members as a group lists them: convener, chair, secretary, then members by name. */
const roleOrder: Record<GroupRole, number> = { convener: 0, chair: 1, secretary: 2, member: 3 };

export function createGroupService({ db, walls: wallService }: { db: Db; walls: WallService }) {
  async function membersOf(groupId: string): Promise<GroupMemberView[]> {
    const rows = await db
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

  async function audit(tx: Db | Tx, caller: Caller, action: string, groupId: string, details = {}) {
    await recordAudit(tx, {
      actorId: caller.actor?.id ?? null,
      module: "groups",
      action,
      targetType: "group",
      targetId: groupId,
      details,
    });
  }

  async function manageable(caller: Caller, groupId: string) {
    assertUuid(groupId);
    const group = await findGroup(db, eq(workingGroups.id, groupId));
    if (!canManageGroup(await membershipOf(db, groupId, caller.actor), caller.actor)) throw refused(caller.actor);
    return group;
  }

  return {
    /** Creates the group with its leads, then its wall (open to signed-in people); no group without its wall. */
    async create(caller: Caller, input: GroupInput | unknown): Promise<GroupRow> {
      authorize(groupsPolicy, "createGroups", caller.actor);
      const data = parseInput(groupInput, input, caller.locale);
      const leads = leadRoles
        .map((role) => ({ role, field: `${role}Id`, userId: data[`${role}Id`] ?? null }))
        .filter((l): l is { role: (typeof leadRoles)[number]; field: string; userId: string } => l.userId !== null);
      const repeated = leads.find((l, i) => leads.findIndex((o) => o.userId === l.userId) !== i);
      if (repeated) {
        throw new AppError("VALIDATION_FAILED", [
          { path: repeated.field, message: translate(caller.locale, "groups.onePersonOneRole") },
        ]);
      }
      const group = await db.transaction(async (tx) => {
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
          await tx.insert(groupMembers).values(leads.map((l) => ({ groupId: row.id, userId: l.userId, role: l.role })));
        }
        await audit(tx, caller, "group.create", row.id, { name: row.name });
        return row;
      });
      try {
        const wall = await wallService.create(caller, {
          title: group.name,
          description: group.theme,
          access: "members",
          anonymousAllowed: false,
        });
        await db.update(walls).set({ ownerType: "group", ownerId: group.id }).where(eq(walls.id, wall.id));
        const [withWall] = await db
          .update(workingGroups)
          .set({ wallId: wall.id })
          .where(eq(workingGroups.id, group.id))
          .returning();
        return withWall ?? group;
      } catch (error) {
        await db.delete(workingGroups).where(eq(workingGroups.id, group.id));
        throw error;
      }
    },

    /** Name, theme, description and publicity; the wall keeps the group's name. */
    async update(caller: Caller, groupId: string, input: GroupUpdateInput | unknown): Promise<GroupRow> {
      const current = await manageable(caller, groupId);
      const data = parseInput(groupUpdateInput, input, caller.locale);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(workingGroups)
          .set({ ...data, updatedAt: new Date() })
          .where(eq(workingGroups.id, groupId))
          .returning();
        if (!row) throw new AppError("NOT_FOUND");
        if (current.wallId && current.name !== row.name) {
          await tx.update(walls).set({ title: row.name, updatedAt: new Date() }).where(eq(walls.id, current.wallId));
        }
        await audit(tx, caller, "group.update", groupId, data);
        return row;
      });
    },

    /**
     * Adds a person to the group or changes their role. Giving someone the
     * convener's, chair's or secretary's role makes its previous holder a member.
     */
    async setMember(caller: Caller, groupId: string, input: MemberInput | unknown): Promise<GroupMemberView[]> {
      await manageable(caller, groupId);
      const data = parseInput(memberInput, input, caller.locale);
      await db.transaction(async (tx) => {
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
        await audit(tx, caller, "member.set", groupId, { userId: data.userId, role: data.role });
      });
      return membersOf(groupId);
    },

    async removeMember(caller: Caller, groupId: string, userId: string): Promise<GroupMemberView[]> {
      await manageable(caller, groupId);
      await db.transaction(async (tx) => {
        const removed = await tx
          .delete(groupMembers)
          .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
          .returning();
        if (removed.length === 0) throw new AppError("NOT_FOUND");
        await audit(tx, caller, "member.remove", groupId, { userId });
      });
      return membersOf(groupId);
    },

    /** Groups by name: staff see every group; others the public ones and their own. */
    async list(caller: Caller): Promise<GroupSummary[]> {
      authorize(groupsPolicy, "listGroups", caller.actor);
      const actorId = caller.actor?.id ?? "";
      const mine = await db
        .select({ groupId: groupMembers.groupId, role: groupMembers.role })
        .from(groupMembers)
        .where(eq(groupMembers.userId, actorId));
      const seeAll = allows(groupsPolicy.manageAnyGroup, caller.actor);
      const mineIds = mine.map((m) => m.groupId);
      const rows = await db
        .select()
        .from(workingGroups)
        .where(
          seeAll
            ? undefined
            : or(eq(workingGroups.isPublic, true), mineIds.length ? inArray(workingGroups.id, mineIds) : undefined),
        )
        .orderBy(asc(workingGroups.name));
      const ids = rows.map((g) => g.id);
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
      return rows.map((g) => ({
        id: g.id,
        slug: g.slug,
        name: g.name,
        theme: g.theme,
        isPublic: g.isPublic,
        memberCount: Number(counts.find((c) => c.groupId === g.id)?.n ?? 0),
        convener: conveners.find((c) => c.groupId === g.id)?.name ?? null,
        myRole: mine.find((m) => m.groupId === g.id)?.role ?? null,
      }));
    },

    /**
     * The group's page: its members with their home organisations, and the
     * deliverables this caller may read; the wall only for the group's people.
     */
    async getBySlug(caller: Caller, slug: string, now: Date = new Date()): Promise<GroupDetail> {
      const group = await findGroup(db, eq(workingGroups.slug, slug.toLowerCase()));
      const myRole = await membershipOf(db, group.id, caller.actor);
      if (!canReadGroup(group, myRole, caller.actor)) throw refused(caller.actor);
      const canWork = canWorkInGroup(myRole, caller.actor);
      const [wall] =
        canWork && group.wallId
          ? await db.select({ slug: walls.slug }).from(walls).where(eq(walls.id, group.wallId))
          : [];
      return {
        group: { ...group, wallSlug: wall?.slug ?? null },
        members: await membersOf(group.id),
        deliverables: await deliverablesOfGroup(db, group, myRole, caller.actor, now),
        myRole,
        canManage: canManageGroup(myRole, caller.actor),
        canWork,
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

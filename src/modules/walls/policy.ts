import type { Actor } from "../../core/caller.ts";
import { allows, anyone, membersUp, type Policy, staffUp } from "../../core/policy.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { WallOwnerType } from "./constants.ts";

/**
 * Who may do what on walls. The role rows are the table; `wallRights` below
 * applies them to one wall (its access setting, its creator, its owner group),
 * and every service asks `wallRights` or `authorize` — no rule lives elsewhere.
 */
export const wallsPolicy = {
  createWall: staffUp,
  listAllWalls: staffUp,
  /** Staff and admins moderate every wall; a wall's creator and its group's leads moderate theirs (wallRights). */
  moderateAnyWall: staffUp,
  /** A wall open to anyone with the link: read it, post, react, report (a participant needs no account). */
  participate: anyone,
  /** A join-code wall without the code, and a members-only wall of no group: signed-in people. */
  enterAsMember: membersUp,
} as const satisfies Policy<string>;
export type WallsAction = keyof typeof wallsPolicy;

export interface WallAccessFacts {
  access: "link" | "join_code" | "members";
  createdBy: string | null;
  ownerType: WallOwnerType;
}

/**
 * The person's place in the wall's owner: a working group's convener, chair or
 * secretary leads its wall; its members take part. Null when not in it (or the
 * owner is not a group).
 */
export type OwnerRole = "lead" | "member" | null;

/**
 * Resolves the owner role; the groups module provides it, walls never read group tables.
 * Inside a caller's unit of work the resolver reads through its transaction (`reader`).
 */
export type OwnerRoleResolver = (
  wall: { ownerType: string; ownerId: string | null },
  actor: Actor | null,
  reader?: Db | Tx,
) => Promise<OwnerRole>;

export const noOwnerRoles: OwnerRoleResolver = async () => null;

/** What one visitor may do on one wall. */
export interface WallRights {
  /** Read the wall and, while it is open, post, react and report. */
  open: boolean;
  /** Edit the settings, close, and approve, hide, delete, pin or move any post. */
  moderate: boolean;
}

/**
 * The policy applied to one wall: moderators are staff and admins
 * (moderateAnyWall), the wall's creator and its group's leads; anyone opens a
 * link wall (participate); a code wall opens with its code or for signed-in
 * people (enterAsMember); a members wall for signed-in people, and a working
 * group's members-only wall for its members only.
 */
export function wallRights(
  wall: WallAccessFacts,
  actor: Actor | null,
  hasJoinCode: boolean,
  ownerRole: OwnerRole = null,
): WallRights {
  const moderate =
    actor !== null &&
    (allows(wallsPolicy.moderateAnyWall, actor) || wall.createdBy === actor.id || ownerRole === "lead");
  if (moderate) return { open: true, moderate };
  switch (wall.access) {
    case "link":
      return { open: allows(wallsPolicy.participate, actor), moderate };
    case "join_code":
      return { open: hasJoinCode || allows(wallsPolicy.enterAsMember, actor), moderate };
    case "members":
      // A working group's members-only wall is its members' own, not every signed-in person's.
      return {
        open: wall.ownerType === "group" ? ownerRole !== null : allows(wallsPolicy.enterAsMember, actor),
        moderate,
      };
  }
}

/** May this person moderate this wall. */
export const canModerate = (wall: WallAccessFacts, actor: Actor | null, ownerRole: OwnerRole = null): boolean =>
  wallRights(wall, actor, false, ownerRole).moderate;

import type { Actor } from "../../core/caller.ts";
import { anyone, type Policy, staffUp } from "../../core/policy.ts";

/** Role rules; whether a visitor may open a particular wall is `canOpenWall` below. */
export const wallsPolicy = {
  createWall: staffUp,
  listAllWalls: staffUp,
  /** Staff and admins moderate every wall; a wall's creator moderates their own (see canModerate). */
  moderateAnyWall: staffUp,
  /** Posting, reacting and reporting need only access to the wall. */
  participate: anyone,
} as const satisfies Policy<string>;

export interface WallAccessFacts {
  access: "link" | "join_code" | "members";
  createdBy: string | null;
}

/** May this person moderate this wall: staff, admins, or the wall's own creator. */
export function canModerate(wall: WallAccessFacts, actor: Actor | null): boolean {
  if (!actor) return false;
  return actor.role === "admin" || actor.role === "staff" || wall.createdBy === actor.id;
}

/**
 * May this visitor open the wall: anyone with the link; only holders of the
 * join code (remembered for the browser) or signed-in people; or only
 * signed-in people.
 */
export function canOpenWall(wall: WallAccessFacts, actor: Actor | null, hasJoinCode: boolean): boolean {
  if (canModerate(wall, actor)) return true;
  switch (wall.access) {
    case "link":
      return true;
    case "join_code":
      return hasJoinCode || actor !== null;
    case "members":
      return actor !== null;
  }
}

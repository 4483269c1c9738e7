import { describe, expect, it } from "vitest";
import { expectPolicyMatrix } from "../../../test/support/policy-matrix.ts";
import type { Actor } from "../../core/caller.ts";
import { canModerate, canOpenWall, type OwnerRole, type WallAccessFacts, wallsPolicy } from "./policy.ts";

describe("walls policy", () => {
  expectPolicyMatrix(wallsPolicy, {
    createWall: ["staff", "admin"],
    listAllWalls: ["staff", "admin"],
    moderateAnyWall: ["staff", "admin"],
    participate: ["anonymous", "member", "staff", "admin"],
  });

  const person = (role: Actor["role"], id = `${role}-id`): Actor => ({
    id,
    name: role,
    email: `${role}@example.test`,
    role,
  });
  const wall = (
    access: WallAccessFacts["access"],
    ownerType: WallAccessFacts["ownerType"] = "standalone",
  ): WallAccessFacts => ({
    access,
    ownerType,
    createdBy: "creator-id",
  });

  type Who = { label: string; actor: Actor | null; joinCode?: boolean; owner?: OwnerRole };
  const who: Who[] = [
    { label: "visitor", actor: null },
    { label: "visitor with the code", actor: null, joinCode: true },
    { label: "member", actor: person("member") },
    { label: "group member", actor: person("member"), owner: "member" },
    { label: "group lead", actor: person("member"), owner: "lead" },
    { label: "wall's creator", actor: person("member", "creator-id") },
    { label: "staff", actor: person("staff") },
  ];
  // The owner role resolver only ever answers for group walls (groups/wall-access.ts).
  const table = (facts: WallAccessFacts, check: "open" | "moderate") =>
    who
      .filter((w) => {
        const owner = facts.ownerType === "group" ? (w.owner ?? null) : null;
        return check === "open"
          ? canOpenWall(facts, w.actor, w.joinCode ?? false, owner)
          : canModerate(facts, w.actor, owner);
      })
      .map((w) => w.label);

  it("lets everyone open a link wall, code holders and signed-in people a code wall, signed-in people a members wall", () => {
    expect(table(wall("link"), "open")).toEqual(who.map((w) => w.label));
    expect(table(wall("join_code"), "open")).toEqual([
      "visitor with the code",
      "member",
      "group member",
      "group lead",
      "wall's creator",
      "staff",
    ]);
    expect(table(wall("members"), "open")).toEqual(["member", "group member", "group lead", "wall's creator", "staff"]);
  });

  it("keeps a working group's members-only wall to the group (and staff), and lets its leads moderate", () => {
    expect(table(wall("members", "group"), "open")).toEqual(["group member", "group lead", "wall's creator", "staff"]);
    expect(table(wall("members", "group"), "moderate")).toEqual(["group lead", "wall's creator", "staff"]);
    expect(table(wall("link"), "moderate")).toEqual(["wall's creator", "staff"]);
  });
});

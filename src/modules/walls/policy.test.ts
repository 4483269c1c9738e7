import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Actor } from "../../core/caller.ts";
import type { Database } from "../../db/client.ts";
import { createChangeLoader } from "./change-log.ts";
import { WallHub } from "./hub.ts";
import { type OwnerRole, type OwnerRoleResolver, wallsPolicy } from "./policy.ts";
import { createPostService, defaultPostLimits, type PostService } from "./posts.ts";
import { createWallService, type WallService } from "./service.ts";
import type { WallViewer } from "./viewer.ts";

/**
 * The walls policy decides, checked on the real services: every kind of
 * visitor makes every call on every kind of wall, and the table below says
 * exactly who gets through. Owner roles come from an OwnerRoleResolver built
 * here (the groups module provides the real one), so a group wall's convener
 * and members are tested without the groups module.
 */
const visitors = [
  "anonymous",
  "participant",
  "participantWithCode",
  "member",
  "staff",
  "admin",
  "convener",
  "groupMember",
] as const;
type Visitor = (typeof visitors)[number];
type WallKind = "link" | "code" | "members" | "group";
const refusals = ["UNAUTHENTICATED", "FORBIDDEN", "JOIN_CODE_REQUIRED"];
const signedIn: Visitor[] = ["member", "staff", "admin", "convener", "groupMember"];
const withCookie: Visitor[] = ["participant", "participantWithCode", ...signedIn];

describe("walls policy", () => {
  let database: Database;
  let walls: WallService;
  let posts: PostService;
  const actors = {} as Record<Visitor, Actor | null>;
  const wallIds = {} as Record<WallKind, string>;
  /** A post by someone else on each wall, for reacting, reporting and moderating. */
  const othersPost = {} as Record<WallKind, string>;
  const groupId = crypto.randomUUID();
  const groupRoles = new Map<string, OwnerRole>();
  let keys = 0;

  // Records which policy entries the services read while each attempt runs (and over the whole file).
  const original = { ...wallsPolicy };
  type Entry = keyof typeof wallsPolicy;
  const readEver = new Set<Entry>();
  let readNow: Set<Entry> | null = null;

  const viewer = (who: Visitor): WallViewer => ({
    actor: actors[who],
    locale: "fi",
    participantHash: withCookie.includes(who) ? `hash-${who}` : null,
    addressHash: `address-${who}`,
    hasJoinCode: () => who === "participantWithCode",
  });

  beforeAll(async () => {
    for (const key of Object.keys(original) as Entry[]) {
      Object.defineProperty(wallsPolicy, key, {
        configurable: true,
        enumerable: true,
        get() {
          readNow?.add(key);
          readEver.add(key);
          return original[key];
        },
      });
    }
    database = await openTestDatabase();
    const { db } = database;
    const resolver: OwnerRoleResolver = async (wall, actor) =>
      wall.ownerType === "group" && wall.ownerId === groupId && actor ? (groupRoles.get(actor.id) ?? null) : null;
    const hub = new WallHub(createChangeLoader(db), (error) => {
      throw error;
    });
    walls = createWallService({ db, hub, ownerRole: resolver });
    const roomy = { ...defaultPostLimits, postsPerParticipant: 1000, reactionsPerParticipant: 1000 };
    posts = createPostService({ db, hub, ownerRole: resolver, limits: roomy });
    actors.anonymous = null;
    actors.participant = null;
    actors.participantWithCode = null;
    for (const who of ["member", "staff", "admin", "convener", "groupMember"] as const) {
      const role = who === "staff" || who === "admin" ? who : "member";
      const p = await createPerson(database, role);
      actors[who] = { id: p.id, name: p.name, email: p.email, role };
    }
    groupRoles.set(actors.convener?.id ?? "", "lead");
    groupRoles.set(actors.groupMember?.id ?? "", "member");
    const staff = { actor: actors.staff, locale: "fi" as const };
    wallIds.link = (await walls.create(staff, { title: "Linkki" })).id;
    wallIds.code = (await walls.create(staff, { title: "Koodi", access: "join_code" })).id;
    wallIds.members = (await walls.create(staff, { title: "Jäsenet", access: "members" })).id;
    wallIds.group = (
      await walls.create(staff, { title: "Ryhmä", access: "members" }, { owner: { type: "group", id: groupId } })
    ).id;
    for (const kind of Object.keys(wallIds) as WallKind[]) {
      othersPost[kind] = (
        await posts.create({ ...viewer("staff"), participantHash: "hash-author" }, wallIds[kind], {
          body: "Toisen viesti",
          kind: "question",
          idempotencyKey: `others-${kind}`,
        })
      ).post.id;
    }
  });
  afterAll(async () => {
    for (const key of Object.keys(original) as Entry[])
      Object.defineProperty(wallsPolicy, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value: original[key],
      });
    await database.close();
  });

  const post = (who: Visitor, kind: WallKind) =>
    posts.create(viewer(who), wallIds[kind], { body: `Viesti ${who}`, idempotencyKey: `policy-key-${++keys}` });

  /** One call per action, the visitors it lets through, and the policy entries it must consult. */
  const matrix: {
    action: string;
    allowed: readonly Visitor[];
    consults: Entry[];
    attempt: (who: Visitor) => Promise<unknown>;
  }[] = [
    {
      action: "create a wall",
      allowed: ["staff", "admin"],
      consults: ["createWall"],
      attempt: (who) => walls.create(viewer(who), { title: `Uusi ${who}` }),
    },
    {
      action: "list all walls",
      allowed: ["staff", "admin"],
      consults: ["listAllWalls"],
      attempt: (who) => walls.pageWalls(viewer(who)),
    },
    ...(
      [
        ["link", visitors, ["participate", "moderateAnyWall"]],
        ["code", ["participantWithCode", ...signedIn], ["enterAsMember", "moderateAnyWall"]],
        ["members", signedIn, ["enterAsMember", "moderateAnyWall"]],
        ["group", ["staff", "admin", "convener", "groupMember"], ["moderateAnyWall"]],
      ] as const
    ).flatMap(([kind, readers, consults]) => [
      {
        action: `open a ${kind} wall`,
        allowed: readers,
        consults: [...consults],
        attempt: (who: Visitor) => walls.openById(viewer(who), wallIds[kind]),
      },
      {
        action: `read the posts of a ${kind} wall`,
        allowed: readers,
        consults: [...consults],
        attempt: (who: Visitor) => walls.posts(viewer(who), wallIds[kind]),
      },
      {
        // Posting needs the participant cookie too: a visitor without one is refused as UNAUTHENTICATED.
        action: `post on a ${kind} wall`,
        allowed: readers.filter((who) => who !== "anonymous"),
        consults: [...consults],
        attempt: (who: Visitor) => post(who, kind),
      },
      {
        action: `like a post on a ${kind} wall`,
        allowed: readers.filter((who) => who !== "anonymous"),
        consults: [...consults],
        attempt: (who: Visitor) => posts.react(viewer(who), othersPost[kind], { kind: "like" }),
      },
      {
        action: `report a post on a ${kind} wall`,
        allowed: readers.filter((who) => who !== "anonymous"),
        consults: [...consults],
        attempt: (who: Visitor) => posts.report(viewer(who), othersPost[kind], { reason: "" }),
      },
      {
        action: `edit one's own post on a ${kind} wall`,
        allowed: readers.filter((who) => who !== "anonymous"),
        consults: [...consults],
        attempt: async (who: Visitor) => {
          const { post: mine } = await post(who, kind);
          return posts.edit(viewer(who), mine.id, { body: "Korjattu" });
        },
      },
    ]),
    ...(["link", "group"] as const).flatMap((kind) => {
      const moderators: Visitor[] = kind === "group" ? ["staff", "admin", "convener"] : ["staff", "admin"];
      return [
        {
          action: `edit another's post on a ${kind} wall`,
          allowed: moderators,
          consults: ["moderateAnyWall"] as Entry[],
          attempt: (who: Visitor) => posts.edit(viewer(who), othersPost[kind], { body: `Muokannut ${who}` }),
        },
        {
          action: `moderate (pin) a post on a ${kind} wall`,
          allowed: moderators,
          consults: ["moderateAnyWall"] as Entry[],
          attempt: (who: Visitor) => posts.moderate(viewer(who), othersPost[kind], { action: "pin", on: true }),
        },
        {
          action: `delete another's post on a ${kind} wall`,
          allowed: moderators,
          consults: ["moderateAnyWall"] as Entry[],
          attempt: async (who: Visitor) => {
            // Someone else's fresh post each time: a deleted post is gone for the next visitor.
            const { post: theirs } = await posts.create(
              { ...viewer("staff"), participantHash: "hash-author" },
              wallIds[kind],
              { body: "Poistettava", idempotencyKey: `policy-key-${++keys}` },
            );
            return posts.remove(viewer(who), theirs.id);
          },
        },
        {
          action: `change the settings of a ${kind} wall`,
          allowed: moderators,
          consults: ["moderateAnyWall"] as Entry[],
          attempt: (who: Visitor) => walls.update(viewer(who), wallIds[kind], { description: `Kuvaus ${who}` }),
        },
      ];
    }),
  ];

  for (const row of matrix) {
    it(`${row.action}: ${row.allowed.join(", ")}`, async () => {
      const outcomes: Record<string, string> = {};
      const consulted = new Set<Entry>();
      for (const who of visitors) {
        readNow = consulted;
        try {
          await row.attempt(who);
          outcomes[who] = "allowed";
        } catch (error) {
          const code = (error as { code?: string }).code ?? String(error);
          if (!refusals.includes(code)) throw error;
          outcomes[who] = "refused";
        } finally {
          readNow = null;
        }
      }
      expect(outcomes).toEqual(
        Object.fromEntries(visitors.map((who) => [who, row.allowed.includes(who) ? "allowed" : "refused"])),
      );
      for (const entry of row.consults) expect([...consulted], `consults ${entry}`).toContain(entry);
    });
  }

  it("asks a visitor without the code of a code wall for it, and tells a visitor to sign in for a members wall", async () => {
    await expect(walls.openById(viewer("participant"), wallIds.code)).rejects.toMatchObject({
      code: "JOIN_CODE_REQUIRED",
    });
    await expect(walls.openById(viewer("participant"), wallIds.members)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(walls.openById(viewer("member"), wallIds.group)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("changes only the settings an update sends: a description leaves the wall's access as it was", async () => {
    const updated = await walls.update(viewer("convener"), wallIds.group, { description: "Vain kuvaus" });
    expect(updated).toMatchObject({ access: "members", description: "Vain kuvaus", moderation: "open" });
    await expect(walls.openById(viewer("member"), wallIds.group)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  // Last in the file: after every call above has run.
  it("has no entry that no call consults", () => {
    expect([...readEver].sort()).toEqual((Object.keys(original) as Entry[]).sort());
  });
});

import { createHmac } from "node:crypto";
import type { Caller } from "../../core/caller.ts";
import type { Participants } from "./participants.ts";
import { participantCookie } from "./participants.ts";
import type { WallViewer } from "./viewer.ts";

export const joinedCookie = "uudistamo_joined";
const maxJoinedWalls = 30;
const year = 60 * 60 * 24 * 365;

/** Parses a Cookie header into name → value. */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return cookies;
}

const cookieString = (name: string, value: string, secure: boolean) =>
  `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${year}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

/**
 * Builds the wall viewer for a request: the participant cookie (issued when
 * missing, returned as a Set-Cookie to send), the walls whose join code this
 * browser has given (a signed list), and the signed-in person if any.
 */
export function createWallCookies(participants: Participants, secret: string, secure: boolean) {
  const joinTag = (wallId: string, code: string) =>
    createHmac("sha256", secret).update(`join:${wallId}:${code}`).digest("base64url").slice(0, 16);

  function joinedEntries(cookies: Map<string, string>): string[] {
    return (cookies.get(joinedCookie) ?? "").split(",").filter(Boolean);
  }

  return {
    viewer(
      caller: Caller,
      cookieHeader: string | null | undefined,
      address: string,
      options: { issue: boolean } = { issue: false },
    ): { viewer: WallViewer; setCookie: string | null } {
      const cookies = parseCookies(cookieHeader);
      let id = participants.verify(cookies.get(participantCookie));
      let setCookie: string | null = null;
      if (!id && options.issue) {
        const issued = participants.issue();
        id = issued.id;
        setCookie = cookieString(participantCookie, issued.cookie, secure);
      }
      const joined = new Set(joinedEntries(cookies));
      return {
        setCookie,
        viewer: {
          ...caller,
          participantHash: id ? participants.hash(id) : null,
          addressHash: participants.hashAddress(address),
          // The tag covers the code, so changing a wall's code shuts out browsers that had the old one.
          hasJoinCode: (wallId, code) => code !== null && joined.has(`${wallId}:${joinTag(wallId, code)}`),
        },
      };
    },

    /** The Set-Cookie that remembers this browser gave the right join code for these walls. */
    rememberJoins(cookieHeader: string | null | undefined, walls: { wallId: string; code: string }[]): string {
      const joining = new Set(walls.map((w) => w.wallId));
      const entries = joinedEntries(parseCookies(cookieHeader)).filter((e) => !joining.has(e.split(":")[0] ?? ""));
      for (const { wallId, code } of walls) entries.push(`${wallId}:${joinTag(wallId, code)}`);
      return cookieString(joinedCookie, entries.slice(-maxJoinedWalls).join(","), secure);
    },

    rememberJoin(cookieHeader: string | null | undefined, wallId: string, code: string): string {
      return this.rememberJoins(cookieHeader, [{ wallId, code }]);
    },
  };
}

export type WallCookies = ReturnType<typeof createWallCookies>;

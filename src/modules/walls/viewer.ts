import type { Caller } from "../../core/caller.ts";

/** Who is looking at or writing on a wall: a signed-in person, a participant's browser, or both. */
export interface WallViewer extends Caller {
  /** Keyed hash of the participant cookie's id; null before the browser has one. */
  participantHash: string | null;
  /** Keyed hash of the client address, for rate limits only. */
  addressHash: string;
  /** Whether this browser has given this wall's current join code. */
  hasJoinCode(wallId: string, joinCode: string | null): boolean;
}

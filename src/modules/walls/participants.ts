import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const participantCookie = "uudistamo_participant";

/**
 * A wall participant without an account is a random id in a signed, HttpOnly
 * cookie. The database keeps only a keyed hash of it, so neither a database
 * dump nor the wall reveals who wrote what, while the same browser can still
 * edit or delete its own posts.
 */
export function createParticipants(secret: string) {
  const sign = (id: string) =>
    createHmac("sha256", secret).update(`participant:${id}`).digest("base64url").slice(0, 32);

  return {
    /** A new cookie value. */
    issue(): { id: string; cookie: string } {
      const id = randomBytes(18).toString("base64url");
      return { id, cookie: `${id}.${sign(id)}` };
    },

    /** The participant id in a cookie value, if its signature holds. */
    verify(cookie: string | undefined): string | null {
      if (!cookie) return null;
      const [id, signature] = cookie.split(".");
      if (!id || !signature) return null;
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
    },

    /** What the database stores for a participant. */
    hash(id: string): string {
      return createHmac("sha256", secret).update(`participant-hash:${id}`).digest("base64url");
    },

    /** A client address for rate limiting, never stored or logged in clear. */
    hashAddress(address: string): string {
      return createHash("sha256").update(`${secret}:address:${address}`).digest("base64url").slice(0, 22);
    },
  };
}

export type Participants = ReturnType<typeof createParticipants>;

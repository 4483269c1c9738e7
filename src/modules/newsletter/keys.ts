import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The newsletter's secrets, derived from the server's secret (SESSION_SECRET): the key of the address hashes kept
 * after an unsubscribe, and the key that signs unsubscribe links. Deriving keeps them apart from the session's own
 * use of the secret.
 */
export function createNewsletterKeys(serverSecret: string) {
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", serverSecret, "uudistamo", purpose, 32));
  const addressKey = derive("newsletter-address-hash");
  const linkKey = derive("newsletter-unsubscribe-link");
  const signature = (subscriberId: string) =>
    createHmac("sha256", linkKey).update(subscriberId).digest("base64url").slice(0, 32);
  return {
    /** What the suppression list (and the audit log, as the subscriber's actor) keeps of an address. */
    addressHash: (email: string) => createHmac("sha256", addressKey).update(email.toLowerCase()).digest("base64url"),
    /** The token of a subscriber's unsubscribe links: the id with its signature. */
    unsubscribeToken: (subscriberId: string) => `${subscriberId}.${signature(subscriberId)}`,
    /** The subscriber id in an unsubscribe token, if its signature holds. */
    verifyUnsubscribe(token: string): string | null {
      const [id, given] = token.split(".");
      if (!id || !given) return null;
      const expected = Buffer.from(signature(id));
      const actual = Buffer.from(given);
      return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
    },
  };
}

export type NewsletterKeys = ReturnType<typeof createNewsletterKeys>;

/** A confirmation link's token and the hash the database keeps of it. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

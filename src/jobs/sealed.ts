import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Job data that must not be readable in the database: a queued e-mail holds a reset or
 * invitation link, and the invitations table keeps only a hash of its token, so a dump
 * or a glance at pgboss.job must not give the token away. AES-256-GCM with a key derived
 * from the session secret; the worker opens it.
 */
export interface Sealer {
  seal(value: unknown): string;
  open<T>(sealed: string): T;
}

export function createSealer(secret: string, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync("sha256", secret, "uudistamo", `sealed job data: ${purpose}`, 32));
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    open<T>(sealed: string) {
      const bytes = Buffer.from(sealed, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
      return JSON.parse(text) as T;
    },
  };
}

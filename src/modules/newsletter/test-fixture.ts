import type { Db } from "../../db/client.ts";
import { newsletterSubscribers } from "./schema.ts";

/** Confirmed subscribers straight into the database (the opt-in itself is tested in subscribers.test.ts). */
export async function insertConfirmedSubscribers(
  db: Db,
  count: number,
  options: { prefix?: string; locale?: string; topics?: string[] } = {},
): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `${options.prefix ?? "tilaaja"}-${i}@example.test`);
  const now = new Date();
  for (let start = 0; start < emails.length; start += 500) {
    await db.insert(newsletterSubscribers).values(
      emails.slice(start, start + 500).map((email) => ({
        email,
        locale: options.locale ?? "fi",
        topics: options.topics ?? [],
        status: "confirmed" as const,
        confirmedAt: now,
        consentAt: now,
        consentText: "test",
        consentLocale: "fi",
      })),
    );
  }
  return emails;
}

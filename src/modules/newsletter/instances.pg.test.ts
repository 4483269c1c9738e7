import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTwoInstances } from "../../../test/support/role-visitors.ts";
import { api, type TestApp } from "../../../test/support/server.ts";
import { newsletterSubscribers } from "./schema.ts";

// Only in the PostgreSQL project (vitest.config.ts): two app processes on one database, each with its own
// connection pool and its own SMTP server, as two instances behind a load balancer.
describe("subscribing one address on two app instances sharing one PostgreSQL database", () => {
  const apps = useTwoInstances();
  const subscribe = (app: TestApp, email: string, locale = "fi") =>
    api(app, "/api/newsletter/subscriptions", { method: "POST", body: { email, locale, consent: true } });
  const mailsTo = (email: string) =>
    [...apps.first.smtp.inbox, ...apps.second.smtp.inbox].filter((m) => m.to.includes(email));
  /** Either instance's worker may send it, each to its own SMTP server. */
  const firstMailTo = async (email: string) => {
    const deadline = Date.now() + 15_000;
    while (mailsTo(email).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(mailsTo(email).length, `a mail to ${email}`).toBeGreaterThan(0);
  };

  it("sends one confirmation for many subscriptions at once to both, all answered alike", async () => {
    const email = "samaan-aikaan@example.test";
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => subscribe(i % 2 ? apps.first : apps.second, email)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(202));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    await firstMailTo(email);
    // Time for a second confirmation to arrive, were one queued.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(mailsTo(email)).toHaveLength(1);
    const rows = await apps.first.database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email));
    expect(rows).toHaveLength(1);
  });

  it("keeps the limit in the database: the other instance sends no second confirmation within it", async () => {
    const email = "toisella-palvelimella@example.test";
    const first = await subscribe(apps.first, email);
    await firstMailTo(email);
    const second = await subscribe(apps.second, email, "en");
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.text).toBe(first.text);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(mailsTo(email)).toHaveLength(1);
    const [row] = await apps.second.database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email));
    expect(row?.locale).toBe("fi");
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { api, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { startSmtpServer } from "../../../test/support/smtp.ts";
import { newsletterSubscribers } from "./schema.ts";

const refused = "ei-ole-olemassa@example.test";

describe("a hard bounce of the confirmation mail", () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const subscribe = (email: string) =>
    api(app, "/api/newsletter/subscriptions", { method: "POST", body: { email, locale: "fi", consent: true } });
  const rowOf = async (email: string) =>
    (await app.database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0];

  beforeAll(async () => {
    // This SMTP server refuses one recipient at RCPT TO (550 5.1.1), as a receiving server does for no such user.
    smtp = await startSmtpServer({ refuse: (address) => address === refused });
    app = await startTestApp({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it("marks the address bounced, sends it nothing more, and a new subscription answers the same", async () => {
    const first = await subscribe(refused);
    expect(first.status).toBe(202);
    const deadline = Date.now() + 20_000;
    while ((await rowOf(refused))?.status !== "bounced" && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const row = await rowOf(refused);
    expect(row?.status).toBe("bounced");
    expect(row?.bounceReason).toContain("No such user");
    await expectAudited(app.database.db, {
      module: "newsletter",
      action: "subscriber.bounce",
      targetId: row?.id ?? "",
      actorId: null,
    });
    // A working address on the same server still gets its mail: only the refused one is marked.
    await subscribe("toimii@example.test");
    await smtp.waitFor("toimii@example.test", 15_000);
    expect((await rowOf("toimii@example.test"))?.status).toBe("pending");

    // Subscribing the bounced address again: the same answer, and no confirmation job is even queued.
    const again = await subscribe(refused);
    expect(again.status).toBe(202);
    expect(again.text).toBe(first.text);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.inbox.filter((m) => m.to.includes(refused))).toHaveLength(0);
    expect((await rowOf(refused))?.confirmSentAt?.getTime()).toBe(row?.confirmSentAt?.getTime());
  });
});

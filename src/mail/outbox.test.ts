import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";
import { unsubscribeHeaders } from "./templates.ts";

interface JobJson {
  name: string;
  state: string;
  attempts: number;
  error: string | null;
}

describe("e-mail through the job queue", () => {
  let app: TestApp;
  let adminCookie: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { MAIL_RATE_PER_MINUTE: "600" } });
    const admin = await createPerson(app.database, "admin", { name: "Aila Admin" });
    adminCookie = await signIn(app, admin.email, admin.password);
  });
  afterAll(() => app.close());

  it("saves an invitation while SMTP is down and sends its mail when SMTP is back", async () => {
    await app.smtp.stop();
    try {
      const invited = await api(app, "/api/invitations", {
        method: "POST",
        cookie: adminCookie,
        body: { email: "katko@example.test", name: "Kaisa Katko", role: "member", locale: "fi" },
      });
      expect(invited.status).toBe(201);
      const pending = await api(app, "/api/invitations", { cookie: adminCookie });
      expect((pending.json as unknown as { email: string }[]).map((i) => i.email)).toContain("katko@example.test");

      // The first attempt fails against the closed port; the job waits for its retry, error shown.
      let waiting: JobJson | undefined;
      const deadline = Date.now() + 15_000;
      while (!waiting && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const jobs = await api(app, "/api/jobs", { cookie: adminCookie });
        waiting = (jobs.json.queued as unknown as JobJson[]).find((job) => job.name === "mail.send" && job.error);
      }
      expect(waiting).toMatchObject({ state: "retry", attempts: 1 });
      expect(waiting?.error).toMatch(/ECONNREFUSED|connect/);
      expect(app.smtp.inbox.filter((m) => m.to.includes("katko@example.test"))).toEqual([]);
    } finally {
      await app.smtp.start();
    }
    const mail = await app.smtp.waitFor("katko@example.test", 20_000);
    expect(mail.subject).toBe("Kutsu Uudistamoon");
    expect(mail.text).toContain("Aila Admin");
    const token = mail.text.match(/invitation\?token=([\w-]+)/)?.[1] ?? "";
    expect(token).not.toBe("");
    expect(mail.html).toContain(`invitation?token=${token}`);

    // The link's token is in no job the admin page shows, nor readable in the job table.
    const jobs = await api(app, "/api/jobs", { cookie: adminCookie });
    expect(jobs.text).not.toContain(token);
    const stored = (await app.database.db.execute(sql`select data::text as data from pgboss.job`)) as unknown as {
      rows: { data: string }[];
    };
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(stored.rows.some((row) => row.data.includes(token) || row.data.includes("katko@example.test"))).toBe(false);
  });

  it("sends a batch at the configured rate, each message with its own unsubscribe headers", async () => {
    const recipients = ["uutiskirje-1@example.test", "uutiskirje-2@example.test", "uutiskirje-3@example.test"];
    const ids = await app.platform.outbox.sendBatch(
      recipients.map((to, i) => ({
        to,
        subject: "Uudistamo-uutiset",
        text: `Uutisia numero ${i + 1}`,
        html: `<p>Uutisia numero ${i + 1}</p>`,
        headers: unsubscribeHeaders(`${app.url}/newsletter/unsubscribe?token=u${i + 1}`),
      })),
    );
    expect(ids).toHaveLength(3);
    const received = await Promise.all(recipients.map((to) => app.smtp.waitFor(to, 15_000)));
    received.forEach((mail, i) => {
      expect(mail.headers["list-unsubscribe"]).toBe(`<${app.url}/newsletter/unsubscribe?token=u${i + 1}>`);
      expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
      expect(mail.html).toContain(`Uutisia numero ${i + 1}`);
    });
    // 600 a minute: queued 100 ms apart.
    const queued = (await app.database.db.execute(
      sql`select start_after from pgboss.job where name = 'mail.bulk' order by start_after`,
    )) as unknown as { rows: { start_after: Date | string }[] };
    const times = queued.rows.map((row) => new Date(row.start_after).getTime());
    expect(times.slice(1).map((time, i) => time - (times[i] ?? 0))).toEqual([100, 100]);
  });
});

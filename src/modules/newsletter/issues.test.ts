import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { startSmtpServer } from "../../../test/support/smtp.ts";
import { postFor } from "../publishing/test-fixture.ts";
import { newsletterDeliveries, newsletterSubscribers } from "./schema.ts";
import { insertConfirmedSubscribers } from "./test-fixture.ts";

const count = 2000;
const bouncing = "tilaaja-7@example.test";

interface Progress {
  total: number;
  sent: number;
  failed: number;
  left: number;
  skipped: number;
  status: string;
}

describe("newsletter issues: composed, previewed, sent to thousands in paced batches", () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let staffCookie: string;
  const call = (method: string, path: string, body?: unknown) =>
    api(app, `/api/newsletter${path}`, { method, cookie: staffCookie, body });
  const progress = async (id: string) => (await call("GET", `/issues/${id}/progress`)).json as unknown as Progress;
  const waitFor = async (id: string, done: (p: Progress) => boolean, ms = 120_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const p = await progress(id);
      if (done(p) || Date.now() > deadline) return p;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    // The hard bounce: this SMTP server refuses one recipient at RCPT TO.
    smtp = await startSmtpServer({ refuse: (address) => address === bouncing });
    app = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_RATE_PER_MINUTE: "60000",
        NEWSLETTER_BATCH_SIZE: "100",
        NEWSLETTER_CONCURRENCY: "4",
      },
    });
    const staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
    await insertConfirmedSubscribers(app.database.db, count);
    await insertConfirmedSubscribers(app.database.db, 5, { prefix: "ruotsi", locale: "sv" });
    await insertConfirmedSubscribers(app.database.db, 5, { prefix: "sote", topics: ["sote"] });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it("refuses bad input naming the field, and previews the issue as page and as mail", async () => {
    const bad = await call("POST", "/issues", { subject: "", introduction: "x", locale: "fi", postIds: ["nope"] });
    expect(bad.status).toBe(400);
    expect((bad.json.issues as unknown as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "postIds.0",
      "subject",
    ]);
    const unknownPost = await call("POST", "/issues", {
      subject: "S",
      introduction: "x",
      locale: "fi",
      postIds: [crypto.randomUUID()],
    });
    expect(unknownPost.status).toBe(400);
    expect(unknownPost.json).toMatchObject({ issues: [{ path: "postIds" }] });

    const created = await call("POST", "/issues", {
      subject: "Uutiskirje 1/2026",
      introduction: "Hei **kaikki**, <script>x</script> tässä uutisia.",
      locale: "fi",
      topics: ["kasvupalvelut"],
    });
    expect(created.status).toBe(201);
    const preview = await call("GET", `/issues/${created.json.id}/preview`);
    const mail = preview.json.mail as unknown as { html: string; text: string };
    expect((preview.json.body as unknown as { html: string }).html).toContain("<strong>kaikki</strong>");
    expect(mail.html).not.toContain("<script>");
    expect(mail.text).toContain("Hei **kaikki**");
    expect(mail.text).toContain("/newsletter/unsubscribe?token=");
    const anonymous = await api(app, `/api/newsletter/issues/${created.json.id}/preview`);
    expect(anonymous.status).toBe(401);
  });

  it("composes from published posts (publishing's), in the order chosen; a draft post is refused", async () => {
    const posts = app.platform.services.publishingPosts;
    const { caller } = await personCaller(app, "staff");
    const first = await posts.create(caller, postFor({ title: "Allianssilla hyvää palvelua saumattomasti" }));
    const second = await posts.create(caller, postFor({ title: "Kohti digitalisaatiota" }));
    const draft = await posts.create(caller, postFor({ title: "Luonnos" }));
    await posts.publish(caller, first.post.id);
    await posts.publish(caller, second.post.id);
    const refused = await call("POST", "/issues", {
      subject: "S",
      introduction: "x",
      locale: "fi",
      postIds: [first.post.id, draft.post.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ issues: [{ path: "postIds" }] });
    const created = await call("POST", "/issues", {
      subject: "Blogit",
      introduction: "Uusimmat kirjoitukset.",
      locale: "fi",
      postIds: [second.post.id, first.post.id],
    });
    expect(created.status).toBe(201);
    const preview = await call("GET", `/issues/${created.json.id}/preview`);
    const mail = preview.json.mail as unknown as { html: string; text: string };
    const order = ["Kohti digitalisaatiota", "Allianssilla hyvää palvelua saumattomasti"].map((t) =>
      mail.html.indexOf(t),
    );
    expect(order[0]).toBeGreaterThan(0);
    expect(order[1]).toBeGreaterThan(order[0] ?? 0);
    expect(mail.text).toContain(`Lue koko juttu: ${app.url}/blog/${first.post.slug}`);
    expect(mail.html).toContain(`href="${app.url}/blog/${second.post.slug}"`);
  });

  it("sends once to every confirmed subscriber of its language and topics, marks a hard bounce", async () => {
    const created = await call("POST", "/issues", {
      subject: "Tuhannet tilaajat",
      introduction: "Kaikille suomenkielisille.",
      locale: "fi",
      topics: ["kasvupalvelut"],
    });
    const id = String(created.json.id);
    const started = await call("POST", `/issues/${id}/send`);
    expect(started.status).toBe(200);
    // 2000 without topics (they take every issue) + 5 with "sote" (not this issue's topic); Swedish ones not.
    expect(started.json).toMatchObject({ total: count });
    const again = await call("POST", `/issues/${id}/send`);
    expect(again.status).toBe(400);

    const done = await waitFor(id, (p) => p.status === "sent");
    const errors = await app.database.db
      .selectDistinct({ error: newsletterDeliveries.error })
      .from(newsletterDeliveries)
      .where(eq(newsletterDeliveries.state, "failed"));
    expect(errors.map((e) => e.error)).toEqual([expect.stringContaining("No such user")]);
    expect(done).toMatchObject({ status: "sent", total: count, sent: count - 1, failed: 1, left: 0 });
    const received = smtp.inbox.filter((m) => m.subject === "Tuhannet tilaajat");
    const addresses = received.map((m) => m.to);
    expect(new Set(addresses).size).toBe(count - 1);
    expect(addresses).toHaveLength(count - 1);
    expect(addresses.some((a) => a.includes("ruotsi") || a.includes("sote-"))).toBe(false);
    const sample = received[0];
    expect(sample?.headers["list-unsubscribe"]).toMatch(/unsubscribe\?token=/);
    expect(sample?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(sample?.html).toContain("Kaikille suomenkielisille.");
    const [bounced] = await app.database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, bouncing));
    expect(bounced?.status).toBe("bounced");
    await expectAudited(app.database.db, { module: "newsletter", action: "issue.sent", targetId: id, actorId: null });
    await expectAudited(app.database.db, {
      module: "newsletter",
      action: "subscriber.bounce",
      targetId: bounced?.id ?? "",
    });

    // The archive shows it, to anyone.
    const archive = await api(app, "/api/newsletter/archive");
    expect((archive.json as unknown as { id: string }[]).map((i) => i.id)).toContain(id);
    const page = await api(app, `/api/newsletter/archive/${id}`);
    expect(page.json).toMatchObject({ subject: "Tuhannet tilaajat" });
  }, 180_000);

  it("pauses and resumes: nothing is claimed while paused, the rest goes after resume", async () => {
    const created = await call("POST", "/issues", { subject: "Tauko", introduction: "Tauon jälkeen.", locale: "fi" });
    const id = String(created.json.id);
    const audience = (
      await app.database.db
        .select({ id: newsletterSubscribers.id })
        .from(newsletterSubscribers)
        .where(and(eq(newsletterSubscribers.status, "confirmed"), eq(newsletterSubscribers.locale, "fi")))
    ).length;
    await call("POST", `/issues/${id}/send`);
    const paused = await call("POST", `/issues/${id}/pause`);
    expect(paused.status).toBe(200);
    // The batch in hand finishes (no row left "sending"); then nothing moves.
    const inHand = async () =>
      (
        await app.database.db
          .select({ id: newsletterDeliveries.id })
          .from(newsletterDeliveries)
          .where(and(eq(newsletterDeliveries.issueId, id), eq(newsletterDeliveries.state, "sending")))
      ).length;
    const deadline = Date.now() + 30_000;
    while ((await inHand()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const settled = await progress(id);
    await new Promise((r) => setTimeout(r, 2000));
    const second = await progress(id);
    expect(second).toEqual(settled);
    expect(second.status).toBe("paused");
    expect(second.left).toBeGreaterThan(0);
    expect((await call("POST", `/issues/${id}/pause`)).status).toBe(400);
    expect((await call("POST", `/issues/${id}/resume`)).status).toBe(200);
    const done = await waitFor(id, (p) => p.status === "sent");
    expect(done.left).toBe(0);
    // Every confirmed Finnish subscriber (a bounced address is no longer one).
    expect(done.total).toBe(audience);
    const received = smtp.inbox.filter((m) => m.subject === "Tauko").map((m) => m.to);
    expect(new Set(received).size).toBe(received.length);
    expect(received).toHaveLength(audience);
    const states = await app.database.db
      .select({ state: newsletterDeliveries.state })
      .from(newsletterDeliveries)
      .where(eq(newsletterDeliveries.issueId, id));
    expect(states.every((s) => s.state === "sent")).toBe(true);
  }, 180_000);
});

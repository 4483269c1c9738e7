import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { auditEvents } from "../audit/schema.ts";
import { hashToken } from "./keys.ts";
import { newsletterSubscribers, newsletterSuppressions } from "./schema.ts";

const tokenIn = (text: string, page: "confirm" | "unsubscribe") =>
  new RegExp(`/newsletter/${page}\\?token=([\\w.%-]+)`).exec(text)?.[1] ?? "";

describe("newsletter subscribers: double opt-in, consent, unsubscribe", () => {
  let app: TestApp;
  let adminCookie: string;
  const subscribe = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    api(app, "/api/newsletter/subscriptions", { method: "POST", body, headers });
  const rowOf = async (email: string) =>
    (await app.database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0];

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await createPerson(app.database, "admin");
    adminCookie = await signIn(app, admin.email, admin.password);
  });
  afterAll(() => app.close());

  it("sends a confirmation mail with a single-use link, records the consent, confirms once", async () => {
    const answer = await subscribe(
      { email: "Tilaaja.Yksi@Example.test", locale: "sv", topics: ["sote", "Kasvupalvelut"], consent: true },
      { "accept-language": "fi" },
    );
    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ accepted: true });
    const mail = await app.smtp.waitFor("tilaaja.yksi@example.test", 15_000);
    expect(mail.subject).toBe("Bekräfta prenumerationen på nyhetsbrevet");
    expect(mail.headers["list-unsubscribe"]?.replace(/\s+/g, " ")).toMatch(
      // No MAIL_UNSUBSCRIBE_ADDRESS here, so no mailto (unsubscribe-mail.test.ts has one).
      /^<http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\?token=[^>]+>$/,
    );
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const token = decodeURIComponent(tokenIn(mail.text, "confirm"));
    expect(token.length).toBeGreaterThan(20);
    expect(mail.html).toContain(`confirm?token=${encodeURIComponent(token)}`);

    const row = await rowOf("tilaaja.yksi@example.test");
    expect(row).toMatchObject({
      status: "pending",
      locale: "sv",
      topics: ["sote", "kasvupalvelut"],
      consentLocale: "fi",
    });
    // Only the token's hash is stored; the consent text is what the page showed (in Finnish here).
    expect(row?.confirmTokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.consentText).toContain("Tilaan uutiskirjeen");
    // The audit row names the subscriber only by a keyed hash, never the address.
    const audited = await expectAudited(app.database.db, {
      module: "newsletter",
      action: "subscriber.subscribe",
      targetId: row?.id ?? "",
      actorId: null,
    });
    expect(audited.actorParticipant).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(audited)).not.toContain("tilaaja");

    const confirmed = await api(app, "/api/newsletter/confirmations", { method: "POST", body: { token } });
    expect(confirmed.status).toBe(200);
    expect((await rowOf("tilaaja.yksi@example.test"))?.status).toBe("confirmed");
    const again = await api(app, "/api/newsletter/confirmations", { method: "POST", body: { token } });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(JSON.stringify(again.json)).toContain("token");
  });

  it("refuses an invalid or overlong address with a translated message naming the field, storing nothing", async () => {
    for (const [email, message] of [
      ["ei-osoite", "Anna kelvollinen sähköpostiosoite."],
      [`${"a".repeat(250)}@example.test`, "Sähköpostiosoite saa olla enintään 254 merkkiä."],
    ] as const) {
      const refused = await subscribe({ email, locale: "fi", consent: true }, { "accept-language": "fi" });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "email", message }] });
    }
    const english = await subscribe({ email: "nope", locale: "fi", consent: true }, { "accept-language": "en" });
    expect(english.json).toMatchObject({ issues: [{ path: "email", message: "Enter a valid e-mail address." }] });
    const noConsent = await subscribe({ email: "ok@example.test", locale: "fi" }, { "accept-language": "en" });
    expect(noConsent.json).toMatchObject({ issues: [{ path: "consent" }] });
    expect(await rowOf("ok@example.test")).toBeUndefined();
  });

  it("answers the same to a second subscription and sends no second confirmation within the limit", async () => {
    const email = "kahdesti@example.test";
    const first = await subscribe({ email, locale: "fi", consent: true });
    await app.smtp.waitFor(email, 15_000);
    const second = await subscribe({ email, locale: "en", consent: true });
    const confirmedOne = await subscribe({ email: "tilaaja.yksi@example.test", locale: "fi", consent: true });
    expect([first.status, second.status, confirmedOne.status]).toEqual([202, 202, 202]);
    expect(second.text).toBe(first.text);
    expect(confirmedOne.text).toBe(first.text);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.smtp.inbox.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(app.smtp.inbox.filter((m) => m.to.includes("tilaaja.yksi@example.test"))).toHaveLength(1);
    // Nothing changed by the repeat, not even the language.
    expect((await rowOf(email))?.locale).toBe("fi");
  });

  it("refuses an expired or forged confirmation link", async () => {
    const email = "vanha@example.test";
    await subscribe({ email, locale: "fi", consent: true });
    const token = decodeURIComponent(tokenIn((await app.smtp.waitFor(email, 15_000)).text, "confirm"));
    await app.database.db
      .update(newsletterSubscribers)
      .set({ confirmExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(newsletterSubscribers.email, email));
    const expired = await api(app, "/api/newsletter/confirmations", { method: "POST", body: { token } });
    expect(expired.status).toBe(400);
    const forged = await api(app, "/api/newsletter/confirmations", {
      method: "POST",
      body: { token: "x".repeat(32) },
      headers: { "accept-language": "sv" },
    });
    expect(forged.json).toMatchObject({
      issues: [{ path: "token", message: "Länken är ogiltig, har gått ut eller har redan använts." }],
    });
    expect((await rowOf(email))?.status).toBe("pending");
  });

  it("unsubscribes from the mail's link: the address deleted, only its keyed hash kept; a forged link refused", async () => {
    const email = "tilaaja.yksi@example.test";
    const mail = app.smtp.inbox.find((m) => m.to.includes(email));
    const token = decodeURIComponent(tokenIn(mail?.headers["list-unsubscribe"] ?? "", "unsubscribe"));
    const row = await rowOf(email);
    const [id] = token.split(".");
    const forged = await api(app, "/api/newsletter/unsubscriptions", {
      method: "POST",
      body: { token: `${id}.${"A".repeat(32)}` },
    });
    expect(forged.status).toBe(400);
    expect(await rowOf(email)).toBeDefined();

    const done = await api(app, "/api/newsletter/unsubscriptions", { method: "POST", body: { token } });
    expect(done.status).toBe(200);
    expect(await rowOf(email)).toBeUndefined();
    const kept = await app.database.db.select().from(newsletterSuppressions);
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain("tilaaja");
    const audited = await expectAudited(app.database.db, {
      module: "newsletter",
      action: "subscriber.unsubscribe",
      targetId: row?.id ?? "",
    });
    expect(audited.actorParticipant).toBe(kept[0]?.addressHash);
    // A second click: the same answer, nothing more.
    expect((await api(app, "/api/newsletter/unsubscriptions", { method: "POST", body: { token } })).status).toBe(200);
    const rows = await app.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "subscriber.unsubscribe"));
    expect(rows).toHaveLength(1);
  });

  it("lists every newsletter route in the OpenAPI document", async () => {
    const doc = await api(app, "/api/openapi.json");
    const paths = Object.keys((doc.json as unknown as { paths: Record<string, unknown> }).paths).filter((p) =>
      p.startsWith("/api/newsletter"),
    );
    expect(paths.sort()).toEqual(
      [
        "/api/newsletter/archive",
        "/api/newsletter/archive/{id}",
        "/api/newsletter/confirmations",
        "/api/newsletter/issues",
        "/api/newsletter/issues/{id}",
        "/api/newsletter/issues/{id}/pause",
        "/api/newsletter/issues/{id}/preview",
        "/api/newsletter/issues/{id}/progress",
        "/api/newsletter/issues/{id}/resume",
        "/api/newsletter/issues/{id}/send",
        "/api/newsletter/subscribers",
        "/api/newsletter/subscribers/erase",
        "/api/newsletter/subscribers/export",
        "/api/newsletter/subscriptions",
        "/api/newsletter/unsubscriptions",
      ].sort(),
    );
  });

  it("lets an admin export and erase one subscriber's data; others are refused", async () => {
    const email = "kahdesti@example.test";
    const exported = await api(app, "/api/newsletter/subscribers/export", {
      method: "POST",
      cookie: adminCookie,
      body: { email },
    });
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({
      subscriber: { email, status: "pending", consent: { locale: "fi" } },
      deliveries: [],
    });
    const anonymous = await api(app, "/api/newsletter/subscribers/export", { method: "POST", body: { email } });
    expect(anonymous.status).toBe(401);
    const erased = await api(app, "/api/newsletter/subscribers/erase", {
      method: "POST",
      cookie: adminCookie,
      body: { email },
    });
    expect(erased.status).toBe(204);
    expect(await rowOf(email)).toBeUndefined();
    const list = await api(app, "/api/newsletter/subscribers", { cookie: adminCookie });
    expect((list.json.items as unknown as { email: string }[]).map((s) => s.email)).not.toContain(email);
  });
});

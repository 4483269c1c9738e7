import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { createWritePath, defineAuditActions } from "../../core/write.ts";
import { auditEvents } from "../audit/schema.ts";
import { accounts, invitations, users } from "./schema.ts";

describe("accounts over HTTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("signs in with e-mail and password into an HttpOnly, SameSite=Lax session cookie, and out again", async () => {
    const person = await createPerson(app.database, "staff");
    const response = await fetch(`${app.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("uudistamo.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const session = cookie?.split(";")[0] ?? "";
    const me = await api(app, "/api/me", { cookie: session });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email: person.email, role: "staff" });

    const out = await api(app, "/api/auth/sign-out", { method: "POST", cookie: session, body: {} });
    expect(out.status).toBe(200);
    expect((await api(app, "/api/me", { cookie: session })).status).toBe(401);
  });

  it("stores passwords as argon2id hashes", async () => {
    const person = await createPerson(app.database, "member");
    const cookie = await signIn(app, person.email, person.password);
    expect(cookie).toContain("uudistamo.session_token=");
    const rows = await app.database.db.select().from(accounts).where(eq(accounts.userId, person.id));
    expect(rows[0]?.password).toMatch(/^\$argon2id\$/);
  });

  it("refuses a wrong password with a translated error and no session", async () => {
    const person = await createPerson(app.database, "member");
    const response = await fetch(`${app.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email: person.email, password: "wrong-password" }),
    });
    expect(response.status).toBe(401);
    expect(
      response.headers.getSetCookie().some((c) => c.startsWith("uudistamo.session_token=") && !c.includes("Max-Age=0")),
    ).toBe(false);
  });

  it("rate-limits repeated sign-in attempts from one address, whatever address header the client sends", async () => {
    const limited = await startTestApp({ env: { SIGNIN_RATE_LIMIT: "10" } });
    try {
      const person = await createPerson(limited.database, "member");
      const attempt = (password: string, headers: Record<string, string> = {}) =>
        fetch(`${limited.url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: limited.url, ...headers },
          body: JSON.stringify({ email: person.email, password }),
        }).then((r) => r.status);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push(await attempt(`guess-${i}`));
      expect(statuses).toEqual(Array(10).fill(401));
      expect(await attempt(person.password)).toBe(429);
      // The header better-auth keys on is set by our server from the socket; a client's own value is replaced.
      expect(
        await attempt(person.password, { "x-uudistamo-client-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.9" }),
      ).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("resets a forgotten password through an e-mailed link", async () => {
    const other = await startTestApp();
    try {
      const person = await createPerson(other.database, "member");
      const requested = await api(other, "/api/auth/request-password-reset", {
        method: "POST",
        body: { email: person.email, redirectTo: "/reset-password" },
      });
      expect(requested.status).toBe(200);
      const mail = await other.smtp.waitFor(person.email);
      expect(mail.subject).toContain("salasana");
      const token = mail.text.match(/reset-password\?token=([\w-]+)/)?.[1];
      expect(token).toBeTruthy();

      const reset = await api(other, "/api/auth/reset-password", {
        method: "POST",
        body: { token, newPassword: "a-brand-new-password" },
      });
      expect(reset.status).toBe(200);
      await expect(signIn(other, person.email, person.password)).rejects.toThrow(/401/);
      expect(await signIn(other, person.email, "a-brand-new-password")).toContain("session_token");
      const audit = await other.database.db.select().from(auditEvents).where(eq(auditEvents.action, "password.reset"));
      expect(audit).toHaveLength(1);
      await expectAudited(other.database.db, {
        module: "accounts",
        action: "password.reset",
        targetId: person.id,
        actorId: person.id,
      });
    } finally {
      await other.close();
    }
  });

  it("lets an admin invite a person by e-mail, who then sets a password and signs in", async () => {
    const admin = await createPerson(app.database, "admin", { name: "Aila Admin" });
    const cookie = await signIn(app, admin.email, admin.password);
    const invited = await api(app, "/api/invitations", {
      method: "POST",
      cookie,
      body: { email: "Uusi.Jasen@Example.test", name: "Uusi Jäsen", role: "member", locale: "sv" },
    });
    expect(invited.status).toBe(201);
    const mail = await app.smtp.waitFor("uusi.jasen@example.test");
    expect(mail.subject).toBe("Inbjudan till Uudistamo");
    expect(mail.text).toContain("Aila Admin");
    const token = mail.text.match(/invitation\?token=([\w-]+)/)?.[1] ?? "";

    const preview = await app.platform.services.invitations.preview(token);
    expect(preview).toMatchObject({ name: "Uusi Jäsen", email: "uusi.jasen@example.test", inviterName: "Aila Admin" });
    await app.platform.services.invitations.accept(
      { actor: null, locale: "fi" },
      { token, password: "jasenen-salasana" },
    );
    await expect(
      app.platform.services.invitations.accept({ actor: null, locale: "fi" }, { token, password: "jasenen-salasana" }),
    ).rejects.toMatchObject({ code: "LINK_EXPIRED" });

    const [created] = await app.database.db.select().from(users).where(eq(users.email, "uusi.jasen@example.test"));
    expect(created).toMatchObject({ name: "Uusi Jäsen", role: "member", locale: "sv" });
    await expectAudited(app.database.db, {
      module: "accounts",
      action: "invitation.create",
      targetId: String(invited.json.id),
      actorId: admin.id,
      details: { email: "uusi.jasen@example.test", role: "member" },
    });
    await expectAudited(app.database.db, {
      module: "accounts",
      action: "invitation.accept",
      targetId: created?.id ?? "",
      actorId: created?.id ?? "",
      details: { invitationId: String(invited.json.id) },
    });
  });

  it("does not let a member invite anyone, and changes nothing", async () => {
    const member = await createPerson(app.database, "member");
    const cookie = await signIn(app, member.email, member.password);
    const before = await app.database.db.select().from(auditEvents);
    const response = await api(app, "/api/invitations", {
      method: "POST",
      cookie,
      body: { email: "x@example.test", name: "X", role: "admin" },
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ code: "FORBIDDEN" });
    expect(await app.database.db.select().from(auditEvents)).toHaveLength(before.length);
  });

  it("has no public sign-up", async () => {
    const response = await api(app, "/api/auth/sign-up/email", {
      method: "POST",
      body: { email: "self@example.test", password: "selfselfself", name: "Self" },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const rows = await app.database.db.select().from(users).where(eq(users.email, "self@example.test"));
    expect(rows).toHaveLength(0);
  });

  it("queues the invitation's mail in the invitation's transaction: a write rolled back sends nothing", async () => {
    const admin = await createPerson(app.database, "admin");
    const caller = {
      actor: { id: admin.id, name: admin.name, email: admin.email, role: "admin" as const },
      locale: "en" as const,
    };
    const outer = createWritePath(app.database.db, () => {})(defineAuditActions("test", ["outer.write"]));
    await expect(
      outer({
        caller,
        allow: () => {},
        run: async ({ unit }) => {
          await app.platform.services.invitations.invite(
            caller,
            { email: "rolled-back@example.test", name: "Rolled Back", role: "member" },
            { within: unit },
          );
          throw new Error("the surrounding write fails after the invitation and its mail were written");
        },
      }),
    ).rejects.toThrow(/surrounding write fails/);
    expect(
      await app.database.db.select().from(invitations).where(eq(invitations.email, "rolled-back@example.test")),
    ).toEqual([]);

    // A later invitation's mail arrives; the rolled-back one's never does.
    const { link } = await app.platform.services.invitations.invite(caller, {
      email: "queued@example.test",
      name: "Queued",
      role: "staff",
    });
    expect((await app.smtp.waitFor("queued@example.test")).text).toContain(link);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(app.smtp.inbox.filter((m) => m.to.includes("rolled-back@example.test"))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe } from "vitest";
import { expectPolicyDecides, type Who } from "../../../test/support/policy-matrix.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { accountsPolicy } from "./policy.ts";

/** Every accounts action, made through the real services and HTTP endpoints as each kind of visitor. */
describe("accounts policy", () => {
  let app: TestApp;
  const callers = {} as Record<Who, Caller>;
  const cookies = {} as Record<Who, string | undefined>;
  const as = (who: Who) => callers[who];
  const services = () => app.platform.services;
  const unique = () => crypto.randomUUID().slice(0, 8);

  beforeAll(async () => {
    app = await startTestApp();
    callers.anonymous = { actor: null, locale: "fi" };
    for (const role of ["member", "staff", "admin"] as const) {
      const p = await createPerson(app.database, role);
      callers[role] = { actor: { id: p.id, name: p.name, email: p.email, role }, locale: "fi" };
      cookies[role] = await signIn(app, p.email, p.password);
    }
  });
  afterAll(() => app.close());

  /** An invitation's token, as the e-mailed link carries it. */
  async function invitationToken() {
    const { link } = await services().invitations.invite(callers.admin, {
      email: `invitee-${unique()}@example.test`,
      name: "Kutsuttu",
      role: "member",
    });
    return new URL(link).searchParams.get("token") ?? "";
  }

  /** A reset token for a fresh person, from the e-mail better-auth sends. */
  async function resetToken() {
    const person = await createPerson(app.database, "member");
    await app.platform.auth.api.requestPasswordReset({
      body: { email: person.email, redirectTo: "/reset-password" },
    });
    const mail = await app.smtp.waitFor(person.email);
    return mail.text.match(/reset-password\?token=([\w-]+)/)?.[1] ?? "";
  }

  expectPolicyDecides(
    accountsPolicy,
    {
      invitePerson: ["admin"],
      listInvitations: ["admin"],
      acceptInvitation: ["anonymous", "member", "staff", "admin"],
      resetPassword: ["anonymous", "member", "staff", "admin"],
      readOwnAccount: ["member", "staff", "admin"],
    },
    {
      invitePerson: {
        invite: (who) =>
          services().invitations.invite(as(who), {
            email: `new-${unique()}@example.test`,
            name: "Uusi",
            role: "member",
          }),
        "POST /api/invitations": (who) =>
          api(app, "/api/invitations", {
            method: "POST",
            cookie: cookies[who],
            body: { email: `api-${unique()}@example.test`, name: "Uusi", role: "member" },
          }),
      },
      listInvitations: {
        listPending: (who) => services().invitations.listPending(as(who)),
        "GET /api/invitations": (who) => api(app, "/api/invitations", { cookie: cookies[who] }),
      },
      acceptInvitation: {
        accept: async (who) =>
          services().invitations.accept(as(who), { token: await invitationToken(), password: "a-new-password-1" }),
      },
      resetPassword: {
        "POST /api/auth/reset-password": async (who) =>
          api(app, "/api/auth/reset-password", {
            method: "POST",
            cookie: cookies[who],
            body: { token: await resetToken(), newPassword: "a-new-password-2" },
          }),
      },
      readOwnAccount: {
        me: async (who) => services().sessions.me(as(who)),
        "GET /api/me": (who) => api(app, "/api/me", { cookie: cookies[who] }),
      },
    },
  );
});

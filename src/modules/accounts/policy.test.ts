import { describe } from "vitest";
import { expectPolicyDecides, type Who } from "../../../test/support/policy-matrix.ts";
import { useAppAsEachRole } from "../../../test/support/role-visitors.ts";
import { api, createPerson } from "../../../test/support/server.ts";
import { accountsPolicy } from "./policy.ts";

/** Every accounts action, made through the real services and HTTP endpoints as each kind of visitor. */
describe("accounts policy", () => {
  const visitors = useAppAsEachRole();
  const { callers, cookies } = visitors;
  const as = (who: Who) => callers[who];
  const services = () => visitors.app.platform.services;
  const unique = () => crypto.randomUUID().slice(0, 8);

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
    const person = await createPerson(visitors.app.database, "member");
    await visitors.app.platform.auth.api.requestPasswordReset({
      body: { email: person.email, redirectTo: "/reset-password" },
    });
    const mail = await visitors.app.smtp.waitFor(person.email);
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
          api(visitors.app, "/api/invitations", {
            method: "POST",
            cookie: cookies[who],
            body: { email: `api-${unique()}@example.test`, name: "Uusi", role: "member" },
          }),
      },
      listInvitations: {
        listPending: (who) => services().invitations.listPending(as(who)),
        "GET /api/invitations": (who) => api(visitors.app, "/api/invitations", { cookie: cookies[who] }),
      },
      acceptInvitation: {
        accept: async (who) =>
          services().invitations.accept(as(who), { token: await invitationToken(), password: "a-new-password-1" }),
      },
      resetPassword: {
        "POST /api/auth/reset-password": async (who) =>
          api(visitors.app, "/api/auth/reset-password", {
            method: "POST",
            cookie: cookies[who],
            body: { token: await resetToken(), newPassword: "a-new-password-2" },
          }),
      },
      readOwnAccount: {
        me: async (who) => services().sessions.me(as(who)),
        "GET /api/me": (who) => api(visitors.app, "/api/me", { cookie: cookies[who] }),
      },
    },
  );
});

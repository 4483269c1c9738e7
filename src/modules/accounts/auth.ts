import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Config } from "../../config/env.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { defaultLocale, isLocale } from "../../i18n/locale.ts";
import type { MailOutbox } from "../../mail/outbox.ts";
import { passwordResetMail, renderMail } from "../../mail/templates.ts";
import { accountsAudit } from "./audit.ts";
import { type Role, roles } from "./constants.ts";
import { hashPassword, passwordLength, verifyPassword } from "./password.ts";
import { accountsPolicy } from "./policy.ts";
import { accounts, rateLimits, sessions, users, verifications } from "./schema.ts";

/** Set by our HTTP layer from the socket address, replacing anything a client sent. */
export const clientIpHeader = "x-uudistamo-client-ip";
export const sessionCookiePrefix = "uudistamo";

export interface AuthDeps {
  db: Db;
  config: Config;
  /** Reset links go out through the job queue: the request does not wait for (or fail with) SMTP. */
  outbox: MailOutbox;
  /** The platform's write path; by default one of its own. */
  writes?: WritePath;
}

export function createAuth({ db, config, outbox, writes = createWritePath(db) }: AuthDeps) {
  const write = writes(accountsAudit);
  return betterAuth({
    appName: "Uudistamo",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret: config.sessionSecret,
    trustedOrigins: [config.publicUrl],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "member" },
        title: { type: "string", required: false, input: false },
        organisationId: { type: "string", required: false, input: false },
        locale: { type: "string", input: false, defaultValue: "fi" },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    emailAndPassword: {
      enabled: true,
      // People join by an admin's invitation, never by signing themselves up.
      disableSignUp: true,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const saved = (user as { locale?: unknown }).locale;
        const locale = isLocale(saved) ? saved : defaultLocale;
        const link = `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await outbox.send({ to: user.email, ...renderMail(passwordResetMail, locale, { name: user.name, link }) });
      },
      // better-auth consumes the token, drops the sessions and changes the password, then calls this.
      // Its unit of work is its own adapter's (not a Drizzle transaction we could join, and with the
      // adapter's `transaction` option off not even one transaction), so the audit row is written right
      // here, through the write path, in a transaction of its own: after the change, never without it.
      // The token was the proof, so the person is the actor.
      onPasswordReset: async ({ user }) => {
        const { locale, role } = user as { locale?: unknown; role?: unknown };
        const actor = {
          id: user.id,
          name: user.name,
          email: user.email,
          role: roles.includes(role as Role) ? (role as Role) : "member",
        };
        await write({
          caller: { actor, locale: isLocale(locale) ? locale : defaultLocale },
          allow: () => authorize(accountsPolicy, "resetPassword", null),
          run: ({ audit }) => audit("password.reset", { type: "person", id: user.id }),
        });
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: config.signInRateLimit },
        "/request-password-reset": { window: 60 * 15, max: 3 },
        "/reset-password": { window: 60, max: 5 },
      },
    },
    advanced: {
      cookiePrefix: sessionCookiePrefix,
      useSecureCookies: config.publicUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      database: { generateId: () => crypto.randomUUID() },
    },
    logger: { disabled: config.logLevel === "silent", level: config.logLevel === "silent" ? "error" : config.logLevel },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Config } from "../../config/env.ts";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { translate } from "../../i18n/translate.ts";
import type { MailOutbox } from "../../mail/outbox.ts";
import { invitationMail, renderMail } from "../../mail/templates.ts";
import { organisations } from "../people/schema.ts";
import { accountsAudit } from "./audit.ts";
import { insertPasswordLogin } from "./credentials.ts";
import { type AcceptInvitationInput, acceptInvitationInput, type InvitationInput, invitationInput } from "./inputs.ts";
import { hashPassword } from "./password.ts";
import { accountsPolicy } from "./policy.ts";
import { invitations, users } from "./schema.ts";

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface PendingInvitation {
  id: string;
  email: string;
  name: string;
  role: (typeof invitations.$inferSelect)["role"];
  organisationName: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export function createInvitationService({
  db,
  outbox,
  config,
  writes = createWritePath(db),
}: {
  db: Db;
  outbox: MailOutbox;
  config: Config;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(accountsAudit);
  const emailTaken = (caller: Caller) =>
    new AppError("CONFLICT", [{ path: "email", message: translate(caller.locale, "errors.emailTaken") }]);

  async function hasAccount(tx: Tx, address: string) {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, address));
    return Boolean(row);
  }

  /** The invitation a still-valid token points at, or LINK_EXPIRED. */
  async function findOpen(token: string) {
    const [row] = await db
      .select({ invitation: invitations, inviterName: users.name })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      );
    if (!row) throw new AppError("LINK_EXPIRED");
    return row;
  }

  return {
    /**
     * Creates the invitation and queues the e-mail with its link (in the invitee's language) in
     * the same transaction: the mail exists exactly when the invitation does, and an SMTP outage
     * delays it instead of failing the request. Returns the link for the caller's records.
     */
    async invite(
      caller: Caller,
      input: InvitationInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<{ id: string; link: string }> {
      return write({
        caller,
        allow: () => authorize(accountsPolicy, "invitePerson", caller.actor),
        input: { schema: invitationInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          if (await hasAccount(tx, data.email)) throw emailTaken(caller);
          const token = randomBytes(32).toString("base64url");
          const link = `${config.publicUrl}/invitation?token=${encodeURIComponent(token)}`;
          const [row] = await tx
            .insert(invitations)
            .values({
              ...data,
              tokenHash: hashToken(token),
              invitedBy: caller.actor?.id ?? null,
              expiresAt: new Date(Date.now() + invitationLifetimeMs),
            })
            .returning({ id: invitations.id });
          if (!row) throw new AppError("INTERNAL");
          await audit("invitation.create", { type: "invitation", id: row.id }, { email: data.email, role: data.role });
          const mail = renderMail(invitationMail, data.locale, {
            name: data.name,
            inviter: caller.actor?.name ?? "Uudistamo",
            link,
          });
          // The mail job is written in this transaction: it exists exactly when the invitation does.
          await outbox.send({ to: data.email, ...mail }, { tx });
          return { id: row.id, link };
        },
      });
    },

    async listPending(caller: Caller): Promise<PendingInvitation[]> {
      authorize(accountsPolicy, "listInvitations", caller.actor);
      return db
        .select({
          id: invitations.id,
          email: invitations.email,
          name: invitations.name,
          role: invitations.role,
          organisationName: organisations.name,
          createdAt: invitations.createdAt,
          expiresAt: invitations.expiresAt,
        })
        .from(invitations)
        .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
        .where(and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
        .orderBy(asc(invitations.createdAt));
    },

    /** What the invitation page shows before the invitee sets a password. */
    async preview(token: string): Promise<{ name: string; email: string; inviterName: string }> {
      const { invitation, inviterName } = await findOpen(token);
      return { name: invitation.name, email: invitation.email, inviterName: inviterName ?? "Uudistamo" };
    },

    /**
     * Creates the account with the chosen password; the invitation can be used once. The
     * audit row names the new account as its actor: the token proved who is accepting.
     */
    async accept(caller: Caller, input: AcceptInvitationInput | unknown): Promise<{ email: string }> {
      const userId = crypto.randomUUID();
      const newcomer = { ...caller, actor: { id: userId, name: "", email: "", role: "member" as const } };
      return write({
        caller: newcomer,
        allow: () => authorize(accountsPolicy, "acceptInvitation", caller.actor),
        input: { schema: acceptInvitationInput, value: input },
        run: async ({ tx, data, audit }) => {
          const passwordHash = await hashPassword(data.password);
          const [row] = await tx
            .update(invitations)
            .set({ acceptedAt: new Date() })
            .where(
              and(
                eq(invitations.tokenHash, hashToken(data.token)),
                isNull(invitations.acceptedAt),
                gt(invitations.expiresAt, new Date()),
              ),
            )
            .returning();
          if (!row) throw new AppError("LINK_EXPIRED");
          if (await hasAccount(tx, row.email)) throw emailTaken(caller);
          await tx.insert(users).values({
            id: userId,
            name: row.name,
            email: row.email,
            emailVerified: true,
            role: row.role,
            title: row.title,
            organisationId: row.organisationId,
            locale: row.locale,
          });
          await insertPasswordLogin(tx, userId, passwordHash);
          await audit("invitation.accept", { type: "person", id: userId }, { invitationId: row.id });
          return { email: row.email };
        },
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;

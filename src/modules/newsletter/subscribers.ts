import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { newsletterAudit } from "./audit.ts";
import type { ConfirmationMail } from "./confirmation-mail.ts";
import { confirmHours, resendMinutes } from "./constants.ts";
import { subscribeInput, subscriberLookup, tokenInput } from "./inputs.ts";
import { hashToken, type NewsletterKeys, newConfirmToken } from "./keys.ts";
import { confirmationMail } from "./mail.ts";
import { newsletterPolicy } from "./policy.ts";
import { newsletterDeliveries, newsletterIssues, newsletterSubscribers, newsletterSuppressions } from "./schema.ts";

export type SubscriberRow = typeof newsletterSubscribers.$inferSelect;

export const subscribersPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
const subscriberPages = keyset({
  list: "newsletter-subscribers",
  key: newsletterSubscribers.createdAt,
  keyType: "timestamp",
  id: newsletterSubscribers.id,
  idType: "uuid",
  order: "desc",
});

const invalidLink = (locale: Locale) =>
  new AppError("VALIDATION_FAILED", [{ path: "token", message: translate(locale, "newsletter.token.invalid") }]);

/**
 * Where a subscriber's links point: the pages at /newsletter/confirm and /newsletter/unsubscribe, and, when the
 * workspace has an unsubscribe address (MAIL_UNSUBSCRIBE_ADDRESS, read by inbound.ts), a mailto to it with the
 * token in the subject; without one the mail carries only the URL (RFC 8058 needs no more).
 */
export function newsletterLinks(publicUrl: string, unsubscribeAddress: string | null, keys: NewsletterKeys) {
  return {
    confirm: (token: string) => `${publicUrl}/newsletter/confirm?token=${encodeURIComponent(token)}`,
    unsubscribe(subscriberId: string) {
      const token = keys.unsubscribeToken(subscriberId);
      return {
        url: `${publicUrl}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`,
        // The token in the subject, where inbound.ts looks for it.
        mailto: unsubscribeAddress
          ? `mailto:${unsubscribeAddress}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`
          : null,
      };
    },
  };
}

/**
 * Subscribers with double opt-in. An address gets a confirmation mail and nothing else until its link is opened;
 * the consent is recorded as given (time, the text shown, its language). Subscribing an address again answers the
 * same whatever its state, and sends a new confirmation only to an unconfirmed address whose last one is older
 * than the limit. Unsubscribing deletes the address and keeps only its keyed hash.
 */
export function createSubscriberService({
  db,
  writes = createWritePath(db),
  confirmations,
  keys,
  publicUrl,
  unsubscribeAddress,
  now = () => new Date(),
}: {
  db: Db;
  writes?: WritePath;
  /** Queues the double opt-in mail (its own job, so a hard bounce marks the subscriber). */
  confirmations: Pick<ConfirmationMail, "queue">;
  keys: NewsletterKeys;
  publicUrl: string;
  /** The address of unsubscribe by mail, or null for none. */
  unsubscribeAddress: string | null;
  now?: () => Date;
}) {
  const write = writes(newsletterAudit);
  const links = newsletterLinks(publicUrl, unsubscribeAddress, keys);
  /** Whoever subscribes, confirms or unsubscribes is named in the audit log by the keyed hash of the address. */
  const asSubscriber = (caller: Caller, email: string) => ({ ...caller, participantHash: keys.addressHash(email) });

  async function byEmail(email: string) {
    const [row] = await db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email));
    return row;
  }

  return {
    /** Same answer whatever the address's state (no way to learn whether someone subscribes). */
    async subscribe(caller: Caller, input: unknown): Promise<{ accepted: true }> {
      authorize(newsletterPolicy, "subscribe", caller.actor);
      const data = parseInput(subscribeInput, input, caller.locale);
      const at = now();
      const consent = {
        consentAt: at,
        consentText: translate(caller.locale, "newsletter.consent.text"),
        consentLocale: caller.locale,
      };
      await write({
        caller: asSubscriber(caller, data.email),
        allow: () => undefined,
        run: async ({ tx, audit, unchanged }) => {
          const [existing] = await tx
            .select()
            .from(newsletterSubscribers)
            .where(eq(newsletterSubscribers.email, data.email))
            .for("update");
          // Confirmed (or bounced) stays as it is: a stranger cannot change someone's topics or language.
          if (existing && existing.status !== "pending") return unchanged();
          if (existing?.confirmSentAt && at.getTime() - existing.confirmSentAt.getTime() < resendMinutes * 60_000)
            return unchanged();
          const { token, hash } = newConfirmToken();
          const link = {
            confirmTokenHash: hash,
            confirmExpiresAt: new Date(at.getTime() + confirmHours * 3_600_000),
            confirmSentAt: at,
          };
          const [row] = existing
            ? await tx
                .update(newsletterSubscribers)
                .set({ locale: data.locale, topics: data.topics, ...consent, ...link })
                .where(eq(newsletterSubscribers.id, existing.id))
                .returning()
            : await tx
                .insert(newsletterSubscribers)
                .values({ email: data.email, locale: data.locale, topics: data.topics, ...consent, ...link })
                // The same new address at the same moment on another instance: that one sends the confirmation.
                .onConflictDoNothing({ target: newsletterSubscribers.email })
                .returning();
          if (!row) return unchanged();
          const mail = confirmationMail(data.locale, links.confirm(token), links.unsubscribe(row.id));
          await confirmations.queue({ to: data.email, ...mail }, row.id, { tx });
          await audit(
            "subscriber.subscribe",
            { type: "newsletter_subscriber", id: row.id },
            { locale: data.locale, topics: data.topics, again: Boolean(existing) },
          );
        },
      });
      return { accepted: true };
    },

    /** Opens a confirmation link: once, before it expires. */
    async confirm(caller: Caller, input: unknown): Promise<{ done: true }> {
      authorize(newsletterPolicy, "subscribe", caller.actor);
      const { token } = parseInput(tokenInput, input, caller.locale);
      const [row] = await db
        .select()
        .from(newsletterSubscribers)
        .where(eq(newsletterSubscribers.confirmTokenHash, hashToken(token)));
      if (row?.status !== "pending" || !row.confirmExpiresAt || row.confirmExpiresAt <= now())
        throw invalidLink(caller.locale);
      await write({
        caller: asSubscriber(caller, row.email),
        allow: () => undefined,
        run: async ({ tx, audit }) => {
          const [updated] = await tx
            .update(newsletterSubscribers)
            .set({ status: "confirmed", confirmedAt: now(), confirmTokenHash: null, confirmExpiresAt: null })
            .where(and(eq(newsletterSubscribers.id, row.id), eq(newsletterSubscribers.status, "pending")))
            .returning({ id: newsletterSubscribers.id });
          // Two clicks at once: the second finds the token used.
          if (!updated) throw invalidLink(caller.locale);
          // Subscribing again after an unsubscribe, with a new consent: the old refusal no longer applies.
          await tx
            .delete(newsletterSuppressions)
            .where(eq(newsletterSuppressions.addressHash, keys.addressHash(row.email)));
          await audit("subscriber.confirm", { type: "newsletter_subscriber", id: row.id });
        },
      });
      return { done: true };
    },

    /** An unsubscribe link (page, one-click POST, API): the address is deleted, its keyed hash kept. */
    async unsubscribe(caller: Caller, input: unknown): Promise<{ done: true }> {
      authorize(newsletterPolicy, "subscribe", caller.actor);
      const { token } = parseInput(tokenInput, input, caller.locale);
      const id = keys.verifyUnsubscribe(token);
      if (!id || !z.uuid().safeParse(id).success) throw invalidLink(caller.locale);
      const [row] = await db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, id));
      // Already gone (a second click, a mail program's retry): the same answer, nothing to do.
      if (!row) return { done: true };
      await write({
        caller: asSubscriber(caller, row.email),
        allow: () => undefined,
        run: async ({ tx, audit }) => {
          await tx
            .insert(newsletterSuppressions)
            .values({ addressHash: keys.addressHash(row.email), reason: "unsubscribed" })
            .onConflictDoNothing();
          await tx.delete(newsletterSubscribers).where(eq(newsletterSubscribers.id, row.id));
          await audit("subscriber.unsubscribe", { type: "newsletter_subscriber", id: row.id });
        },
      });
      return { done: true };
    },

    /** A hard bounce (5xx at RCPT TO): the address gets nothing more. Called by the sender, as the workspace. */
    async markBounced(subscriberId: string, reason: string): Promise<void> {
      await write({
        caller: { actor: null, locale: "fi" },
        allow: () => undefined,
        run: async ({ tx, audit, unchanged }) => {
          const [row] = await tx
            .update(newsletterSubscribers)
            .set({ status: "bounced", bouncedAt: now(), bounceReason: reason.slice(0, 500) })
            .where(eq(newsletterSubscribers.id, subscriberId))
            .returning({ id: newsletterSubscribers.id });
          if (!row) return unchanged();
          await audit("subscriber.bounce", { type: "newsletter_subscriber", id: row.id });
        },
      });
    },

    /** Subscribers, newest first (admins only: these are addresses). */
    async list(caller: Caller, query: unknown = {}): Promise<Page<SubscriberRow>> {
      authorize(newsletterPolicy, "manageSubscribers", caller.actor);
      const q = parseInput(subscribersPageInput, query, caller.locale);
      const cursor = subscriberPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(subscriberPages.columns({ row: newsletterSubscribers }))
        .from(newsletterSubscribers)
        .where(subscriberPages.after(cursor))
        .orderBy(...subscriberPages.orderBy)
        .limit(subscriberPages.fetch(q.limit));
      const page = subscriberPages.page(rows, q.limit);
      return { items: page.items.map((r) => r.row), nextCursor: page.nextCursor };
    },

    /** One subscriber's data (the admin answers an access request): the row and every issue sent to them. */
    async exportOne(caller: Caller, input: unknown) {
      authorize(newsletterPolicy, "manageSubscribers", caller.actor);
      const { email } = parseInput(subscriberLookup, input, caller.locale);
      const row = await byEmail(email);
      if (!row) throw new AppError("NOT_FOUND");
      const deliveries = await db
        .select({
          issueId: newsletterDeliveries.issueId,
          subject: newsletterIssues.subject,
          state: newsletterDeliveries.state,
          sentAt: newsletterDeliveries.sentAt,
        })
        .from(newsletterDeliveries)
        .innerJoin(newsletterIssues, eq(newsletterIssues.id, newsletterDeliveries.issueId))
        .where(eq(newsletterDeliveries.subscriberId, row.id))
        .orderBy(newsletterDeliveries.id);
      await write({
        caller,
        allow: () => undefined,
        run: ({ audit }) => audit("subscriber.export", { type: "newsletter_subscriber", id: row.id }),
      });
      return { subscriber: row, deliveries };
    },

    /** Erases one subscriber's data: the row goes, their delivery rows keep no link to them. */
    async eraseOne(caller: Caller, input: unknown): Promise<void> {
      authorize(newsletterPolicy, "manageSubscribers", caller.actor);
      const { email } = parseInput(subscriberLookup, input, caller.locale);
      const row = await byEmail(email);
      if (!row) throw new AppError("NOT_FOUND");
      await write({
        caller,
        allow: () => undefined,
        run: async ({ tx, audit }) => {
          await tx.delete(newsletterSubscribers).where(eq(newsletterSubscribers.id, row.id));
          await audit("subscriber.erase", { type: "newsletter_subscriber", id: row.id });
        },
      });
    },

    /** How many confirmed subscribers an issue of this language and these topics reaches. */
    async audienceSize(locale: Locale): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(newsletterSubscribers)
        .where(and(eq(newsletterSubscribers.status, "confirmed"), eq(newsletterSubscribers.locale, locale)));
      return row?.n ?? 0;
    },
  };
}

export type SubscriberService = ReturnType<typeof createSubscriberService>;

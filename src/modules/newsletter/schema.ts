import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { deliveryStates, issueStatuses, subscriberStatuses } from "./constants.ts";

/*
 * The newsletter's tables. An address is kept only while it is subscribed: an unsubscribed or erased one is
 * deleted, and only its keyed hash stays in newsletter_suppressions, so the unsubscribe is honoured without the
 * address being stored.
 */

export const newsletterSubscriberStatus = pgEnum("newsletter_subscriber_status", subscriberStatuses);
export const newsletterIssueStatus = pgEnum("newsletter_issue_status", issueStatuses);
export const newsletterDeliveryState = pgEnum("newsletter_delivery_state", deliveryStates);

const at = (name: string) => timestamp(name, { withTimezone: true });

export const newsletterSubscribers = pgTable(
  "newsletter_subscribers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-cased. */
    email: text("email").notNull(),
    locale: text("locale").notNull(),
    topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
    status: newsletterSubscriberStatus("status").notNull().default("pending"),
    /** SHA-256 of the confirmation link's token (the token itself is only in the mail). */
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: at("confirm_expires_at"),
    /** When the last confirmation mail was queued: a repeat within the limit sends none. */
    confirmSentAt: at("confirm_sent_at"),
    confirmedAt: at("confirmed_at"),
    /** The consent as given: when, the text shown, in which language. */
    consentAt: at("consent_at").notNull(),
    consentText: text("consent_text").notNull(),
    consentLocale: text("consent_locale").notNull(),
    bouncedAt: at("bounced_at"),
    bounceReason: text("bounce_reason"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("newsletter_subscribers_email_idx").on(t.email),
    uniqueIndex("newsletter_subscribers_confirm_idx").on(t.confirmTokenHash),
    index("newsletter_subscribers_audience_idx").on(t.status, t.locale),
  ],
);

/** Unsubscribed (or erased) addresses, as an HMAC of the address with a key from the server's secret. */
export const newsletterSuppressions = pgTable("newsletter_suppressions", {
  addressHash: text("address_hash").primaryKey(),
  reason: text("reason").notNull(),
  at: at("at").notNull().defaultNow(),
});

export const newsletterIssues = pgTable(
  "newsletter_issues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subject: text("subject").notNull(),
    introduction: text("introduction").notNull(),
    locale: text("locale").notNull(),
    /** Empty: every subscriber of the language; otherwise those with a topic in common (or none chosen). */
    topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
    /** The chosen posts (publishing's), in order. */
    postIds: uuid("post_ids").array().notNull().default(sql`'{}'::uuid[]`),
    status: newsletterIssueStatus("status").notNull().default("draft"),
    /** The mail as sent, frozen when sending starts (the archive shows it; a later edit of a post changes nothing). */
    sentHtml: text("sent_html"),
    sentText: text("sent_text"),
    /** The current chain of batch jobs: a batch job of an older run (before a pause or restart) stops. */
    run: uuid("run"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    startedAt: at("started_at"),
    sentAt: at("sent_at"),
  },
  (t) => [index("newsletter_issues_sent_idx").on(t.status, t.sentAt)],
);

/** One row per recipient of an issue, with its state: what a restart reads to finish a send. */
export const newsletterDeliveries = pgTable(
  "newsletter_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    issueId: uuid("issue_id")
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: "cascade" }),
    /** Null once the address unsubscribed or was erased (the row then ends as skipped). */
    subscriberId: uuid("subscriber_id").references(() => newsletterSubscribers.id, { onDelete: "set null" }),
    state: newsletterDeliveryState("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    claimedAt: at("claimed_at"),
    sentAt: at("sent_at"),
    error: text("error"),
  },
  (t) => [
    uniqueIndex("newsletter_deliveries_recipient_idx").on(t.issueId, t.subscriberId),
    index("newsletter_deliveries_state_idx").on(t.issueId, t.state, t.id),
  ],
);

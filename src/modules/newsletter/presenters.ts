import { z } from "@hono/zod-openapi";
import { type Page, pageSchema } from "../../core/pagination.ts";
import { deliveryStates, issueStatuses, subscriberStatuses } from "./constants.ts";
import type { IssueProgress, IssueRow } from "./issues.ts";
import type { SubscriberRow } from "./subscribers.ts";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const instant = z.iso.datetime();

export const acceptedSchema = z.object({ accepted: z.literal(true) }).openapi("NewsletterSubscribeAnswer", {
  description: "The same answer for every address: a confirmation mail goes out if one is due",
});
export const doneSchema = z.object({ done: z.literal(true) }).openapi("NewsletterLinkAnswer");

export const subscriberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    locale: z.string(),
    topics: z.array(z.string()),
    status: z.enum(subscriberStatuses),
    createdAt: instant,
    confirmedAt: instant.nullable(),
    consent: z.object({ at: instant, text: z.string(), locale: z.string() }),
    bouncedAt: instant.nullable(),
  })
  .openapi("NewsletterSubscriber");
export const presentSubscriber = (row: SubscriberRow): z.infer<typeof subscriberSchema> => ({
  id: row.id,
  email: row.email,
  locale: row.locale,
  topics: row.topics,
  status: row.status,
  createdAt: iso(row.createdAt),
  confirmedAt: isoOrNull(row.confirmedAt),
  consent: { at: iso(row.consentAt), text: row.consentText, locale: row.consentLocale },
  bouncedAt: isoOrNull(row.bouncedAt),
});
export const subscribersPageSchema = pageSchema(subscriberSchema).openapi("NewsletterSubscriberPage");
export const presentSubscribersPage = (page: Page<SubscriberRow>) => ({
  items: page.items.map(presentSubscriber),
  nextCursor: page.nextCursor,
});

export const subscriberExportSchema = z
  .object({
    subscriber: subscriberSchema,
    deliveries: z.array(
      z.object({ issueId: z.uuid(), subject: z.string(), state: z.enum(deliveryStates), sentAt: instant.nullable() }),
    ),
  })
  .openapi("NewsletterSubscriberExport");
export const presentSubscriberExport = (data: {
  subscriber: SubscriberRow;
  deliveries: { issueId: string; subject: string; state: (typeof deliveryStates)[number]; sentAt: Date | null }[];
}): z.infer<typeof subscriberExportSchema> => ({
  subscriber: presentSubscriber(data.subscriber),
  deliveries: data.deliveries.map((d) => ({ ...d, sentAt: isoOrNull(d.sentAt) })),
});

export const progressSchema = z
  .object({
    total: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    left: z.number().int(),
    skipped: z.number().int(),
  })
  .openapi("NewsletterProgress", { description: "Recipients by state; left is pending or being handed to SMTP" });
export const presentProgress = (p: IssueProgress): z.infer<typeof progressSchema> => ({
  total: p.total,
  sent: p.sent,
  failed: p.failed,
  left: p.left,
  skipped: p.skipped,
});
export const progressWithStatusSchema = progressSchema
  .extend({ status: z.enum(issueStatuses) })
  .openapi("NewsletterIssueProgress");

export const issueSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    introduction: z.string(),
    locale: z.string(),
    topics: z.array(z.string()),
    postIds: z.array(z.uuid()),
    status: z.enum(issueStatuses),
    createdAt: instant,
    startedAt: instant.nullable(),
    sentAt: instant.nullable(),
    progress: progressSchema.optional(),
  })
  .openapi("NewsletterIssue");
export const presentIssue = (row: IssueRow & { progress?: IssueProgress }): z.infer<typeof issueSchema> => ({
  id: row.id,
  subject: row.subject,
  introduction: row.introduction,
  locale: row.locale,
  topics: row.topics,
  postIds: row.postIds,
  status: row.status,
  createdAt: iso(row.createdAt),
  startedAt: isoOrNull(row.startedAt),
  sentAt: isoOrNull(row.sentAt),
  ...(row.progress ? { progress: presentProgress(row.progress) } : {}),
});
export const issueListSchema = z.array(issueSchema).openapi("NewsletterIssueList");

export const previewSchema = z
  .object({
    subject: z.string(),
    body: z.object({ html: z.string(), text: z.string() }),
    mail: z.object({ html: z.string(), text: z.string() }),
  })
  .openapi("NewsletterPreview", { description: "The issue as the page shows it and as a recipient receives it" });

/** The public archive: what was sent, nothing about who got it. */
export const archivedIssueSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    locale: z.string(),
    sentAt: instant,
    html: z.string().openapi({ description: "The sent body, sanitised HTML" }),
    text: z.string(),
  })
  .openapi("NewsletterArchivedIssue");
export const presentArchivedIssue = (row: IssueRow): z.infer<typeof archivedIssueSchema> => ({
  id: row.id,
  subject: row.subject,
  locale: row.locale,
  sentAt: iso(row.sentAt ?? row.createdAt),
  html: row.sentHtml ?? "",
  text: row.sentText ?? "",
});
export const archiveListSchema = z
  .array(archivedIssueSchema.omit({ html: true, text: true }))
  .openapi("NewsletterArchive");
export const presentArchive = (rows: IssueRow[]): z.infer<typeof archiveListSchema> =>
  rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    locale: row.locale,
    sentAt: iso(row.sentAt ?? row.createdAt),
  }));

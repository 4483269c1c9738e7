import { and, eq, inArray, lt, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import pLimit from "p-limit";
import type { Config } from "../../config/env.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { isLocale } from "../../i18n/locale.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { Logger } from "../../logger.ts";
import { createMailer, type Mail, type Mailer } from "../../mail/mailer.ts";
import { newsletterAudit } from "./audit.ts";
import { isHardBounce, isPermanent, messageOf } from "./bounces.ts";
import { type BatchJobData, batchJob } from "./issues.ts";
import type { NewsletterKeys } from "./keys.ts";
import { issueMail } from "./mail.ts";
import { newsletterDeliveries, newsletterIssues, newsletterSubscribers } from "./schema.ts";
import { newsletterLinks, type SubscriberService } from "./subscribers.ts";

/** A recipient whose hand-offs keep failing for other reasons (4xx, connection) is given up after this many. */
const maxAttempts = 8;
/** After a temporary failure (SMTP down) the next batch waits this long. */
const backoffMs = 15_000;
/** How often a run with nothing to claim looks again. */
const idleMs = 1000;

export interface SendSettings {
  batchSize: number;
  concurrency: number;
  ratePerMinute: number;
  claimSeconds: number;
}

/** The SMTP connection for newsletters: pooled, as many connections as hand-offs at once. */
export function createNewsletterMailer(config: Config, logger: Logger, connections: number): Mailer {
  if (!config.smtpUrl) return createMailer(config, logger);
  const url = new URL(config.smtpUrl);
  url.searchParams.set("pool", "true");
  url.searchParams.set("maxConnections", String(connections));
  const transport = nodemailer.createTransport(url.toString());
  return { send: async (mail) => void (await transport.sendMail({ from: config.mailFrom, ...mail })) };
}

/**
 * The send, one batch per job. A batch job claims up to batchSize pending recipients (state "sending", claimed_at
 * now) in one committed statement, hands them to SMTP concurrency at a time, marks each "sent" (or failed) as soon
 * as SMTP accepted it, then queues the next batch paced to ratePerMinute. After a kill -9, a restart (started hook)
 * starts a new run of the issue; rows claimed longer than claimSeconds ago and never marked go back to pending and
 * are sent again. Only those whose hand-off was under way at the kill may arrive twice: at most `concurrency`, as
 * no worker starts a hand-off before the previous one is marked. A paused issue's run is gone, so its batch job
 * stops; resuming starts a new run.
 */
export function createSender({
  db,
  writes = createWritePath(db),
  jobs,
  mailer,
  keys,
  subscribers,
  publicUrl,
  mailFrom,
  unsubscribeAddress,
  settings,
  logger,
}: {
  db: Db;
  writes?: WritePath;
  jobs: JobQueue;
  mailer: Mailer;
  keys: NewsletterKeys;
  subscribers: SubscriberService;
  publicUrl: string;
  mailFrom: string;
  /** The address of unsubscribe by mail, or null for none (List-Unsubscribe then carries only the URL). */
  unsubscribeAddress: string | null;
  settings: SendSettings;
  logger?: Logger;
}) {
  const write = writes(newsletterAudit);
  const links = newsletterLinks(publicUrl, unsubscribeAddress, keys);
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? "uudistamo.localhost";
  const spacingMs = (count: number) => (count * 60_000) / settings.ratePerMinute;

  async function currentIssue(data: BatchJobData) {
    const [issue] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, data.issueId));
    return issue && issue.status === "sending" && issue.run === data.run ? issue : null;
  }

  async function claim(issueId: string) {
    // Claims of a process that died: their hand-off may or may not have happened; they go again.
    await db
      .update(newsletterDeliveries)
      .set({ state: "pending" })
      .where(
        and(
          eq(newsletterDeliveries.issueId, issueId),
          eq(newsletterDeliveries.state, "sending"),
          lt(newsletterDeliveries.claimedAt, new Date(Date.now() - settings.claimSeconds * 1000)),
        ),
      );
    const claimed = (await db.execute(sql`
      update newsletter_deliveries set state = 'sending', claimed_at = now(), attempts = attempts + 1
      where id in (
        select id from newsletter_deliveries where issue_id = ${issueId} and state = 'pending'
        order by id limit ${settings.batchSize} for update skip locked)
      returning id, subscriber_id, attempts`)) as unknown as {
      rows: { id: number | string; subscriber_id: string | null; attempts: number }[];
    };
    return claimed.rows.map((r) => ({ id: Number(r.id), subscriberId: r.subscriber_id, attempts: r.attempts }));
  }

  const mark = (id: number, state: "sent" | "failed" | "pending" | "skipped", error: string | null = null) =>
    db
      .update(newsletterDeliveries)
      .set({ state, error, ...(state === "sent" ? { sentAt: new Date() } : {}) })
      .where(and(eq(newsletterDeliveries.id, id), eq(newsletterDeliveries.state, "sending")));

  async function finishIfDone(issueId: string, run: string): Promise<boolean> {
    const [open] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(newsletterDeliveries)
      .where(
        and(eq(newsletterDeliveries.issueId, issueId), inArray(newsletterDeliveries.state, ["pending", "sending"])),
      );
    if ((open?.n ?? 0) > 0) return false;
    await write({
      caller: { actor: null, locale: "fi" },
      allow: () => undefined,
      run: async ({ tx, audit, unchanged }) => {
        const [done] = await tx
          .update(newsletterIssues)
          .set({ status: "sent", sentAt: new Date(), run: null })
          .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.run, run)))
          .returning({ id: newsletterIssues.id });
        if (!done) return unchanged();
        await audit("issue.sent", { type: "newsletter_issue", id: issueId });
      },
    });
    return true;
  }

  async function runBatch(data: BatchJobData): Promise<void> {
    const issue = await currentIssue(data);
    if (!issue) return;
    const started = Date.now();
    const locale = isLocale(issue.locale) ? issue.locale : "fi";
    const body = { html: issue.sentHtml ?? "", text: issue.sentText ?? "" };
    const rows = await claim(issue.id);
    const people = rows.length
      ? await db
          .select({
            id: newsletterSubscribers.id,
            email: newsletterSubscribers.email,
            status: newsletterSubscribers.status,
          })
          .from(newsletterSubscribers)
          .where(
            inArray(
              newsletterSubscribers.id,
              rows.flatMap((r) => (r.subscriberId ? [r.subscriberId] : [])),
            ),
          )
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    let temporaryFailure = false;
    const limit = pLimit(settings.concurrency);
    await Promise.all(
      rows.map((row) =>
        limit(async () => {
          const person = row.subscriberId ? byId.get(row.subscriberId) : undefined;
          if (person?.status !== "confirmed") return void (await mark(row.id, "skipped"));
          const mail: Mail = {
            to: person.email,
            ...issueMail(locale, issue.subject, body, links.unsubscribe(person.id)),
            messageId: `<newsletter-${issue.id}-${row.id}@${domain}>`,
          };
          try {
            await mailer.send(mail);
          } catch (error) {
            if (isHardBounce(error)) {
              await mark(row.id, "failed", messageOf(error));
              await subscribers.markBounced(person.id, messageOf(error));
            } else if (isPermanent(error) || row.attempts >= maxAttempts) {
              await mark(row.id, "failed", messageOf(error));
            } else {
              temporaryFailure = true;
              await mark(row.id, "pending", messageOf(error));
            }
            return;
          }
          await mark(row.id, "sent");
        }),
      ),
    );
    if (await finishIfDone(issue.id, data.run)) return;
    // The same run goes on, unless it was paused meanwhile (the next job then finds no current run).
    // Nothing to claim but rows still open: another instance's batch, or a dead one's claims waiting out their lease.
    const wait = temporaryFailure
      ? backoffMs
      : rows.length === 0
        ? idleMs
        : Math.max(0, started + spacingMs(rows.length) - Date.now());
    await jobs.send<BatchJobData>(batchJob, data, { startAfter: new Date(Date.now() + wait) });
    logger?.debug?.(`newsletter ${issue.id}: batch of ${rows.length} done`);
  }

  return {
    runBatch,
    /** After a restart: every issue still sending gets a new run (the old one's jobs stop), queued at once. */
    async resumeInterrupted(): Promise<number> {
      const sending = await db
        .select({ id: newsletterIssues.id })
        .from(newsletterIssues)
        .where(eq(newsletterIssues.status, "sending"));
      for (const { id } of sending) {
        const run = crypto.randomUUID();
        await write({
          caller: { actor: null, locale: "fi" },
          allow: () => undefined,
          run: async ({ tx, audit, unchanged }) => {
            const [row] = await tx
              .update(newsletterIssues)
              .set({ run })
              .where(and(eq(newsletterIssues.id, id), eq(newsletterIssues.status, "sending")))
              .returning({ id: newsletterIssues.id });
            if (!row) return unchanged();
            await jobs.send<BatchJobData>(batchJob, { issueId: id, run }, { tx });
            await audit("issue.resume", { type: "newsletter_issue", id }, { afterRestart: true });
          },
        });
      }
      return sending.length;
    },
  };
}

export type Sender = ReturnType<typeof createSender>;

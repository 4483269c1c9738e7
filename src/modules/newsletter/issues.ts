import { and, desc, eq, sql } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { isLocale, type Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { newsletterAudit } from "./audit.ts";
import { type IssueInput, type IssuePatch, issueInput, issuePatch } from "./inputs.ts";
import { issueBody, issueMail } from "./mail.ts";
import { newsletterPolicy } from "./policy.ts";
import { resolvePosts } from "./posts.ts";
import { newsletterDeliveries, newsletterIssues } from "./schema.ts";

export type IssueRow = typeof newsletterIssues.$inferSelect;
/** The batch job: one batch of an issue's recipients, then the next batch queued (see sending.ts). */
export const batchJob = "newsletter.batch";
export interface BatchJobData {
  issueId: string;
  run: string;
}

export interface IssueProgress {
  total: number;
  sent: number;
  failed: number;
  /** Pending or being handed to SMTP. */
  left: number;
  /** Addresses that unsubscribed or were erased after the send started. */
  skipped: number;
}

const fieldError = (path: string, message: Parameters<typeof translate>[1], locale: Locale) =>
  new AppError("VALIDATION_FAILED", [{ path, message: translate(locale, message) }]);

/**
 * Issues of the newsletter: an introduction and chosen posts (publishing's), previewed as the page and as the mail,
 * then sent to every confirmed subscriber of the issue's language and topics. Sending writes one delivery row per
 * recipient and queues the first batch job in the same transaction, so a started send always finishes.
 */
export function createIssueService({
  db,
  writes = createWritePath(db),
  jobs,
  need,
  publicUrl,
}: {
  db: Db;
  writes?: WritePath;
  jobs: JobQueue;
  need: <T>(name: string) => T;
  publicUrl: string;
}) {
  const write = writes(newsletterAudit);
  const localeOf = (row: IssueRow): Locale => (isLocale(row.locale) ? row.locale : "fi");

  async function find(id: string): Promise<IssueRow> {
    const [row] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  /** Every chosen post must be published (in any language: an issue may point to a post in another). */
  async function checkPosts(ids: readonly string[], locale: Locale) {
    if (ids.length === 0) return;
    const found = await resolvePosts(need, ids, publicUrl);
    if (found.length !== ids.length) throw fieldError("postIds", "newsletter.posts.unknown", locale);
  }

  async function bodyOf(row: IssueRow) {
    if (row.sentHtml !== null && row.sentText !== null) return { html: row.sentHtml, text: row.sentText };
    return issueBody(localeOf(row), row.introduction, await resolvePosts(need, row.postIds, publicUrl));
  }

  async function progressOf(issueId: string): Promise<IssueProgress> {
    const rows = await db
      .select({ state: newsletterDeliveries.state, n: sql<number>`count(*)::int` })
      .from(newsletterDeliveries)
      .where(eq(newsletterDeliveries.issueId, issueId))
      .groupBy(newsletterDeliveries.state);
    const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
    const progress = {
      sent: count("sent"),
      failed: count("failed"),
      left: count("pending") + count("sending"),
      skipped: count("skipped"),
    };
    return { total: progress.sent + progress.failed + progress.left + progress.skipped, ...progress };
  }

  const transition = async (
    caller: Caller,
    id: string,
    from: IssueRow["status"],
    refusal: Parameters<typeof translate>[1],
    change: (tx: Parameters<Parameters<typeof write>[0]["run"]>[0]) => Promise<void>,
  ) =>
    write({
      caller,
      allow: () => authorize(newsletterPolicy, "manageIssues", caller.actor),
      run: async (step) => {
        const [row] = await step.tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).for("update");
        if (!row) throw new AppError("NOT_FOUND");
        if (row.status !== from) throw fieldError("status", refusal, caller.locale);
        await change(step);
      },
    });

  return {
    async create(caller: Caller, input: IssueInput | unknown): Promise<IssueRow> {
      // Parsed and the posts checked before the transaction: publishing reads through its own connection.
      authorize(newsletterPolicy, "manageIssues", caller.actor);
      const data = parseInput(issueInput, input, caller.locale);
      await checkPosts(data.postIds, caller.locale);
      return write({
        caller,
        allow: () => authorize(newsletterPolicy, "manageIssues", caller.actor),
        run: async ({ tx, audit }) => {
          const [row] = await tx
            .insert(newsletterIssues)
            .values({ ...data, createdBy: caller.actor?.id ?? null })
            .returning();
          if (!row) throw new Error("issue not written");
          await audit("issue.create", { type: "newsletter_issue", id: row.id }, { posts: data.postIds.length });
          return row;
        },
      });
    },

    async update(caller: Caller, id: string, patch: IssuePatch | unknown): Promise<IssueRow> {
      authorize(newsletterPolicy, "manageIssues", caller.actor);
      const data = parseInput(issuePatch, patch, caller.locale);
      if (data.postIds) await checkPosts(data.postIds, caller.locale);
      return write({
        caller,
        allow: () => authorize(newsletterPolicy, "manageIssues", caller.actor),
        run: async ({ tx, audit }) => {
          const [row] = await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).for("update");
          if (!row) throw new AppError("NOT_FOUND");
          if (row.status !== "draft") throw fieldError("status", "newsletter.issue.notDraft", caller.locale);
          const [updated] = await tx
            .update(newsletterIssues)
            .set({ ...data, updatedAt: new Date() })
            .where(eq(newsletterIssues.id, id))
            .returning();
          if (!updated) throw new AppError("NOT_FOUND");
          await audit("issue.update", { type: "newsletter_issue", id }, { fields: Object.keys(data) });
          return updated;
        },
      });
    },

    async get(caller: Caller, id: string): Promise<IssueRow & { progress: IssueProgress }> {
      authorize(newsletterPolicy, "manageIssues", caller.actor);
      const row = await find(id);
      return { ...row, progress: await progressOf(id) };
    },

    async list(caller: Caller): Promise<IssueRow[]> {
      authorize(newsletterPolicy, "manageIssues", caller.actor);
      return db.select().from(newsletterIssues).orderBy(desc(newsletterIssues.createdAt)).limit(200);
    },

    async progress(caller: Caller, id: string): Promise<IssueProgress & { status: IssueRow["status"] }> {
      authorize(newsletterPolicy, "manageIssues", caller.actor);
      const row = await find(id);
      return { status: row.status, ...(await progressOf(id)) };
    },

    /** The issue as the page shows it and as a recipient receives it (with a sample unsubscribe link). */
    async preview(caller: Caller, id: string) {
      authorize(newsletterPolicy, "manageIssues", caller.actor);
      const row = await find(id);
      const body = await bodyOf(row);
      const sample = `${publicUrl}/newsletter/unsubscribe?token=preview`;
      const mail = issueMail(localeOf(row), row.subject, body, { url: sample, mailto: null });
      return { subject: row.subject, body, mail: { html: mail.html, text: mail.text } };
    },

    /** Starts the send: the body frozen, one delivery row per recipient, the first batch queued, all at once. */
    async send(caller: Caller, id: string): Promise<IssueProgress> {
      const row = await find(id);
      const body = await bodyOf(row);
      await transition(caller, id, "draft", "newsletter.issue.notDraft", async ({ tx, audit }) => {
        const run = crypto.randomUUID();
        await tx
          .update(newsletterIssues)
          .set({ status: "sending", sentHtml: body.html, sentText: body.text, run, startedAt: new Date() })
          .where(eq(newsletterIssues.id, id));
        // A subscriber with no topics takes every issue; an issue with no topics goes to all of its language.
        const recipients = (await tx.execute(sql`
          insert into newsletter_deliveries (issue_id, subscriber_id)
          select i.id, s.id from newsletter_issues i
          join newsletter_subscribers s on s.status = 'confirmed' and s.locale = i.locale
            and (cardinality(i.topics) = 0 or cardinality(s.topics) = 0 or s.topics && i.topics)
          where i.id = ${id}
          on conflict do nothing
          returning id`)) as unknown as { rows: unknown[] };
        await jobs.send<BatchJobData>(batchJob, { issueId: id, run }, { tx });
        await audit("issue.send", { type: "newsletter_issue", id }, { recipients: recipients.rows.length });
      });
      return progressOf(id);
    },

    /** Stops after the batch in hand (its hand-offs finish); nothing more is claimed until resumed. */
    async pause(caller: Caller, id: string): Promise<IssueProgress> {
      await transition(caller, id, "sending", "newsletter.issue.notSending", async ({ tx, audit }) => {
        await tx.update(newsletterIssues).set({ status: "paused", run: null }).where(eq(newsletterIssues.id, id));
        await audit("issue.pause", { type: "newsletter_issue", id });
      });
      return progressOf(id);
    },

    async resume(caller: Caller, id: string): Promise<IssueProgress> {
      await transition(caller, id, "paused", "newsletter.issue.notPaused", async ({ tx, audit }) => {
        const run = crypto.randomUUID();
        await tx.update(newsletterIssues).set({ status: "sending", run }).where(eq(newsletterIssues.id, id));
        await jobs.send<BatchJobData>(batchJob, { issueId: id, run }, { tx });
        await audit("issue.resume", { type: "newsletter_issue", id });
      });
      return progressOf(id);
    },

    /** The public archive: sent issues, newest first. */
    async archive(caller: Caller): Promise<IssueRow[]> {
      authorize(newsletterPolicy, "readArchive", caller.actor);
      return db
        .select()
        .from(newsletterIssues)
        .where(eq(newsletterIssues.status, "sent"))
        .orderBy(desc(newsletterIssues.sentAt))
        .limit(500);
    },

    async archived(caller: Caller, id: string): Promise<IssueRow> {
      authorize(newsletterPolicy, "readArchive", caller.actor);
      const [row] = await db
        .select()
        .from(newsletterIssues)
        .where(and(eq(newsletterIssues.id, id), eq(newsletterIssues.status, "sent")));
      if (!row) throw new AppError("NOT_FOUND");
      return row;
    },
  };
}

export type IssueService = ReturnType<typeof createIssueService>;

import type { Db, Tx } from "../db/client.ts";
import type { JobQueue } from "../jobs/queue.ts";
import { createSealer } from "../jobs/sealed.ts";
import type { Mail, Mailer } from "./mailer.ts";

/** One message at once: invitations, password resets. */
export const mailJob = "mail.send";
/** Messages to many (a newsletter), sent at the configured rate. */
export const bulkMailJob = "mail.bulk";

/**
 * E-mail goes out through the job queue, never in the request: an SMTP outage does not
 * fail the request, and the message is sent when SMTP answers again (retried with
 * backoff for about ten hours, then a failed job on the jobs page).
 */
export interface MailOutbox {
  /** Queues one message, in the caller's transaction when given (then it exists exactly if the write commits). */
  send(mail: Mail, options?: { tx?: Db | Tx }): Promise<string>;
  /**
   * Queues one job per message, spaced to MAIL_RATE_PER_MINUTE after any bulk mail still
   * waiting: a crash loses no recipient (the jobs are in the database before this returns)
   * and a sent message is not sent again (its job is completed), apart from the one being
   * sent at the moment of a crash, which goes again with the same Message-ID.
   */
  sendBatch(mails: Mail[], options?: { tx?: Db | Tx }): Promise<string[]>;
}

interface MailJobData {
  sealed: string;
}

export function createMailOutbox({
  jobs,
  mailer,
  ratePerMinute,
  secret,
  mailFrom,
}: {
  jobs: JobQueue;
  mailer: Mailer;
  ratePerMinute: number;
  /** Seals the queued messages (they hold links with tokens). */
  secret: string;
  mailFrom: string;
}): MailOutbox {
  const sealer = createSealer(secret, "mail");
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? "uudistamo.localhost";
  const deliver = async (data: MailJobData, job: { id: string }) => {
    await mailer.send({ ...sealer.open<Mail>(data.sealed), messageId: `<${job.id}@${domain}>` });
  };
  // Two seconds, then doubling up to an hour: 20 retries cover about ten hours of outage.
  const retry = { retryLimit: 20, retryDelaySeconds: 2, retryBackoff: true, retryDelayMaxSeconds: 3600 };
  jobs.define<MailJobData>(mailJob, deliver, { ...retry, expireInSeconds: 120 });
  // The queue spaces bulk jobs out; a process catching up after downtime also keeps the rate itself.
  const pace = pacer(60_000 / ratePerMinute);
  jobs.define<MailJobData>(
    bulkMailJob,
    async (data, job) => {
      await pace();
      await deliver(data, job);
    },
    // Its jobs come due one by one at the rate; the worker looks for them as often (from every 0.5 s to every 2 s).
    { ...retry, expireInSeconds: 120, pollingIntervalSeconds: Math.min(2, Math.max(0.5, 60 / ratePerMinute)) },
  );
  const seal = (mail: Mail): MailJobData => ({ sealed: sealer.seal(mail) });
  return {
    send: (mail, options = {}) => jobs.send(mailJob, seal(mail), options),
    sendBatch: (mails, options = {}) => jobs.sendPaced(bulkMailJob, mails.map(seal), ratePerMinute, options),
  };
}

/** Resolves no sooner than `spacingMs` after the previous call resolved (one worker per process runs bulk mail). */
function pacer(spacingMs: number): () => Promise<void> {
  let next = 0;
  return async () => {
    const wait = next - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    next = Date.now() + spacingMs;
  };
}

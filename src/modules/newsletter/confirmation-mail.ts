import type { Db, Tx } from "../../db/client.ts";
import type { JobContext, JobQueue } from "../../jobs/queue.ts";
import { createSealer } from "../../jobs/sealed.ts";
import type { Mail, Mailer } from "../../mail/mailer.ts";
import { isHardBounce, messageOf } from "./bounces.ts";

/** The double opt-in mail's own job: like mail.send, but a hard bounce marks the subscriber instead of retrying. */
export const confirmationMailJob = "newsletter.confirmation-mail";

export interface ConfirmationMailJobData {
  /** The message, sealed: its link holds the confirmation token, which the database keeps only as a hash. */
  sealed: string;
  subscriberId: string;
}

/** As the outbox retries: two seconds, doubling up to an hour, about ten hours of SMTP outage in all. */
export const confirmationMailRetry = {
  retryLimit: 20,
  retryDelaySeconds: 2,
  retryBackoff: true,
  retryDelayMaxSeconds: 3600,
  expireInSeconds: 120,
};

/**
 * Confirmation mails go through the job queue (queued in the subscription's transaction, so one exists exactly if
 * the subscription committed). When the SMTP server refuses the address at RCPT TO, the subscriber is marked
 * bounced and the job ends: nothing more goes to that address, and a new subscription of it sends nothing.
 */
export function createConfirmationMail({
  jobs,
  mailer,
  secret,
  mailFrom,
  markBounced,
}: {
  jobs: JobQueue;
  mailer: Mailer;
  secret: string;
  mailFrom: string;
  markBounced: (subscriberId: string, reason: string) => Promise<void>;
}) {
  const sealer = createSealer(secret, "newsletter confirmation mail");
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? "uudistamo.localhost";
  return {
    queue: (mail: Mail, subscriberId: string, options: { tx?: Db | Tx } = {}) =>
      jobs.send<ConfirmationMailJobData>(confirmationMailJob, { sealed: sealer.seal(mail), subscriberId }, options),

    async deliver(data: ConfirmationMailJobData, job: JobContext): Promise<void> {
      try {
        await mailer.send({ ...sealer.open<Mail>(data.sealed), messageId: `<${job.id}@${domain}>` });
      } catch (error) {
        if (!isHardBounce(error)) throw error;
        await markBounced(data.subscriberId, messageOf(error));
      }
    },
  };
}

export type ConfirmationMail = ReturnType<typeof createConfirmationMail>;

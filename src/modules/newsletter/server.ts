import { createMailer } from "../../mail/mailer.ts";
import { defineModuleServer } from "../module.ts";
import { registerNewsletterApi } from "./api/index.ts";
import {
  type ConfirmationMail,
  type ConfirmationMailJobData,
  confirmationMailJob,
  confirmationMailRetry,
  createConfirmationMail,
} from "./confirmation-mail.ts";
import { describeNewsletterRoutes } from "./http.ts";
import {
  createUnsubscribeMailbox,
  type UnsubscribeMailbox,
  type UnsubscribeMailJobData,
  unsubscribeMailJob,
} from "./inbound.ts";
import { type BatchJobData, batchJob, createIssueService } from "./issues.ts";
import { createNewsletterKeys } from "./keys.ts";
import { createNewsletterMailer, createSender, type Sender } from "./sending.ts";
import { createSubscriberService } from "./subscribers.ts";

export default defineModuleServer({
  services: ({ db, writes, jobs, config, logger, need }) => {
    const keys = createNewsletterKeys(config.sessionSecret);
    // A confirmation is one message now and then: a connection of its own, closed after it (no pool held open).
    const newsletterConfirmations = createConfirmationMail({
      jobs,
      mailer: createMailer(config, logger),
      secret: config.sessionSecret,
      mailFrom: config.mailFrom,
      markBounced: (id, reason) => newsletterSubscribers.markBounced(id, reason),
    });
    const newsletterSubscribers = createSubscriberService({
      db,
      writes,
      confirmations: newsletterConfirmations,
      keys,
      publicUrl: config.publicUrl,
      unsubscribeAddress: config.unsubscribeMail.address,
    });
    return {
      newsletterSubscribers,
      newsletterConfirmations,
      // Unsubscribe by mail: the SMTP listener for MAIL_UNSUBSCRIBE_ADDRESS (when MAIL_INBOUND_PORT is set).
      newsletterMailbox: createUnsubscribeMailbox({
        settings: config.unsubscribeMail,
        jobs,
        keys,
        secret: config.sessionSecret,
        unsubscribe: (caller, input) => newsletterSubscribers.unsubscribe(caller, input),
        logger,
      }),
      newsletterIssues: createIssueService({ db, writes, jobs, need, publicUrl: config.publicUrl }),
      newsletterSender: createSender({
        db,
        writes,
        jobs,
        mailer: createNewsletterMailer(config, logger, config.newsletterConcurrency),
        keys,
        subscribers: newsletterSubscribers,
        publicUrl: config.publicUrl,
        mailFrom: config.mailFrom,
        unsubscribeAddress: config.unsubscribeMail.address,
        settings: {
          batchSize: config.newsletterBatchSize,
          concurrency: config.newsletterConcurrency,
          ratePerMinute: config.mailRatePerMinute,
          claimSeconds: config.newsletterClaimSeconds,
        },
        logger,
      }),
    };
  },
  // One batch per job; a run cut short by a crash counts as failed after its expiry and runs again, and a restart
  // starts a new run of every issue still sending at once (started).
  start: async ({ jobs, need, config }) => {
    jobs.define<UnsubscribeMailJobData>(
      unsubscribeMailJob,
      (data) => need<UnsubscribeMailbox>("newsletterMailbox").deliver(data),
      { retryLimit: 10, retryDelaySeconds: 5, retryBackoff: true, retryDelayMaxSeconds: 600 },
    );
    jobs.define<ConfirmationMailJobData>(
      confirmationMailJob,
      (data, job) => need<ConfirmationMail>("newsletterConfirmations").deliver(data, job),
      confirmationMailRetry,
    );
    jobs.define<BatchJobData>(batchJob, (data) => need<Sender>("newsletterSender").runBatch(data), {
      expireInSeconds: Math.max(60, config.newsletterClaimSeconds * 2),
      retryLimit: 10,
      retryDelaySeconds: 5,
    });
    return () => need<UnsubscribeMailbox>("newsletterMailbox").close();
  },
  started: async ({ need }) => {
    await need<Sender>("newsletterSender").resumeInterrupted();
    // Once the job queue runs, so every unsubscribe it takes can be queued at once.
    await need<UnsubscribeMailbox>("newsletterMailbox").listen();
  },
  api: registerNewsletterApi,
  downloads: describeNewsletterRoutes,
});

import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config/env.ts";
import type { Logger } from "../logger.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML (src/mail/templates.ts renders both from one template). */
  html?: string;
  /** Extra header lines, passed through as they are (List-Unsubscribe, List-Unsubscribe-Post, …). */
  headers?: Record<string, string>;
  /** A fixed Message-ID, so a message sent twice (a retry after a lost reply) is recognisably the same one. */
  messageId?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Sends through SMTP_URL. Without one (a laptop demo) the message is written to
 * the log instead, so a reset or invitation link is still reachable.
 */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">, logger: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      async send(mail) {
        logger.info(`mail to ${mail.to} (no SMTP_URL set, not sent): ${mail.subject}\n${mail.text}`);
      },
    };
  }
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.mailFrom, ...mail });
    },
  };
}

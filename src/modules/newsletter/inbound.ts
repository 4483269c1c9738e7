import type { AddressInfo } from "node:net";
import type { Readable } from "node:stream";
import type { SMTPServer, SMTPServerSession } from "smtp-server";
import type { Caller } from "../../core/caller.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { createSealer } from "../../jobs/sealed.ts";
import type { Logger } from "../../logger.ts";
import type { NewsletterKeys } from "./keys.ts";

/**
 * Unsubscribe by mail (RFC 2369's mailto in List-Unsubscribe). The header names MAIL_UNSUBSCRIBE_ADDRESS with the
 * subscriber's own token in the subject ("unsubscribe <token>"), as the URL carries it in its query. This small SMTP
 * listener (MAIL_INBOUND_PORT) takes mail for that one address only, reads the token from the subject, checks its
 * signature and queues a job that unsubscribes through the same service call as the page's button. The SMTP answer
 * says how it went: 250 once the job is stored (it then survives a restart and is retried), 550 for a message
 * without a valid token (the sender's own server tells them), 451 while the job queue cannot take it (the sender's
 * server tries again later). Nothing of the message is kept: not its sender, not its text.
 */
export const unsubscribeMailJob = "newsletter.unsubscribe-mail";

export interface UnsubscribeMailJobData {
  /** The token, sealed: it is what unsubscribes, so the job table must not show it. */
  sealed: string;
}

/** A message's header block is all we read; anything longer is refused, as is a message over the size limit. */
const maxHeaderBytes = 16 * 1024;
const maxMessageBytes = 64 * 1024;
const maxRecipients = 5;

/** The id and signature of keys.unsubscribeToken(): a UUID, a dot, 32 characters of base64url. */
const tokenPattern =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/i;

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/** RFC 2047 encoded words (=?utf-8?B?…?= and =?utf-8?Q?…?=) as text; a mail program may encode the subject. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === "B"
          ? Buffer.from(text, "base64")
          : Buffer.from(
              text
                .replace(/_/g, " ")
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            );
      return bytes.toString(/^(iso-8859-1|latin1|us-ascii)$/i.test(charset) ? "latin1" : "utf8");
    });
}

/** The Subject header of a message's header block (unfolded, decoded), or "" without one. */
export function subjectOf(head: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => /^subject:/i.test(l));
  return line ? decodeWords(line.replace(/^subject:\s*/i, "")).trim() : "";
}

/** The unsubscribe token in a subject, if one is there. */
export const tokenInSubject = (subject: string) => tokenPattern.exec(subject)?.[0] ?? null;

/** Reads the header block (up to the first empty line) and drains the rest; null if the block is over the limit. */
async function readHead(stream: Readable): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let head: string | null | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (head !== undefined) continue;
    chunks.push(chunk);
    size += chunk.length;
    const text = Buffer.concat(chunks).toString("utf8");
    const end = text.search(/\r?\n\r?\n/);
    if (end >= 0) head = end <= maxHeaderBytes ? text.slice(0, end) : null;
    else if (size > maxHeaderBytes) head = null;
  }
  return head === undefined ? Buffer.concat(chunks).toString("utf8") : head;
}

export function createUnsubscribeMailbox({
  settings,
  jobs,
  keys,
  secret,
  unsubscribe,
  logger,
}: {
  settings: { address: string | null; inboundPort: number | null; inboundHost: string };
  jobs: JobQueue;
  keys: NewsletterKeys;
  secret: string;
  /** The same service call as the unsubscribe page's. */
  unsubscribe: (caller: Caller, input: { token: string }) => Promise<unknown>;
  logger: Logger;
}) {
  const sealer = createSealer(secret, "newsletter unsubscribe mail");
  const address = settings.address?.toLowerCase() ?? null;
  let server: SMTPServer | null = null;

  async function received(stream: Readable & { sizeExceeded?: boolean }, session: SMTPServerSession) {
    const head = await readHead(stream);
    if (stream.sizeExceeded) throw smtpError(552, "5.3.4 Message too big for an unsubscribe");
    if (head === null) throw smtpError(552, "5.3.4 Header too long for an unsubscribe");
    const token = tokenInSubject(subjectOf(head));
    if (!token || !keys.verifyUnsubscribe(token)) {
      logger.info("unsubscribe mail refused: no valid token in its subject", { session: session.id });
      throw smtpError(550, "5.7.1 No valid unsubscribe token in the subject; use the link in the newsletter");
    }
    try {
      await jobs.send<UnsubscribeMailJobData>(unsubscribeMailJob, { sealed: sealer.seal({ token }) });
    } catch (error) {
      logger.error("unsubscribe mail not queued; the sender will try again", {
        session: session.id,
        error: error instanceof Error ? error.message : String(error),
      });
      throw smtpError(451, "4.3.0 Try again later");
    }
    logger.info("unsubscribe mail queued", { session: session.id });
  }

  return {
    /** The job's handler: the unsubscribe itself (a second one of the same token answers the same, changes nothing). */
    async deliver(data: UnsubscribeMailJobData): Promise<void> {
      const { token } = sealer.open<{ token: string }>(data.sealed);
      await unsubscribe({ actor: null, locale: "fi" }, { token });
    },

    /** Starts the listener when MAIL_INBOUND_PORT is set; nothing otherwise. */
    async listen(): Promise<void> {
      if (settings.inboundPort === null || address === null || server) return;
      // Loaded only where a listener runs.
      const { SMTPServer } = await import("smtp-server");
      const smtp = new SMTPServer({
        banner: "Uudistamo: newsletter unsubscribes only",
        size: maxMessageBytes,
        authOptional: true,
        // Plain SMTP on the listener itself: put it behind the organisation's mail gateway for TLS and filtering.
        disabledCommands: ["AUTH", "STARTTLS"],
        maxClients: 20,
        socketTimeout: 30_000,
        closeTimeout: 5_000,
        logger: false,
        onRcptTo(recipient, session, callback) {
          if (recipient.address.toLowerCase() !== address)
            return callback(smtpError(550, "5.1.1 This server takes mail only for the unsubscribe address"));
          if (session.envelope.rcptTo.length >= maxRecipients)
            return callback(smtpError(452, "4.5.3 Too many recipients"));
          callback();
        },
        onData(stream, session, callback) {
          received(stream, session).then(
            () => callback(null, "2.0.0 Unsubscribe received"),
            (error: Error) => callback(error),
          );
        },
      });
      smtp.on("error", (error: Error) =>
        logger.warn("unsubscribe listener: connection error", { error: error.message }),
      );
      await new Promise<void>((resolve, reject) => {
        smtp.server.once("error", reject);
        smtp.listen(settings.inboundPort ?? 0, settings.inboundHost, () => {
          smtp.server.off("error", reject);
          resolve();
        });
      });
      server = smtp;
    },

    /** Where the listener listens (its real port when MAIL_INBOUND_PORT is 0), or null when it does not. */
    address(): { host: string; port: number } | null {
      const info = server?.server.address() as AddressInfo | null | undefined;
      return info ? { host: settings.inboundHost, port: info.port } : null;
    },

    async close(): Promise<void> {
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
}

export type UnsubscribeMailbox = ReturnType<typeof createUnsubscribeMailbox>;

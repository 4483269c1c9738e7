import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part, or "" when the message had none. */
  html: string;
  /** Header lines by lower-case name, as sent. */
  headers: Record<string, string>;
}

/** A real SMTP server in this process; the app sends to it over TCP like to any other. */
export async function startSmtpServer(options: { refuse?: (address: string) => boolean } = {}) {
  const inbox: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const listening = async (port: number) => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // A hard bounce: the server refuses the recipient (550 at RCPT TO) for the addresses a test names.
      onRcptTo(address, _session, callback) {
        if (options.refuse?.(address.address)) {
          const error = Object.assign(new Error("5.1.1 No such user"), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
            const headers = Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.replace(/^[^:]*:\s*/, "")]));
            inbox.push({
              to,
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              headers,
            });
            for (const wake of waiters.splice(0)) wake();
            callback();
          })
          .catch(callback);
      },
    });
    // A client killed mid-message (a crash test's kill -9) resets its connection: that is the client's end, not ours.
    server.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET") throw error;
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    return server;
  };
  let server: SMTPServer | null = await listening(0);
  const port = (server.server.address() as AddressInfo).port;
  const close = async () => {
    const closing = server;
    server = null;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    /** Waits for a message to this address (up to a few seconds). */
    async waitFor(to: string, timeoutMs = 5000): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = inbox.findLast((m) => m.to.includes(to));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    /** An outage: connections to the port are refused until start(). */
    stop: close,
    /** Back on the same port (the app's SMTP_URL stays right). */
    async start() {
      if (!server) server = await listening(port);
    },
    close,
  };
}

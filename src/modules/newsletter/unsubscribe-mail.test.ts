import { eq, sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { unsubscribeMailJob } from "./inbound.ts";
import { newsletterSubscribers } from "./schema.ts";

const unsubscribeAddress = "peru-tilaus@uudistamo.test";

/**
 * Unsubscribe by mail, end to end: the List-Unsubscribe mailto names MAIL_UNSUBSCRIBE_ADDRESS with the subscriber's
 * token in the subject; a mail program (nodemailer here) sends to it over SMTP, the app's inbound listener takes it
 * and a job unsubscribes through the same service call as the page. Mail to any other address, or without a valid
 * token, is refused in the SMTP conversation and changes nothing.
 */
describe("unsubscribe by mail (MAIL_UNSUBSCRIBE_ADDRESS, MAIL_INBOUND_PORT)", () => {
  let app: TestApp;
  let transport: ReturnType<typeof createTransport>;
  beforeAll(async () => {
    app = await startTestApp({
      env: { MAIL_UNSUBSCRIBE_ADDRESS: unsubscribeAddress, MAIL_INBOUND_PORT: "0", MAIL_INBOUND_HOST: "127.0.0.1" },
    });
    const listening = app.platform.services.newsletterMailbox.address();
    if (!listening) throw new Error("the unsubscribe listener is not listening");
    transport = createTransport({ host: listening.host, port: listening.port, secure: false, ignoreTLS: true });
  }, 180_000);
  afterAll(async () => {
    transport?.close();
    await app?.close();
  });

  const rowOf = async (email: string) =>
    (await app.database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0];

  /** A confirmed subscriber and the mailto of their mail's List-Unsubscribe. */
  async function subscriber(email: string) {
    const subscribers = app.platform.services.newsletterSubscribers;
    await subscribers.subscribe({ actor: null, locale: "fi" }, { email, locale: "fi", consent: true });
    const mail = await app.smtp.waitFor(email, 15_000);
    const confirm = /\/newsletter\/confirm\?token=([\w.%-]+)/.exec(mail.text)?.[1] ?? "";
    await subscribers.confirm({ actor: null, locale: "fi" }, { token: decodeURIComponent(confirm) });
    const header = (mail.headers["list-unsubscribe"] ?? "").replace(/\s+/g, " ");
    expect(header).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\?token=[^>]+>, <mailto:[^>]+>$/);
    const mailto = new URL(/<(mailto:[^>]+)>/.exec(header)?.[1] ?? "");
    expect(mailto.pathname).toBe(unsubscribeAddress);
    const subject = mailto.searchParams.get("subject") ?? "";
    const token = decodeURIComponent(/token=([^>&]+)/.exec(header)?.[1] ?? "");
    // The mailto's token is the link's.
    expect(subject).toBe(`unsubscribe ${token}`);
    return { to: mailto.pathname, subject, row: await rowOf(email) };
  }

  async function gone(email: string) {
    const deadline = Date.now() + 20_000;
    while ((await rowOf(email)) !== undefined) {
      if (Date.now() > deadline) throw new Error(`${email} is still subscribed`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const refusal = (mail: { to: string; subject: string }) =>
    transport.sendMail({ from: "tilaaja@example.test", text: "", ...mail }).then(
      () => null,
      (error: { responseCode?: number; response?: string }) => error,
    );

  it("unsubscribes from the mail the mailto makes, through a job whose data does not show the token", async () => {
    const email = "postitse.peruva@example.test";
    const { to, subject, row } = await subscriber(email);
    expect(row?.status).toBe("confirmed");
    const sent = await transport.sendMail({ from: email, to, subject, text: "" });
    expect(sent.response).toMatch(/^250 /);
    await gone(email);
    await expectAudited(app.database.db, {
      module: "newsletter",
      action: "subscriber.unsubscribe",
      targetId: row?.id ?? "",
      actorId: null,
    });
    // The job is marked completed just after its handler's transaction commits.
    let rows: { state: string; data: string }[] = [];
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      // Both drivers answer { rows }.
      const result = (await app.database.db.execute(
        sql`select state, data::text as data from pgboss.job where name = ${unsubscribeMailJob}`,
      )) as unknown as { rows: typeof rows };
      rows = result.rows;
      if (rows[0]?.state === "completed") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(rows.map((j) => j.state)).toEqual(["completed"]);
    expect(rows[0]?.data).not.toContain(subject.replace("unsubscribe ", ""));
    // A second mail of the same token (a resend): taken, and nothing more happens.
    expect((await transport.sendMail({ from: email, to, subject, text: "" })).response).toMatch(/^250 /);
  });

  it("reads a subject the mail program encoded (RFC 2047) and an address in other case", async () => {
    const email = "koodattu.otsikko@example.test";
    const { subject } = await subscriber(email);
    // A non-ASCII character makes nodemailer send the subject as encoded words.
    const sent = await transport.sendMail({
      from: email,
      to: unsubscribeAddress.toUpperCase(),
      subject: `Peru tilaus – ${subject}`,
      text: "Kiitos uutiskirjeestä.",
    });
    expect(sent.response).toMatch(/^250 /);
    await gone(email);
  });

  it("refuses mail to another address, without a token or with a forged one, and changes nothing", async () => {
    const email = "pysyva.tilaaja@example.test";
    const { to, subject } = await subscriber(email);
    const other = await refusal({ to: "info@uudistamo.test", subject });
    expect(other?.responseCode).toBe(550);
    expect((await refusal({ to, subject: "unsubscribe" }))?.responseCode).toBe(550);
    const forged = `${subject.slice(0, -2)}${subject.endsWith("aa") ? "bb" : "aa"}`;
    const refused = await refusal({ to, subject: forged });
    expect(refused?.responseCode).toBe(550);
    expect(refused?.response).toContain("No valid unsubscribe token");
    // Give a wrongly queued job the time it would need, then check.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await rowOf(email))?.status).toBe("confirmed");
  });
});

/** Without MAIL_UNSUBSCRIBE_ADDRESS the header carries only the URL (RFC 8058 needs no more), and nothing listens. */
describe("unsubscribe by mail not configured", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 180_000);
  afterAll(() => app?.close());

  it("sends List-Unsubscribe with the URL only", async () => {
    const email = "vain.linkki@example.test";
    await app.platform.services.newsletterSubscribers.subscribe(
      { actor: null, locale: "fi" },
      { email, locale: "fi", consent: true },
    );
    const mail = await app.smtp.waitFor(email, 15_000);
    expect(mail.headers["list-unsubscribe"]?.replace(/\s+/g, " ")).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\?token=[^>]+>$/,
    );
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(app.platform.services.newsletterMailbox.address()).toBeNull();
  });
});

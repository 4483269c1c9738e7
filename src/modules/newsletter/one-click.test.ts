import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { api, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { translate } from "../../i18n/translate.ts";
import { newsletterSubscribers, newsletterSuppressions } from "./schema.ts";

/**
 * RFC 8058 one-click unsubscribe: every newsletter mail's List-Unsubscribe URL takes a POST from the mail program
 * (no Origin, no cookie), and the OpenAPI document lists it beside the JSON API.
 */
describe("one-click unsubscribe (POST /newsletter/unsubscribe)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ web: true });
  }, 180_000);
  afterAll(() => app?.close());

  /** A confirmed subscriber and the List-Unsubscribe URL of their mail. */
  async function subscriber(email: string) {
    const subscribers = app.platform.services.newsletterSubscribers;
    await subscribers.subscribe({ actor: null, locale: "fi" }, { email, locale: "fi", consent: true });
    const mail = await app.smtp.waitFor(email, 15_000);
    const confirm = /\/newsletter\/confirm\?token=([\w.%-]+)/.exec(mail.text)?.[1] ?? "";
    await subscribers.confirm({ actor: null, locale: "fi" }, { token: decodeURIComponent(confirm) });
    const url = /<(http[^>]+)>/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1] ?? "";
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    return { url };
  }
  const rowsOf = (email: string) =>
    app.database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email));
  const oneClick = (url: string, type = "application/x-www-form-urlencoded") =>
    fetch(url, { method: "POST", headers: { "content-type": type }, body: "List-Unsubscribe=One-Click" });

  it("is listed in the OpenAPI document: the POST with its token and form body, the GET page", async () => {
    const document = (await api(app, "/api/openapi.json")).json as unknown as {
      paths: Record<string, Record<string, { requestBody?: { content: object }; parameters?: { name: string }[] }>>;
    };
    const path = document.paths["/newsletter/unsubscribe"];
    expect(Object.keys(path ?? {}).sort()).toEqual(["get", "post"]);
    expect(path?.post?.parameters?.map((p) => p.name)).toEqual(["token"]);
    expect(Object.keys(path?.post?.requestBody?.content ?? {})).toEqual([
      "application/x-www-form-urlencoded",
      "multipart/form-data",
    ]);
    // The JSON equivalent stays listed too.
    expect(Object.keys(document.paths)).toContain("/api/newsletter/unsubscriptions");
  });

  it("unsubscribes by the mail program's POST, without Origin or cookie: the address deleted, its hash kept", async () => {
    const email = "yksi.klikkaus@example.test";
    const { url } = await subscriber(email);
    const [row] = await rowsOf(email);
    expect(row?.status).toBe("confirmed");
    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(translate("fi", "newsletter.unsubscribe.done"));
    expect(await rowsOf(email)).toEqual([]);
    expect(await app.database.db.select().from(newsletterSuppressions)).toHaveLength(1);
    await expectAudited(app.database.db, {
      module: "newsletter",
      action: "subscriber.unsubscribe",
      targetId: row?.id ?? "",
      actorId: null,
    });
    // A mail program's retry, also as multipart: the same answer.
    const boundary = "----one-click";
    const again = await fetch(url, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(again.status).toBe(200);
  });

  it("refuses a forged token with 400 and the translated message, and changes nothing", async () => {
    const email = "vaara.linkki@example.test";
    const { url } = await subscriber(email);
    const forged = new URL(url);
    const token = forged.searchParams.get("token") ?? "";
    forged.searchParams.set("token", `${token.slice(0, -2)}xx`);
    const response = await oneClick(forged.toString());
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(translate("fi", "newsletter.token.invalid"));
    expect((await rowsOf(email))[0]?.status).toBe("confirmed");
  });
});

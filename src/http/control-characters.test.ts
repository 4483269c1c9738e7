import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser } from "../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";

const nul = "\u0000";
const dirty = (text: string) => `${text}${nul}\u0007\u001b[31m`;
let keys = 0;
const key = () => `control-${++keys}`;

/**
 * NUL and other control characters in any text field: the shared input layer
 * removes them (src/core/clean-text.ts), so no field ever gives a 5xx.
 */
describe("text with control characters", () => {
  let app: TestApp;
  let staff: string;
  let admin: string;
  let wallId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const s = await createPerson(app.database, "staff");
    const a = await createPerson(app.database, "admin");
    [staff, admin] = await Promise.all([signIn(app, s.email, s.password), signIn(app, a.email, a.password)]);
    const wall = await api(app, "/api/walls", { method: "POST", cookie: staff, body: { title: dirty("Seinä") } });
    expect(wall.status).toBe(201);
    expect(wall.json.title).toBe("Seinä");
    wallId = wall.json.id as string;
  });
  afterAll(() => app.close());

  it("stores a wall post's text, title and author without them", async () => {
    const anna = httpBrowser(app);
    const post = await anna.call(`/api/walls/${wallId}/posts`, {
      method: "POST",
      body: { body: dirty("Hyvä\r\navaus"), title: dirty("Otsikko"), authorName: dirty("Anna"), idempotencyKey: key() },
    });
    expect(post.status).toBe(201);
    expect(post.json).toMatchObject({ body: "Hyvä\navaus", title: "Otsikko", authorName: "Anna" });

    const edited = await anna.call(`/api/posts/${post.json.id}`, {
      method: "PATCH",
      body: { body: dirty("Muokattu") },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.body).toBe("Muokattu");

    const reported = await httpBrowser(app).call(`/api/posts/${post.json.id}/reports`, {
      method: "POST",
      body: { reason: dirty("Asiaton") },
    });
    expect(reported.status).toBeLessThan(300);
  });

  it("refuses a post that is empty once invisible characters are removed, with a translated message", async () => {
    const response = await httpBrowser(app).call(`/api/walls/${wallId}/posts`, {
      method: "POST",
      body: { body: `\u200b\u200d${nul}\u2060 \ufeff`, idempotencyKey: key() },
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "body" }] });
  });

  it("stores an image's alternative text without them", async () => {
    const anna = httpBrowser(app);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#336" } })
      .png()
      .toBuffer();
    // A control character in a part's header is malformed multipart (RFC 7578; no file system names a file so):
    // the streaming parser refuses the request, translated, and stores nothing.
    const hostile = await anna.upload(wallId, png, `kuva${nul}.png`);
    expect(hostile.status).toBe(400);
    expect(hostile.json).toMatchObject({ code: "MALFORMED_BODY", message: expect.stringMatching(/\S/) });
    const upload = await anna.upload(wallId, png, "kuva.png");
    expect(upload.status).toBe(201);
    const post = await anna.call(`/api/walls/${wallId}/posts`, {
      method: "POST",
      body: {
        body: "Kuva",
        attachmentFileId: upload.json.fileId,
        attachmentAlt: dirty("Sali täynnä"),
        idempotencyKey: key(),
      },
    });
    expect(post.status).toBe(201);
    expect(JSON.stringify(post.json)).toContain('"Sali täynnä"');
    expect(JSON.stringify(post.json)).not.toMatch(/\\u0000|\\u0007|\\u001b/);
  });

  it("never gives a 5xx in the other modules' text fields", async () => {
    const writes: [string, string, string, Record<string, unknown>][] = [
      [admin, "POST", "/api/organisations", { name: dirty("Kotkan kaupunki"), kind: "municipality" }],
      [admin, "POST", "/api/invitations", { email: "uusi@example.test", name: dirty("Uusi Jäsen"), role: "member" }],
      [
        staff,
        "POST",
        "/api/events",
        {
          title: dirty("Aluekierros"),
          description: dirty("Kuvaus"),
          date: "2018-03-14",
          startTime: "12:00",
          endTime: "16:00",
          city: dirty("Kouvola"),
        },
      ],
      [staff, "POST", "/api/groups", { name: dirty("Maakuntastrategia"), description: dirty("Ryhmä") }],
      [staff, "POST", "/api/walls", { title: `${nul}`, description: dirty("x") }],
    ];
    for (const [cookie, method, path, body] of writes) {
      const response = await api(app, path, { method, cookie, body });
      expect(response.status, `${method} ${path}: ${response.text}`).toBeLessThan(500);
      expect(response.text).not.toMatch(/\\u0000|\\u0007|\\u001b/);
    }
    const event = await api(app, "/api/events", {
      method: "POST",
      cookie: staff,
      body: { title: dirty("Seminaari"), date: "2018-03-15", startTime: "09:00", endTime: "12:00" },
    });
    expect(event.json.title).toBe("Seminaari");
    const registration = await api(app, `/api/events/${event.json.slug}/registrations`, {
      method: "POST",
      body: { name: dirty("Pekka"), organisation: dirty("Kotka") },
    });
    expect(registration.status).toBeLessThan(500);
  });

  it("stores the newer modules' texts without them and never gives a 5xx", async () => {
    const cases: [string, string, Record<string, unknown>, string, string][] = [
      [
        "/api/publishing/posts",
        staff,
        {
          kind: "blog",
          locale: "fi",
          title: dirty("Allianssi"),
          summary: dirty("Tiivistelmä"),
          body: dirty("Teksti"),
          authorName: dirty("Satu Mäkelä"),
        },
        "title",
        "Allianssi",
      ],
      [
        "/api/alliances",
        staff,
        { name: dirty("Kasvupalveluallianssi"), kind: "service", startDate: "2025-01-01", endDate: "2027-12-31" },
        "name",
        "Kasvupalveluallianssi",
      ],
      ["/api/commitments/folders", staff, { name: dirty("Puitesopimukset") }, "name", "Puitesopimukset"],
    ];
    for (const [path, cookie, body, field, clean] of cases) {
      const response = await api(app, path, { method: "POST", cookie, body });
      expect(response.status, `POST ${path}: ${response.text}`).toBe(201);
      expect(
        (response.json as Record<string, unknown>)[field] ??
          (response.json as { item?: Record<string, unknown> }).item?.[field],
      ).toBe(clean);
    }
    const subscribe = await api(app, "/api/newsletter/subscriptions", {
      method: "POST",
      body: { email: `tilaaja${nul}@example.test`, locale: "fi", topics: [], consent: true },
    });
    expect(subscribe.status, subscribe.text).toBeLessThan(500);
  });

  it("answers a NUL in a page's or a feed's address with a 4xx, not a 5xx", async () => {
    for (const path of [
      "/blog/%00",
      "/blog/tag/%00",
      "/feeds/tag/%00/rss.xml",
      "/search?q=%00",
      "/api/search?q=%00",
      "/newsletter/archive/%00",
      "/alliances/%00",
      "/commitments/contracts/%00",
    ]) {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie: staff } });
      expect(response.status, path).toBeLessThan(500);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { photoLikeJpeg } from "../files/test-images.ts";
import { postFor } from "./test-fixture.ts";

describe("posts over HTTP", () => {
  let app: TestApp;
  let cookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff");
    cookie = await signIn(app, staff.email, staff.password);
    const admin = await createPerson(app.database, "admin");
    adminCookie = await signIn(app, admin.email, admin.password);
  });
  afterAll(() => app.close());

  const uploadCover = async (bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${app.url}/api/publishing/posts/covers`, {
      method: "POST",
      headers: { origin: app.url, cookie },
      body: form,
    });
  };

  it("writes a post with a cover, shows the cover only once the post is published, and keeps drafts private", async () => {
    const upload = await uploadCover(await photoLikeJpeg(400, 300), "kansi.jpg");
    expect(upload.status).toBe(201);
    const { fileId } = (await upload.json()) as { fileId: string };
    const created = await api(app, "/api/publishing/posts", {
      method: "POST",
      cookie,
      body: postFor({ coverFileId: fileId, coverAlt: "Kotkan satama iltavalossa" }),
    });
    expect(created.status).toBe(201);
    expect(created.json.cover).toEqual({ path: `/blog/covers/${fileId}`, alt: "Kotkan satama iltavalossa" });
    const slug = String(created.json.slug);
    expect((await fetch(`${app.url}/blog/covers/${fileId}`)).status).toBe(404);
    expect((await api(app, `/api/publishing/posts/by-slug/${slug}`)).status).toBe(404);
    expect((await api(app, `/api/publishing/posts/by-slug/${slug}`, { cookie })).status).toBe(200);

    expect(
      (await api(app, `/api/publishing/posts/${created.json.id}/publish`, { method: "POST", cookie, body: {} })).status,
    ).toBe(200);
    const cover = await fetch(`${app.url}/blog/covers/${fileId}`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get("content-type")).toBe("image/jpeg");
    const read = await api(app, `/api/publishing/posts/by-slug/${slug}`);
    expect(read.status).toBe(200);
    expect(read.json).not.toHaveProperty("body");
    // The same upload cannot be claimed by a second post.
    const again = await api(app, "/api/publishing/posts", {
      method: "POST",
      cookie,
      body: postFor({ coverFileId: fileId, coverAlt: "Sama kuva" }),
    });
    expect(again.status).toBe(400);
    expect(again.json.issues).toEqual([
      { path: "coverFileId", message: "Kansikuvaa ei löydy tai se on jo käytössä. Lataa kuva uudelleen." },
    ]);
  });

  it("refuses a cover that is not an image, and a visitor's upload", async () => {
    const text = await uploadCover(new TextEncoder().encode("%PDF-1.4 not an image"), "kansi.jpg");
    expect([415]).toContain(text.status);
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(await photoLikeJpeg(40, 30))]), "x.jpg");
    const anonymous = await fetch(`${app.url}/api/publishing/posts/covers`, {
      method: "POST",
      headers: { origin: app.url },
      body: form,
    });
    expect(anonymous.status).toBe(401);
  });

  it("refuses bad input with 400 naming the field, translated", async () => {
    const created = await api(app, "/api/publishing/posts", { method: "POST", cookie, body: postFor() });
    const id = String(created.json.id);
    const past = await api(app, `/api/publishing/posts/${id}/publish`, {
      method: "POST",
      cookie,
      body: { publishAt: "2017-01-01T10:00:00+02:00" },
    });
    expect(past.status).toBe(400);
    expect(past.json.issues).toEqual([
      { path: "publishAt", message: "Julkaisuaika on jo mennyt. Valitse tuleva aika tai julkaise heti." },
    ]);
    const alt = await api(app, `/api/publishing/posts/${id}`, {
      method: "PATCH",
      cookie,
      body: { body: "![](https://example.org/x.png)" },
    });
    expect(alt.status).toBe(400);
    expect(alt.json.issues).toEqual([
      { path: "body", message: "Jokaisella kuvalla pitää olla vaihtoehtoinen teksti: ![kuvaus](osoite)." },
    ]);
    expect((await api(app, `/api/publishing/posts/${id}`, { cookie })).json.body).toBe(postFor().body);
    const scheduled = await api(app, `/api/publishing/posts/${id}/publish`, {
      method: "POST",
      cookie,
      body: { publishAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(scheduled.json.status).toBe("scheduled");
    expect((await api(app, "/api/publishing/posts?cursor=nonsense")).status).toBe(400);
  });

  it("sets the office's contact details as an admin; anyone reads them", async () => {
    const office = {
      name: "Muutostoimisto",
      address: "Karhulantie 30, 2. krs\n48600 Kotka",
      email: "muutostoimisto@example.fi",
      openingHours: { fi: "Ma–pe klo 9–15", sv: "Mån–fre kl. 9–15", en: "Mon–Fri 9 am–3 pm" },
    };
    expect((await api(app, "/api/site/office", { method: "PUT", cookie, body: office })).status).toBe(403);
    expect(
      (await api(app, "/api/site/office", { method: "PUT", cookie: adminCookie, body: { ...office, email: "ei" } }))
        .status,
    ).toBe(400);
    expect((await api(app, "/api/site/office", { method: "PUT", cookie: adminCookie, body: office })).status).toBe(200);
    expect((await api(app, "/api/site/office")).json).toMatchObject({ ...office, phone: "" });
  });

  it("lists every route, the feeds and the covers in the OpenAPI document", async () => {
    const paths = Object.keys((await api(app, "/api/openapi.json")).json.paths as object);
    for (const path of [
      "/api/publishing/posts",
      "/api/publishing/posts/all",
      "/api/publishing/posts/{id}",
      "/api/publishing/posts/{id}/publish",
      "/api/publishing/posts/{id}/unpublish",
      "/api/publishing/posts/{id}/revisions",
      "/api/publishing/posts/by-slug/{slug}",
      "/api/publishing/posts/covers",
      "/api/publishing/tags",
      "/api/publishing/archive",
      "/api/site/office",
      "/feeds/{file}",
      "/feeds/tag/{tag}/{file}",
      "/feeds/lang/{locale}/{file}",
      "/blog/covers/{id}",
    ])
      expect(paths, path).toContain(path);
  });
});

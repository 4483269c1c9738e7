import { describe, expect, it } from "vitest";
import { api, startTestApp } from "../../test/support/server.ts";
import { useAppSignedIn } from "../../test/support/signed-in-app.ts";
import { organisations } from "../modules/people/schema.ts";

describe("the HTTP API", () => {
  const session = useAppSignedIn("admin");

  it("answers liveness and readiness checks", async () => {
    expect((await api(session.app, "/healthz")).json).toEqual({ status: "ok" });
    const ready = await api(session.app, "/readyz");
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ status: "ready" });
  });

  it("publishes an OpenAPI 3.1 document generated from the request schemas", async () => {
    const doc = await api(session.app, "/api/openapi.json");
    expect(doc.status).toBe(200);
    const spec = doc.json as unknown as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/me",
        "/api/organisations",
        "/api/organisations/{id}",
        "/api/people",
        "/api/people/{id}",
        "/api/invitations",
        "/api/audit",
      ]),
    );
    const body = spec.paths["/api/organisations"]?.post?.requestBody?.content["application/json"]?.schema as {
      properties: Record<string, { enum?: string[] }>;
      required: string[];
    };
    expect(body.required).toEqual(expect.arrayContaining(["name", "kind"]));
    expect(body.properties.kind?.enum).toContain("ely_centre");
    expect(spec.components.schemas.Error).toBeDefined();
  });

  it("answers an unknown API route with a JSON 404 {code, message}", async () => {
    const response = await api(session.app, "/api/no-such-thing");
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ code: "NOT_FOUND", message: "Sivua tai tietoa ei löytynyt." });
  });

  it("needs a session: 401 UNAUTHENTICATED without one", async () => {
    const response = await api(session.app, "/api/people");
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses malformed JSON with 400 MALFORMED_BODY and changes nothing", async () => {
    const before = await session.app.database.db.select().from(organisations);
    const response = await fetch(`${session.app.url}/api/organisations`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: session.app.url, cookie: session.cookie },
      body: '{"name": "Broken',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "MALFORMED_BODY" });
    expect(await session.app.database.db.select().from(organisations)).toHaveLength(before.length);
  });

  it("refuses invalid input with 400 VALIDATION_FAILED, per-field messages in the caller's language", async () => {
    const response = await api(session.app, "/api/organisations", {
      method: "POST",
      headers: { cookie: `${session.cookie}; uudistamo_lang=sv` },
      body: { name: "", kind: "castle" },
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "Kontrollera uppgifterna i formuläret.",
    });
    const issues = (response.json as unknown as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(["kind", "name"]);
    expect(issues.find((i) => i.path === "kind")?.message).toMatch(/Ogiltig/i);
  });

  it("refuses an oversized body with 413 PAYLOAD_TOO_LARGE", async () => {
    const small = await startTestApp({ env: { BODY_MAX_BYTES: "1024", UPLOAD_MAX_BYTES: "1024" } });
    try {
      const response = await fetch(`${small.url}/api/organisations`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: small.url },
        body: JSON.stringify({ name: "x".repeat(5000), kind: "other" }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    } finally {
      await small.close();
    }
  });

  it("refuses a cross-site form post (CSRF) with 403 and changes nothing", async () => {
    const before = await session.app.database.db.select().from(organisations);
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      {},
    ];
    for (const headers of foreign) {
      const response = await fetch(`${session.app.url}/api/organisations`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie, ...headers },
        body: "name=Evil&kind=other",
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "CSRF_REJECTED" });
    }
    expect(await session.app.database.db.select().from(organisations)).toHaveLength(before.length);
  });

  it("creates, lists and renames organisations for an admin", async () => {
    const created = await api(session.app, "/api/organisations", {
      method: "POST",
      cookie: session.cookie,
      body: { name: "Kotkan kaupunki", kind: "municipality" },
    });
    expect(created.status).toBe(201);
    const id = (created.json as unknown as { id: string }).id;
    const duplicate = await api(session.app, "/api/organisations", {
      method: "POST",
      cookie: session.cookie,
      body: { name: "Kotkan kaupunki", kind: "municipality" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({ code: "CONFLICT" });

    const renamed = await api(session.app, `/api/organisations/${id}`, {
      method: "PUT",
      cookie: session.cookie,
      body: { name: "Kotka", kind: "municipality" },
    });
    expect(renamed.status).toBe(200);
    const list = await api(session.app, "/api/organisations", { cookie: session.cookie });
    expect((list.json as unknown as { name: string }[]).map((o) => o.name)).toContain("Kotka");
    expect(
      (
        await api(session.app, `/api/organisations/${crypto.randomUUID()}`, {
          method: "PUT",
          cookie: session.cookie,
          body: { name: "Nope", kind: "other" },
        })
      ).status,
    ).toBe(404);
  });

  it("reads the audit log filtered by person and module", async () => {
    const log = await api(session.app, "/api/audit?module=people", { cookie: session.cookie });
    expect(log.status).toBe(200);
    const events = (log.json as unknown as { items: { module: string; action: string }[] }).items;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.module === "people")).toBe(true);
    expect(events.map((e) => e.action)).toContain("organisation.create");
    const bad = await api(session.app, "/api/audit?limit=5000", { cookie: session.cookie });
    expect(bad.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/support/server.ts";

/** A browser without JavaScript posts forms itself; a refusal before the page's action must still be a page. */
describe("refusals of a plain form post", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ web: true, env: { BODY_MAX_BYTES: "1024", UPLOAD_MAX_BYTES: "1024" } });
  });
  afterAll(() => app.close());

  const post = (path: string, headers: Record<string, string>, body: BodyInit) =>
    fetch(`${app.url}${path}`, { method: "POST", headers: { origin: app.url, ...headers }, body, redirect: "manual" });

  it("answers an oversized form with a translated page that leads back to the form", async () => {
    const body = new URLSearchParams({ email: "a@example.org", password: "x".repeat(5000) });
    const response = await post("/sign-in", { accept: "text/html", "accept-language": "sv" }, body);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<html lang="sv"[ >]/);
    expect(html).toContain("De skickade uppgifterna är för stora.");
    expect(html).toContain("De skickade uppgifterna är större än 1 kB.");
    expect(html).toContain('<a href="/sign-in">Tillbaka till formuläret</a>');
  });

  it("keeps JSON for the API and for clients that do not ask for HTML", async () => {
    const body = new URLSearchParams({ name: "x".repeat(5000) });
    const api = await post("/api/organisations", { accept: "text/html" }, body);
    expect(api.status).toBe(413);
    expect(await api.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const script = await post("/sign-in", { accept: "application/json" }, body);
    expect(script.status).toBe(413);
    expect(await script.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("holds a wall page's form without a file to the general limit (only a multipart body is streamed)", async () => {
    const body = new URLSearchParams({ intent: "join", code: "x".repeat(5000) });
    const response = await post("/w/some-wall", { accept: "text/html" }, body);
    expect(response.status).toBe(413);
  });

  it("escapes what it shows", async () => {
    const response = await post(
      "/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      "x".repeat(5000),
    );
    expect(response.status).toBe(413);
    expect(await response.text()).not.toContain("<script>");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, startTestApp, type TestApp } from "../../test/support/server.ts";

const elsewhere = [
  "/\\evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "//evil.example",
  "/\\/evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
];

/** `?next=` sends people back where they were, and never to another site. */
describe("redirects after switching language or signing in", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ web: true });
  });
  afterAll(() => app.close());

  it.each(elsewhere)("the language link with next=%s lands on the front page", async (next) => {
    // The raw query as an attacker would write it in a link (percent escapes kept as written).
    const response = await fetch(`${app.url}/language/sv?next=${next.replace(/\\/g, "%5C")}`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
  });

  it("the language link keeps a path on this site", async () => {
    const response = await fetch(`${app.url}/language/en?next=${encodeURIComponent("/events?x=1")}`, {
      redirect: "manual",
    });
    expect(response.headers.get("location")).toBe("/events?x=1");
  });

  it.each(elsewhere)("signing in with next=%s lands on the front page", async (next) => {
    const person = await createPerson(app.database, "member");
    const response = await fetch(`${app.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: new URLSearchParams({ email: person.email, password: person.password, next: decodeURIComponent(next) }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/support/server.ts";
import { createLogger } from "../logger.ts";

describe("the request log", () => {
  let app: TestApp;
  const written: string[] = [];
  const entries = () =>
    written
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    app = await startTestApp({ logger: createLogger("info", { write: (chunk) => written.push(chunk) }) });
  });
  afterAll(() => app.close());

  it("writes a line per request with the id the response carries, and never the query string", async () => {
    const response = await fetch(`${app.url}/healthz?token=secret-reset-token`);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = entries().find((e) => e.requestId === id);
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      extra: { method: "GET", path: "/healthz", status: 200 },
    });
    expect(written.join("")).not.toContain("secret-reset-token");
  });

  it("gives each request its own id", async () => {
    const [a, b] = await Promise.all([fetch(`${app.url}/healthz`), fetch(`${app.url}/api/nothing-here`)]);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });
});

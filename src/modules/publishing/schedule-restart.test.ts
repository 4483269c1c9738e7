import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, prepareApp, signIn } from "../../../bench/app-process.ts";
import { postFor } from "./test-fixture.ts";

/**
 * A post scheduled a few seconds ahead, then the server killed with SIGKILL before its time and started again after
 * it, on the same PGlite folder (or PostgreSQL database with TEST_DATABASE_URL): the publish job was committed with
 * the schedule, so the restarted server publishes it.
 */
const pgServerUrl = process.env.TEST_DATABASE_URL;

describe(`scheduled publishing across a kill -9 and restart (${pgServerUrl ? "PostgreSQL" : "PGlite"})`, () => {
  let app: AppProcess | undefined;

  beforeAll(async () => {
    app = await prepareApp({
      driver: pgServerUrl ? "postgres" : "pglite",
      pgServerUrl,
      label: "publish_restart_test",
      env: { LOG_LEVEL: "error", JOBS_POLL_SECONDS: "0.5" },
    });
    await app.start();
  }, 120_000);
  afterAll(async () => {
    await app?.dispose();
  }, 60_000);

  it("publishes the post at its time after the restart", async () => {
    if (!app) throw new Error("no server");
    const { base } = app;
    const cookie = await signIn(base, app.staff.email, app.staff.password);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}/api/publishing${path}`, {
        method,
        headers: { origin: base, cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const created = await call("POST", "/posts", postFor({ title: "Ajastettu kaatumisen yli" }));
    const publishAt = new Date(Date.now() + 4000);
    const scheduled = await call("POST", `/posts/${created.id}/publish`, { publishAt: publishAt.toISOString() });
    expect(scheduled.status).toBe("scheduled");
    await app.stop("SIGKILL");

    const visible = async () => (await fetch(`${base}/api/publishing/posts/by-slug/${created.slug}`)).status;
    await new Promise((r) => setTimeout(r, Math.max(0, publishAt.getTime() - Date.now()) + 500));
    await app.start();
    const until = Date.now() + 45_000;
    let status = await visible();
    while (status !== 200 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 250));
      status = await visible();
    }
    expect(status).toBe(200);
    const page = (await (await fetch(`${base}/api/publishing/posts?limit=5`)).json()) as { items: { id: string }[] };
    expect(page.items.map((p) => p.id)).toContain(created.id);
  }, 180_000);
});

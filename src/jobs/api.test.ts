import { describe, expect, it } from "vitest";
import { useAppAsEachRole } from "../../test/support/role-visitors.ts";
import { api } from "../../test/support/server.ts";

interface JobJson {
  id: string;
  name: string;
  state: string;
  attempts: number;
  retryLimit: number;
  error: string | null;
}

describe("failed jobs, as admins see them", () => {
  const visitors = useAppAsEachRole();
  const { cookies } = visitors;

  it("retries a failing job with growing waits, then shows it failed with its error and without its data", async () => {
    const startedAt: number[] = [];
    visitors.app.platform.jobs.define(
      "test.always-fails",
      async () => {
        startedAt.push(Date.now());
        throw new Error(`mail server said no (attempt ${startedAt.length})`);
      },
      { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true },
    );
    const id = await visitors.app.platform.jobs.send("test.always-fails", { secret: "do-not-show-4711" });

    let failed: JobJson | undefined;
    const deadline = Date.now() + 25_000;
    while (!failed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const jobs = await api(visitors.app, "/api/jobs", { cookie: cookies.admin });
      expect(jobs.status).toBe(200);
      expect(jobs.text).not.toContain("do-not-show-4711");
      failed = (jobs.json.failed as unknown as JobJson[]).find((job) => job.id === id);
    }
    expect(failed).toMatchObject({
      name: "test.always-fails",
      state: "failed",
      attempts: 3,
      retryLimit: 2,
      error: "mail server said no (attempt 3)",
    });
    expect(failed).not.toHaveProperty("data");
    // Backoff: the waits before the retries are at least 1 s and then at least 2 s (1 s doubled).
    const [first = 0, second = 0, third = 0] = startedAt;
    expect(startedAt).toHaveLength(3);
    expect(second - first).toBeGreaterThanOrEqual(1000);
    expect(third - second).toBeGreaterThanOrEqual(2000);
    const overview = await api(visitors.app, "/api/jobs", { cookie: cookies.admin });
    expect((overview.json.counts as unknown as Record<string, number>).failed).toBeGreaterThanOrEqual(1);
  });

  it("is for admins only", async () => {
    expect((await api(visitors.app, "/api/jobs", { cookie: cookies.staff })).status).toBe(403);
    expect((await api(visitors.app, "/api/jobs")).status).toBe(401);
  });
});

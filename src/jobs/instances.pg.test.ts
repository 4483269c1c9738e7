import { describe, expect, it } from "vitest";
import { useTwoInstances } from "../../test/support/role-visitors.ts";

// Only in the PostgreSQL project (vitest.config.ts): two app instances share one PostgreSQL
// database, which embedded PGlite cannot do by design.
describe("jobs with two app instances on one PostgreSQL database", () => {
  const apps = useTwoInstances();

  it("runs each job once, on whichever instance takes it", async () => {
    // Every run of the job on either instance, in one list: a job run twice would be in it twice.
    const runs: { id: string; instance: string }[] = [];
    for (const [instance, app] of [
      ["first", apps.first],
      ["second", apps.second],
    ] as const) {
      app.platform.jobs.define("test.count-runs", async (_data, job) => {
        runs.push({ id: job.id, instance });
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    }
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        (n % 2 ? apps.first : apps.second).platform.jobs.send("test.count-runs", { n }),
      ),
    );
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { counts } = await apps.first.platform.jobs.overview();
      if (counts.completed === 30 && counts.queued === 0 && counts.running === 0) break;
      if (Date.now() > deadline) throw new Error(`not all jobs ran: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(runs.map((run) => run.id).sort()).toEqual([...ids].sort());
  });
});

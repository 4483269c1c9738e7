import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";

describe("the jobs page", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ web: true });
  });
  afterAll(() => app.close());

  it("shows admins the counts and the failed jobs with their errors, in tables with captions and headers", async () => {
    app.platform.jobs.define(
      "test.page-fails",
      async () => {
        throw new Error("Postipalvelin ei vastannut");
      },
      { retryLimit: 0 },
    );
    await app.platform.jobs.send("test.page-fails", { link: "https://x.example/?token=sivulla-ei-4711" });
    const deadline = Date.now() + 15_000;
    while ((await app.platform.jobs.overview()).counts.failed === 0) {
      if (Date.now() > deadline) throw new Error("the job did not fail in time");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const admin = await createPerson(app.database, "admin");
    const cookie = await signIn(app, admin.email, admin.password);
    const response = await fetch(`${app.url}/admin/jobs`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1");
    expect(html).toContain("Taustatyöt");
    expect(html).toContain("<caption>Työt tiloittain</caption>");
    expect(html).toContain("<caption>Epäonnistuneet työt, viimeisin ensin</caption>");
    expect(html).toMatch(/<th scope="row"[^>]*>Epäonnistuneet<\/th><td[^>]*>1<\/td>/);
    expect(html).toContain('scope="col"');
    expect(html).toContain("Postipalvelin ei vastannut");
    expect(html).toContain('href="/admin/jobs"');
    expect(html).not.toContain("sivulla-ei-4711");
  });

  it("is not shown to staff", async () => {
    const staff = await createPerson(app.database, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    const response = await fetch(`${app.url}/admin/jobs`, { headers: { cookie } });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('href="/admin/jobs"');
  });
});

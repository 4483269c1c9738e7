import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { type GroupFixture, groupFixture } from "../../../test/support/group-visitors.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { zipParts } from "../deliverables/export/office.testing.ts";
import { strategyWithIndicator } from "./test-fixture.ts";

describe("the strategy's analysis, import and exports over HTTP", () => {
  let app: TestApp;
  let f: GroupFixture;
  let staff: string;
  let member: string;
  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
    const people = await Promise.all([createPerson(app.database, "staff"), createPerson(app.database, "member")]);
    staff = await signIn(app, people[0]?.email ?? "", people[0]?.password ?? "");
    member = await signIn(app, people[1]?.email ?? "", people[1]?.password ?? "");
  });
  afterAll(() => app.close());

  it("attaches the operating-environment analysis as a deliverable from the built-in template, once", async () => {
    const { strategy } = await strategyWithIndicator(app, f.callers.staff);
    const refused = await api(app, `/api/strategies/${strategy.id}/environment`, {
      method: "POST",
      cookie: member,
      body: { groupId: f.group.id },
    });
    expect(refused.status).toBe(403);
    const made = await api(app, `/api/strategies/${strategy.id}/environment`, {
      method: "POST",
      cookie: staff,
      body: { groupId: f.group.id, locale: "sv" },
    });
    expect(made.status).toBe(201);
    const deliverableId = made.json.deliverableId as string;
    await expectAudited(app.database.db, {
      module: "strategy",
      action: "environment.create",
      targetId: strategy.id,
      details: { deliverableId, groupId: f.group.id },
    });
    await expectAudited(app.database.db, {
      module: "deliverables",
      action: "deliverable.create",
      targetId: deliverableId,
    });
    const read = await api(app, `/api/strategies/${strategy.id}/environment`, { cookie: staff });
    const sections = (read.json.deliverable as { sections: { title: string }[] }).sections;
    expect(sections.map((s) => s.title)).toEqual(["Nuläge", "Kommande förändringar", "Förändringarnas konsekvenser"]);
    // The public reads the adopted strategy, not the private group's deliverable.
    expect((await api(app, `/api/strategies/${strategy.id}/environment`)).json).toMatchObject({
      deliverableId,
      deliverable: null,
    });
    const again = await api(app, `/api/strategies/${strategy.id}/environment`, {
      method: "POST",
      cookie: staff,
      body: { groupId: f.group.id },
    });
    expect(again.status).toBe(409);
  });

  it("imports by HTTP (dry run, refused commit, commit) and exports XLSX sheets and a DOCX with the chart", async () => {
    const { strategy, indicator } = await strategyWithIndicator(app, f.callers.staff);
    const send = (path: string, body: string, cookie = staff) =>
      fetch(`${app.url}/api/strategies/${strategy.id}/measurements/${path}`, {
        method: "POST",
        headers: { origin: app.url, cookie: `${cookie}; uudistamo_lang=en`, "content-type": "text/csv" },
        body,
      });
    const bad = `indicator;date;value\n${indicator.id};2022-12-31;x\n`;
    const check = await send("import/check", bad);
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({
      valid: false,
      errors: [{ row: 2, field: "value", message: expect.stringContaining("number") }],
    });
    const refused = await send("import", bad);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("rows.2.value");
    expect((await send("import", bad, member)).status).toBe(403);
    const good = await send("import", `indicator;date;value;source\n${indicator.id};2022-12-31;64;Tilastokeskus\n`);
    expect(good.status).toBe(201);

    const xlsx = await fetch(`${app.url}/strategies/${strategy.id}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(["Tavoitteet", "Indikaattorit", "Mittaukset"]);
    expect(book.getWorksheet("Mittaukset")?.getRow(2).values).toEqual([
      undefined,
      indicator.id,
      "2022-12-31",
      64,
      "Tilastokeskus",
      undefined,
      indicator.name,
    ]);
    const docx = await fetch(`${app.url}/strategies/${strategy.id}/export.docx`);
    expect(docx.status).toBe(200);
    const parts = zipParts(Buffer.from(await docx.arrayBuffer()));
    expect([...parts.keys()].some((n) => n.startsWith("word/media/") && n.endsWith(".png"))).toBe(true);
    const text = parts.get("word/document.xml") ?? "";
    expect(text).toContain(indicator.name);

    const doc = await api(app, "/api/openapi.json");
    const paths = Object.keys(doc.json.paths as object);
    for (const path of [
      "/api/strategies/{id}/measurements/import/check",
      "/api/strategies/{id}/measurements/import",
      "/api/strategies/{id}/environment",
      "/strategies/{id}/export.xlsx",
      "/strategies/{id}/export.docx",
    ])
      expect(paths).toContain(path);
  });
});

import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { type GroupFixture, groupFixture } from "../../../test/support/group-visitors.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { strategyMeasurements } from "./schema.ts";
import { strategyWithIndicator } from "./test-fixture.ts";

const csv = (text: string) => new TextEncoder().encode(text);

describe("importing measurements", () => {
  let app: TestApp;
  let f: GroupFixture;
  const imports = () => app.platform.services.strategyImports;
  const stored = async (indicatorId: string) =>
    app.database.db.select().from(strategyMeasurements).where(eq(strategyMeasurements.indicatorId, indicatorId));
  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
  });
  afterAll(() => app.close());

  it("lists every bad row by row and field, translated, and stores nothing, on the dry run and on the commit", async () => {
    const { strategy, indicator } = await strategyWithIndicator(app, f.callers.staff);
    await app.platform.services.strategies.createMeasurement(f.callers.staff, indicator.id, {
      date: "2021-12-31",
      value: "61",
    });
    const file = csv(
      [
        "indicator;date;value;source",
        `${indicator.name};2022-12-31;64,5;Tilastokeskus`,
        "Tuntematon;2022-12-31;1;",
        `${indicator.id};2023-12-31;paljon;`,
        `${indicator.id};2030-01-01;65;`,
        `${indicator.id};31.12.2021;62;`,
        `${indicator.name};2022-12-31;65;`,
      ].join("\r\n"),
    );
    const english = { ...f.callers.staff, locale: "en" as const };
    const report = await imports().check(english, strategy.id, file);
    expect(report.valid).toBe(false);
    expect(report.rows).toBe(6);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "indicator"],
      [4, "value"],
      [5, "date"],
      [6, "date"],
      [7, "date"],
    ]);
    expect(report.errors[0]?.message).toContain("no indicator “Tuntematon”");
    expect(report.errors[2]?.message).toContain("2021");
    expect(report.errors[3]?.message).toContain("already");
    expect(report.errors[4]?.message).toContain("row 2");
    await expect(imports().commit(f.callers.staff, strategy.id, file)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: expect.arrayContaining([{ path: "rows.3.indicator", message: expect.stringContaining("Tuntematon") }]),
    });
    expect((await stored(indicator.id)).map((m) => m.measuredOn)).toEqual(["2021-12-31"]);
  });

  it("stores every row of a good CSV or XLSX in one audited write", async () => {
    const { strategy, indicator } = await strategyWithIndicator(app, f.callers.staff);
    const committed = await imports().commit(
      f.callers.staff,
      strategy.id,
      csv(`\uFEFFIndikaattori,Päivämäärä,Arvo,Lähde\n${indicator.id},2022-12-31,64.5,"Tilastokeskus, 2023"\n`),
    );
    expect(committed).toMatchObject({ valid: true, stored: 1 });
    await expectAudited(app.database.db, {
      module: "strategy",
      action: "measurement.import",
      targetId: strategy.id,
      actorId: f.callers.staff.actor?.id,
      details: { count: 1, indicators: [indicator.id] },
    });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Mittaukset");
    sheet.addRow(["indicator", "date", "value", "source"]);
    sheet.addRow([indicator.name, new Date(Date.UTC(2023, 11, 31)), 66, "Tilastokeskus"]);
    sheet.addRow([indicator.name, "2024-12-31", "67,25", ""]);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    expect((await imports().check(f.callers.staff, strategy.id, xlsx)).errors).toEqual([]);
    await imports().commit(f.callers.staff, strategy.id, xlsx);
    expect((await stored(indicator.id)).map((m) => [m.measuredOn, m.value, m.source]).sort()).toEqual([
      ["2022-12-31", "64.5", "Tilastokeskus, 2023"],
      ["2023-12-31", "66", "Tilastokeskus"],
      ["2024-12-31", "67.25", ""],
    ]);
  });

  it("lets the responsible group import its own indicators of a public strategy only; others are refused", async () => {
    const own = await strategyWithIndicator(app, f.callers.staff, { groupId: f.group.id });
    const other = await app.platform.services.strategies.createGoal(f.callers.staff, own.strategy.id, {
      category: "wellbeing",
      title: "Muu tavoite",
    });
    const { indicator: foreign } = await app.platform.services.strategies.createIndicator(f.callers.staff, other.id, {
      name: "Muu mittari",
      direction: "higher_better",
      baselineValue: "1",
      baselineDate: "2020-12-31",
      targetValue: "2",
      targetDate: "2025-12-31",
    });
    const report = await imports().check(
      f.callers.groupMember,
      own.strategy.id,
      csv(`indicator;date;value\n${own.indicator.id};2022-12-31;64\n${foreign.id};2022-12-31;1\n`),
    );
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([[3, "indicator"]]);
    for (const who of ["member", "anonymous"] as const)
      await expect(
        imports().check(f.callers[who], own.strategy.id, csv("indicator;date;value\n")),
      ).rejects.toMatchObject({
        code: who === "member" ? "FORBIDDEN" : "UNAUTHENTICATED",
      });
    const drafted = await strategyWithIndicator(app, f.callers.staff, { groupId: f.group.id, status: "draft" });
    await expect(
      imports().commit(
        f.callers.groupMember,
        drafted.strategy.id,
        csv(`indicator;date;value\n${drafted.indicator.id};2022-12-31;1\n`),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a file without the columns or unreadable, naming the column", async () => {
    const { strategy } = await strategyWithIndicator(app, f.callers.staff);
    const report = await imports().check(f.callers.staff, strategy.id, csv("nimi;arvo\nx;1\n"));
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [1, "indicator"],
      [1, "date"],
    ]);
    const broken = await imports().check(f.callers.staff, strategy.id, new Uint8Array([0x50, 0x4b, 1, 2, 3]));
    expect(broken.errors).toMatchObject([{ row: 1, field: "file" }]);
  });
});

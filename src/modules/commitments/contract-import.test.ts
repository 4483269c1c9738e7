import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { loadExcel } from "../walls/outputs/xlsx.ts";
import { contracts } from "./schema.ts";

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
const header =
  "Kansio;Tyyppi;Nimi;Numero;Diaarinumero;Osapuolet;Sopimuskausi;Optiokausi;Irtisanomisaika;Tila;Arvo;Metatiedot";

describe("contract import (CSV/XLSX): a dry run naming every bad row, then all or nothing", () => {
  let app: TestApp;
  let staff: Caller;
  let staffLogin: { email: string; password: string };
  const folder = "Tietohallinto";

  const stored = async () => Number((await app.database.db.select({ n: count() }).from(contracts))[0]?.n ?? 0);

  beforeAll(async () => {
    app = await startTestApp();
    const person = await personCaller(app, "staff");
    staff = person.caller;
    staffLogin = person.person;
    await app.platform.services.contracts.createFolder(staff, { name: folder });
    await app.platform.services.contracts.createFolder(staff, { name: "Tilat" });
  }, 180_000);
  afterAll(() => app.close());

  const good = [
    header,
    `${folder};Puitesopimus;Tietohallintopalvelut;PS-1;POPMAK/12/2018;Toimittaja: Pohjois-Pohjanmaan sairaanhoitopiiri (0185968-5);1.1.2019 – 31.12.2019;1.1.2020 – 31.12.2020;3 kk;Voimassa;"125 000,50";kustannuspaikka=4100`,
    `Tilat;Vuokrasopimus;Toimitilat, Oulu;V-7;;Vuokranantaja: Oulun kaupunki (0187690-1);2018-06-01 –;;6 kk;Voimassa;;`,
  ];

  it("reports a wrong column, an end before a start, a notice longer than the contract and a duplicate number, by row and column, and stores nothing", async () => {
    const wrongColumn = await app.platform.services.contractImports.check(
      staff,
      csv([`${header};Väri`, good[1] ?? ""]),
    );
    expect(wrongColumn.valid).toBe(false);
    expect(wrongColumn.errors).toEqual([{ row: 1, field: "file", message: "Tuntematon sarake Väri." }]);

    const bad = [
      ...good,
      `${folder};Sopimus;Päättyy ennen alkua;PS-2;;;1.6.2019 – 31.5.2019;;;Voimassa;;`,
      `${folder};Sopimus;Liian pitkä irtisanomisaika;PS-3;;;1.1.2019 – 31.3.2019;;6 kk;Voimassa;;`,
      `${folder};Sopimus;Sama numero;PS-1;;;1.1.2019 – 31.12.2019;;;Voimassa;;`,
      `${folder};Tuntematon;Ei tyyppiä;PS-4;;;31.2.2019 – 31.12.2019;;;;;`,
      `${folder};Sopimus;Väärä Y-tunnus;PS-5;;Toimittaja: Yritys Oy (1234567-2);1.1.2019 – 31.12.2019;;;;;`,
    ];
    const report = await app.platform.services.contractImports.check(staff, csv(bad));
    expect(report.valid).toBe(false);
    expect(report.rows).toBe(7);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [4, "period"],
      [5, "notice"],
      [6, "number"],
      [7, "type"],
      [7, "period"],
      [8, "parties"],
    ]);
    const message = (row: number, field: string) =>
      report.errors.find((e) => e.row === row && e.field === field)?.message;
    expect(message(4, "period")).toBe("Päättymispäivä ei voi olla ennen alkamispäivää 1. kesäkuuta 2019.");
    expect(message(5, "notice")).toContain("Irtisanomisaika on pidempi kuin sopimus");
    expect(message(6, "number")).toBe("Sama numero PS-1 on samassa kansiossa jo rivillä 2.");
    expect(message(7, "type")).toBe("Tuntematon sopimustyyppi Tuntematon.");
    expect(message(8, "parties")).toContain("Y-tunnus");

    await expect(app.platform.services.contractImports.commit(staff, csv(bad))).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof AppError &&
        error.code === "VALIDATION_FAILED" &&
        error.issues.some((i) => i.path === "rows.5.notice") &&
        error.issues.some((i) => i.path === "rows.6.number"),
    );
    expect(await stored()).toBe(0);
  });

  it("stores every row of a good file in one write, each audited, and then refuses the same numbers again", async () => {
    const report = await app.platform.services.contractImports.commit(staff, csv(good));
    expect(report).toMatchObject({ valid: true, stored: 2, rows: 2 });
    expect(await stored()).toBe(2);
    const [imported] = await app.database.db.select().from(contracts).where(eq(contracts.number, "PS-1"));
    expect(imported).toMatchObject({
      type: "framework_agreement",
      name: "Tietohallintopalvelut",
      diaryNumber: "POPMAK/12/2018",
      startDate: "2019-01-01",
      endDate: "2019-12-31",
      noticePeriod: 3,
      noticeUnit: "months",
      noticeDeadline: "2019-09-30",
      valueCents: 12_500_050n,
      status: "active",
      metadata: { kustannuspaikka: "4100" },
    });
    const view = await app.platform.services.contracts.getContract(staff, imported?.id ?? "");
    expect(view.parties.map((p) => [p.role, p.name, p.businessId])).toEqual([
      ["supplier", "Pohjois-Pohjanmaan sairaanhoitopiiri", "0185968-5"],
    ]);
    expect(view.optionPeriods.map((p) => [p.startDate, p.endDate])).toEqual([["2020-01-01", "2020-12-31"]]);
    const [lease] = await app.database.db.select().from(contracts).where(eq(contracts.number, "V-7"));
    expect(lease).toMatchObject({ openEnded: true, endDate: null, noticeDeadline: null });
    await expectAudited(app.database.db, { module: "commitments", action: "contract.import", targetId: null });
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "contract.create",
      targetId: imported?.id ?? "",
      actorId: staff.actor?.id ?? null,
    });

    const again = await app.platform.services.contractImports.check(staff, csv(good));
    expect(again.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, "number", "Kansiossa on jo sopimus numerolla PS-1."],
      [3, "number", "Kansiossa on jo sopimus numerolla V-7."],
    ]);
  });

  it("reads XLSX with English titles and Excel's own dates and numbers", async () => {
    const Excel = await loadExcel();
    const workbook = new Excel.Workbook();
    const sheet = workbook.addWorksheet("Contracts");
    sheet.addRow(["Folder", "Type", "Name", "Number", "Period", "Notice period", "Value (€)"]);
    sheet.addRow([folder, "Licence", "Office licences", "L-1", "2019-01-01 – 2019-12-31", "30 days", 4500.25]);
    sheet.addRow([folder, "licence", "Second licence", "L-2", "2019-01-01 – 2019-12-31", "", ""]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await app.platform.services.contractImports.commit({ ...staff, locale: "en" }, bytes);
    expect(report).toMatchObject({ valid: true, stored: 2 });
    const [licence] = await app.database.db.select().from(contracts).where(eq(contracts.number, "L-1"));
    expect(licence).toMatchObject({ type: "licence", valueCents: 450_025n, noticePeriod: 30, noticeUnit: "days" });
  });

  it("takes a multipart upload over HTTP: ?dryRun=true stores nothing, then the commit; a member is refused", async () => {
    const cookie = await signIn(app, staffLogin.email, staffLogin.password);
    const send = (lines: string[], query = "") => {
      const form = new FormData();
      form.set("file", new Blob([csv(lines)], { type: "text/csv" }), "sopimukset.csv");
      return fetch(`${app.url}/api/commitments/contracts/import${query}`, {
        method: "POST",
        headers: { origin: app.url, cookie },
        body: form,
      });
    };
    const lines = [header, `${folder};Hankinta;Koulutuspalvelut;H-9;;;1.3.2019 – 30.6.2019;;1 kk;Luonnos;;`];
    const before = await stored();
    const dry = await send(lines, "?dryRun=true");
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ valid: true, stored: 0, contracts: [{ row: 2, number: "H-9" }] });
    expect(await stored()).toBe(before);
    const bad = await send([header, `${folder};Hankinta;Väärin;H-10;;;30.6.2019 – 1.3.2019;;;;;`]);
    expect(bad.status).toBe(400);
    const refusal = (await bad.json()) as { code: string; issues: { path: string; message: string }[] };
    expect(refusal.code).toBe("VALIDATION_FAILED");
    expect(refusal.issues.map((i) => i.path)).toEqual(["rows.2.period"]);
    const done = await send(lines);
    expect(done.status).toBe(201);
    expect(await stored()).toBe(before + 1);

    const member = await personCaller(app, "member");
    const memberCookie = await signIn(app, member.person.email, member.person.password);
    const form = new FormData();
    form.set("file", new Blob([csv(lines)]), "x.csv");
    const refused = await fetch(`${app.url}/api/commitments/contracts/import?dryRun=true`, {
      method: "POST",
      headers: { origin: app.url, cookie: memberCookie },
      body: form,
    });
    expect(refused.status).toBe(403);
    const openapi = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(
      openapi.paths["/api/commitments/contracts/import"] ?? openapi.paths["/commitments/contracts/import"],
    ).toBeDefined();
  });
});

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../../test/support/person-caller.ts";
import { api, signIn, startTestApp, type TestApp } from "../../../../test/support/server.ts";
import { zipParts } from "../../deliverables/export/office.testing.ts";
import { type AllianceFixture, allianceFixture } from "../test-fixture.ts";
import { settledAlliance } from "./export-fixture.testing.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function workbookOf(response: Response) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

describe("the open books and a settlement as XLSX and DOCX", () => {
  let app: TestApp;
  let f: AllianceFixture;
  let member: string;
  let outsider: string;
  let settlementId: string;

  beforeAll(async () => {
    app = await startTestApp();
    f = await allianceFixture(app);
    settlementId = (await settledAlliance(app, f)).settlementId;
    const reader = await personCaller(app, "member", "Liisa Lukija");
    await app.platform.services.alliances.setMember(f.callers.manager, f.alliance.alliance.id, {
      personId: reader.person.id,
      partyId: f.party("Oulun kaupunki"),
    });
    member = await signIn(app, reader.person.email, reader.person.password);
    const other = await personCaller(app, "member", "Olli Ulkopuolinen");
    outsider = await signIn(app, other.person.email, other.person.password);
  }, 180_000);
  afterAll(() => app.close());

  it("writes the open books with a sheet per year and party, their totals as formulas with the results", async () => {
    const id = f.alliance.alliance.id;
    expect((await fetch(`${app.url}/alliances/${id}/books.xlsx`, { headers: { cookie: outsider } })).status).toBe(403);
    const response = await fetch(`${app.url}/alliances/${id}/books.xlsx`, { headers: { cookie: member } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(xlsxType);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="kasvupalveluallianssi-.*\.xlsx"$/,
    );
    const book = await workbookOf(response);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Yhteenveto", "2025 Kasvupalvelut Oy"]);
    const sheet = book.getWorksheet("2025 Kasvupalvelut Oy");
    const cells = (column: string) =>
      (sheet?.getColumn(column).values ?? []).map((v) => (v && typeof v === "object" && "formula" in v ? v : v));
    // Budget 900 000 €, entries 800 000 € (reimbursable) + 60 000 € (fee) + 1 000 € outside the target.
    const formulas = cells("C").filter(
      (v): v is { formula: string; result: number } => typeof v === "object" && v !== null && "formula" in v,
    );
    expect(formulas.map((v) => [v.formula, v.result])).toEqual([
      ["SUM(C5:C5)", 900_000],
      ["SUM(C10:C12)", 861_000],
      ["SUMIF(D10:D12,TRUE,C10:C12)", 860_000],
      ["C6-C13", 39_000],
    ]);
    expect(sheet?.getCell("F12").value).toBe("=ei kaava");
    const summary = book.getWorksheet("Yhteenveto");
    expect(summary?.getCell("D4").value).toEqual({ formula: "'2025 Kasvupalvelut Oy'!C13", result: 861_000 });
  });

  it("writes a settlement's figures as formulas over its inputs, each party's part, and the DOCX for the minutes", async () => {
    const xlsx = await fetch(`${app.url}/alliances/settlements/${settlementId}/export.xlsx`, {
      headers: { cookie: member },
    });
    expect(xlsx.status).toBe(200);
    const sheet = (await workbookOf(xlsx)).getWorksheet("2025");
    const byLabel = (label: string) => {
      for (let row = 1; row <= (sheet?.rowCount ?? 0); row++)
        if (sheet?.getCell(row, 1).value === label) return sheet.getCell(row, 2).value;
      return undefined;
    };
    // Target 1 000 000 €, actual 860 000 €: an underrun of 140 000 €, half to the providers.
    expect(byLabel("Tavoitekustannus")).toBe(1_000_000);
    expect(byLabel("Toteutunut kustannus")).toEqual({ formula: "B5+B6", result: 860_000 });
    expect(byLabel("Erotus (alitus +, ylitys −)")).toEqual({ formula: "B4-B8", result: 140_000 });
    expect(byLabel("Kannustin maksetaan")).toBe(70_000);
    expect(byLabel("Tilaajat maksavat")).toEqual({ formula: "B5+B6+B19-B20+B21", result: 930_000 });
    expect(byLabel("Kasvupalvelut Oy")).toBe(0.7);

    const docx = await fetch(`${app.url}/alliances/settlements/${settlementId}/export.docx`, {
      headers: { cookie: member },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(docxType);
    const text = (zipParts(Buffer.from(await docx.arrayBuffer())).get("word/document.xml") ?? "")
      .replace(/<[^>]+>/g, "")
      .replace(/\s/g, " ");
    for (const words of [
      "Väliselvitys 2025, versio 1",
      "Kasvupalveluallianssi",
      "Hyväksytty (lukittu)",
      "70 000,00",
      "Kasvupalvelut Oy",
    ])
      expect(text).toContain(words);
    expect(
      (await fetch(`${app.url}/alliances/settlements/${settlementId}/export.docx`, { headers: { cookie: outsider } }))
        .status,
    ).toBe(403);

    const doc = await api(app, "/api/openapi.json");
    const paths = Object.keys(doc.json.paths as object);
    for (const path of [
      "/alliances/{id}/books.xlsx",
      "/alliances/settlements/{id}/export.xlsx",
      "/alliances/settlements/{id}/export.docx",
    ])
      expect(paths).toContain(path);
  });
});

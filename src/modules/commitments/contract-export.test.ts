import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { readCsv, readXlsx, textOf } from "../../core/sheet-rows.ts";

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);

describe("contract register export (CSV/XLSX), streamed, in the import's layout", () => {
  let app: TestApp;
  let staff: Caller;
  let cookie: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    app = await startTestApp();
    const person = await personCaller(app, "staff");
    staff = person.caller;
    cookie = await signIn(app, person.person.email, person.person.password);
    first = (await app.platform.services.contracts.createFolder(staff, { name: "Tietohallinto" })).folder.id;
    second = (await app.platform.services.contracts.createFolder(staff, { name: "Arkisto" })).folder.id;
    await app.platform.services.contractImports.commit(
      staff,
      csv([
        "Kansio;Tyyppi;Nimi;Numero;Diaarinumero;Osapuolet;Sopimuskausi;Optiokausi;Irtisanomisaika;Tila;Arvo;Metatiedot",
        "Tietohallinto;Puitesopimus;Tietohallintopalvelut;PS-1;POPMAK/12/2018;Toimittaja: Pohjois-Pohjanmaan sairaanhoitopiiri (0185968-5);1.1.2019 – 31.12.2019;1.1.2020 – 31.12.2020 *;3 kk;Voimassa;125 000,50;kustannuspaikka=4100",
        "Tietohallinto;Vuokrasopimus;=Toimitilat;V-7;;Vuokranantaja: Oulun kaupunki (0187690-1);1.6.2018 –;;90 pv;Päättymässä;;",
      ]),
    );
  }, 180_000);
  afterAll(() => app.close());

  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { cookie } });
  const cells = (rows: { cells: unknown[] }[]) => rows.map((r) => r.cells.map((c) => textOf(c as never)));
  /** A sheet's row ends at its last filled cell (exceljs reads no empty cells after it); a CSV row has them all. */
  const filled = (row: string[]) => row.slice(0, row.findLastIndex((c) => c !== "") + 1);

  it("writes CSV that imports again as it is, and XLSX with the same rows", async () => {
    const response = await get(`/commitments/contracts/export.csv?folderId=${first}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="sopimusrekisteri-[\d-]+\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const rows = cells(readCsv(bytes));
    expect(rows[0]).toEqual([
      "Kansio",
      "Tyyppi",
      "Nimi",
      "Numero",
      "Diaarinumero",
      "Osapuolet",
      "Sopimuskausi",
      "Optiokausi",
      "Irtisanomisaika",
      "Tila",
      "Arvo (€)",
      "Metatiedot",
    ]);
    // A–Z by name.
    expect(rows.slice(1)).toEqual([
      // A name starting with = is kept as text by a leading apostrophe (no spreadsheet runs it).
      [
        "Tietohallinto",
        "Vuokrasopimus",
        "'=Toimitilat",
        "V-7",
        "",
        "Vuokranantaja: Oulun kaupunki (0187690-1)",
        "1.6.2018 –",
        "",
        "90 pv",
        "Päättymässä",
        "",
        "",
      ],
      [
        "Tietohallinto",
        "Puitesopimus",
        "Tietohallintopalvelut",
        "PS-1",
        "POPMAK/12/2018",
        "Toimittaja: Pohjois-Pohjanmaan sairaanhoitopiiri (0185968-5)",
        "1.1.2019 – 31.12.2019",
        "1.1.2020 – 31.12.2020 *",
        "3 kk",
        "Voimassa",
        "125000,50",
        "kustannuspaikka=4100",
      ],
    ]);

    // The same file into another folder: the import takes it whole, and the new folder exports the same rows.
    const moved = new TextDecoder().decode(bytes).replaceAll("Tietohallinto;", "Arkisto;");
    const report = await app.platform.services.contractImports.commit(staff, new TextEncoder().encode(moved));
    expect(report).toMatchObject({ valid: true, stored: 2 });
    const xlsx = await get(`/commitments/contracts/export.xlsx?folderId=${second}`);
    expect(xlsx.status).toBe(200);
    const sheet = cells(await readXlsx(new Uint8Array(await xlsx.arrayBuffer())));
    expect(sheet.slice(1).map((r) => filled(r.slice(1)))).toEqual(
      rows.slice(1).map((r) => filled(r.slice(1).map((c) => (c === "125000,50" ? "125000.5" : c)))),
    );
    expect(sheet.slice(1).every((r) => r[0] === "Arkisto")).toBe(true);
  });

  it("refuses before streaming: a bad folder id, a visitor who is not signed in", async () => {
    const bad = await get("/commitments/contracts/export.csv?folderId=nope");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("VALIDATION_FAILED");
    expect((await fetch(`${app.url}/commitments/contracts/export.xlsx`)).status).toBe(401);
    const openapi = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(openapi.paths["/commitments/contracts/export.csv"]).toBeDefined();
    expect(openapi.paths["/commitments/contracts/export.xlsx"]).toBeDefined();
  });
});

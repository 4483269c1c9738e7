import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../../test/support/server.ts";
import { docxToText } from "../../deliverables/export/libreoffice.testing.ts";
import { inOrder, zipParts } from "../../deliverables/export/office.testing.ts";
import { type AllianceFixture, allianceFixture } from "../test-fixture.ts";
import { openBooksXlsx } from "./books-xlsx.ts";
import { settledAlliance } from "./export-fixture.testing.ts";
import { settlementDocx } from "./settlement-docx.ts";
import { settlementXlsx } from "./settlement-xlsx.ts";

const run = promisify(execFile);

/** An XLSX opened by LibreOffice Calc and saved as ODS: the formulas and values as Calc read them (content.xml). */
async function calcContent(xlsx: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "uudistamo-alliance-"));
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    await writeFile(join(dir, "book.xlsx"), xlsx);
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "ods",
        "--outdir",
        dir,
        join(dir, "book.xlsx"),
      ],
      { timeout: 120_000 },
    );
    return zipParts(await readFile(join(dir, "book.ods"))).get("content.xml") ?? "";
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

describe("the alliance's workbooks and minutes, read back by LibreOffice", () => {
  let app: TestApp;
  let f: AllianceFixture;
  let settlementId: string;
  beforeAll(async () => {
    app = await startTestApp();
    f = await allianceFixture(app);
    settlementId = (await settledAlliance(app, f)).settlementId;
  }, 180_000);
  afterAll(() => app.close());

  it("keeps the open books' and the settlement's formulas and their results", async () => {
    const s = app.platform.services;
    const books = await calcContent(
      await openBooksXlsx(await s.allianceBooks.openBooks(f.callers.manager, f.alliance.alliance.id), "fi"),
    );
    expect(books).toContain('table:name="2025 Kasvupalvelut Oy"');
    expect(books).toContain('table:formula="of:=SUM([.C10:.C12])" office:value-type="float" office:value="861000"');
    expect(books).toContain('table:formula="of:=SUMIF([.D10:.D12];TRUE();[.C10:.C12])"');
    expect(books).toContain("of:=[$&apos;2025 Kasvupalvelut Oy&apos;.C13]");

    const view = await s.allianceSettlements.get(f.callers.manager, settlementId);
    const settlement = await calcContent(await settlementXlsx(view, "Kasvupalveluallianssi", "fi"));
    expect(settlement).toContain('table:formula="of:=[.B4]-[.B8]" office:value-type="float" office:value="140000"');
    expect(settlement).toContain('office:value="930000"');
  }, 240_000);

  it("reads the settlement's minutes as a document with its figures and steps", async () => {
    const view = await app.platform.services.allianceSettlements.get(f.callers.manager, settlementId);
    const docx = await settlementDocx(view, { name: "Kasvupalveluallianssi" }, "2026-01-27", "fi");
    const text = (await docxToText(docx)).normalize("NFKC").replace(/\s+/g, " ");
    expect(
      inOrder(text, [
        "Väliselvitys 2025, versio 1",
        "Liite johtoryhmän pöytäkirjaan",
        "Kasvupalveluallianssi",
        "Hyväksytty päätöksellä 27. tammikuuta 2026",
        "Tavoitekustannus",
        "1 000 000,00 €",
        "Tilaajat maksavat",
        "930 000,00 €",
        "Kasvupalvelut Oy",
        "49 000,00 €",
        "Laskennan vaiheet",
        "Tavoitteen ja toteuman erotus",
      ]),
    ).toEqual({ ok: true });
  }, 240_000);
});

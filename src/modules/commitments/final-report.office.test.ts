import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { seedDemoCommitments } from "../../demo/commitments.ts";
import { inOrder } from "../deliverables/export/office.testing.ts";
import { finalReportDocx } from "./final-report-docx.ts";

const run = promisify(execFile);

/**
 * The DOCX printed to PDF by LibreOffice headless (its own profile) after updating its indexes (office-pdf.py, through
 * Python-UNO: a plain `--convert-to pdf` leaves the table of contents' page numbers empty), then read back by
 * poppler's pdftotext, one string per page.
 */
async function pdfPages(docx: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "uudistamo-final-"));
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    await writeFile(join(dir, "report.docx"), docx);
    await run(
      "/usr/bin/python3",
      [
        fileURLToPath(new URL("./office-pdf.py", import.meta.url)),
        profile,
        join(dir, "report.docx"),
        join(dir, "report.pdf"),
      ],
      { timeout: 150_000 },
    );
    await readFile(join(dir, "report.pdf"));
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", "-layout", join(dir, "report.pdf"), "-"], {
      maxBuffer: 16 * 1024 * 1024,
    });
    // pdftotext ends every page with a form feed.
    return stdout.normalize("NFKC").split("\f").slice(0, -1);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

describe("the final report, printed to PDF by LibreOffice", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("lists every part in its table of contents, then the parts in order with seed 003's figures", async () => {
    const { caller } = await personCaller(app, "admin");
    if (!caller.actor) throw new Error("no admin");
    await seedDemoCommitments(app.database.db, caller.actor);
    const report = await app.platform.services.finalReport.compile(caller);
    const pages = await pdfPages(await finalReportDocx(report, "fi"));
    const text = pages.join("\n");
    // The table of contents lists every part and sub-part with its dot leader, before the parts themselves.
    const contents = text.slice(text.indexOf("Sisällys"), text.search(/^Yhteenveto\s*$/m));
    for (const part of [
      "Yhteenveto",
      "Työryhmät ja niiden tuotokset",
      "Sitoumukset ja päätökset",
      "Lopettamisen päätöslista",
      "Henkilöstön paluu kantaorganisaatioihin",
      "Paluut kuukausittain",
      "Valtionavustusten käyttö",
      ...report.grants.map((g) => g.grant.name),
    ])
      expect(contents).toMatch(new RegExp(`^\\s*${part}\\.{5,}`, "m"));
    // Each entry ends in the number of the page its heading is printed on (a line of its own, after the contents).
    const entries = [...contents.matchAll(/^\s*(\S.*?)\.{5,}\s*(\d+)\s*$/gm)].map((m) => ({
      title: m[1] ?? "",
      page: Number(m[2]),
    }));
    expect(entries.length).toBeGreaterThanOrEqual(9 + report.grants.length);
    const contentsPage = pages.findIndex((p) => p.includes("Sisällys"));
    const printedOn = (title: string) =>
      pages.findIndex((p, index) => index >= contentsPage && p.split("\n").some((line) => line.trim() === title)) + 1;
    for (const entry of entries) expect({ ...entry, page: printedOn(entry.title) }).toEqual(entry);
    // Not all on one page: the report runs over several, and the numbers say which.
    expect(new Set(entries.map((e) => e.page)).size).toBeGreaterThan(1);
    const flat = text.replace(/\s+/g, " ");
    expect(
      inOrder(flat, [
        "Loppuraportti",
        "Sisällys",
        "Yhteenveto",
        "Työryhmät ja niiden tuotokset",
        "Tapahtumat ja niiden yhteenvedot",
        "Sitoumukset ja päätökset",
        "Lopettamisen päätöslista",
        "Henkilöstön paluu kantaorganisaatioihin",
        "Perusrahoitus (valtionavustus) 36 26,2",
        "ICT-erillisrahoitus 10 6,3",
        "Valtionavustusten käyttö",
      ]),
    ).toEqual({ ok: true });
  });
});

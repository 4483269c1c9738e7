import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { seedDemoCommitments } from "../../demo/commitments.ts";
import { inOrder } from "../deliverables/export/office.testing.ts";
import { finalReportDocx } from "./final-report-docx.ts";

const run = promisify(execFile);

/** The DOCX printed to PDF by LibreOffice headless (its own profile), then read back by poppler's pdftotext. */
async function pdfText(docx: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "uudistamo-final-"));
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    await writeFile(join(dir, "report.docx"), docx);
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "report.docx"),
      ],
      { timeout: 120_000 },
    );
    await readFile(join(dir, "report.pdf"));
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", "-layout", join(dir, "report.pdf"), "-"], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
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
    const text = (await pdfText(await finalReportDocx(report, "fi"))).normalize("NFKC");
    // The table of contents lists every part and sub-part with its dot leader, before the parts themselves. (Its
    // page numbers are PAGEREF fields marked dirty: Word fills them in on opening; LibreOffice when its index is
    // updated, which a conversion does not do.)
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

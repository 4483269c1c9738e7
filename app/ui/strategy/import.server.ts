import { readFile } from "node:fs/promises";
import type { Caller } from "../../../src/core/caller.ts";
import { AppError } from "../../../src/core/errors.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { multipartEnvelopeBytes, receiveForm } from "../../../src/modules/files/multipart.ts";
import { formatFileSize } from "../../../src/modules/files/size.ts";
import type { ImportReport, ImportService } from "../../../src/modules/strategy/import.ts";
import { presentImportReport } from "../../../src/modules/strategy/report-presenters.ts";

/**
 * The import form's file: at most this much, so the whole form (file and envelope) stays within the general body
 * limit's default (1 MiB, BODY_MAX_BYTES); a 10 000-row series as CSV is well under half of it.
 */
export const importMaxBytes = 1024 * 1024 - multipartEnvelopeBytes;

const tooLarge = (caller: Caller) =>
  new AppError("PAYLOAD_TOO_LARGE", [
    {
      path: "file",
      message: translate(caller.locale, "strategy.import.tooLarge", {
        size: formatFileSize(caller.locale, importMaxBytes),
      }),
    },
  ]);

/** The rows a dry run found fine, as the CSV the commit form carries back (indicators by id, canonical values). */
export function rowsAsCsv(report: ImportReport): string {
  const quote = (text: string) => (/[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return [
    "indicator;date;value;source",
    ...report.measurements.map((m) => [m.indicatorId, m.date, m.value, quote(m.source)].join(";")),
  ].join("\n");
}

/**
 * The edit page's import forms (multipart, so they work without JavaScript): "import" brings a file and gets the
 * dry run's report (and, when every row is fine, the rows as CSV for the commit form); "import-commit" brings
 * that CSV back and stores every row or none.
 */
export async function importFromForm(imports: ImportService, caller: Caller, strategyId: string, request: Request) {
  const { fields, file } = await receiveForm(request, {
    fileField: "file",
    maxFileBytes: importMaxBytes,
    tooLarge: () => tooLarge(caller),
  });
  try {
    if (fields.intent === "import-commit") {
      const bytes = new TextEncoder().encode(fields.rows ?? "");
      const report = await imports.commit(caller, strategyId, bytes, "csv");
      return { imported: presentImportReport(report) };
    }
    if (!file || file.size === 0)
      throw new AppError("VALIDATION_FAILED", [
        { path: "file", message: translate(caller.locale, "strategy.import.noFile") },
      ]);
    const bytes = new Uint8Array(await readFile(file.path));
    // The file tells what it is (an XLSX is a zip), whatever its name says.
    const report = await imports.check(caller, strategyId, bytes);
    return { checked: presentImportReport(report), rows: report.valid ? rowsAsCsv(report) : null };
  } finally {
    await file?.dispose();
  }
}

import type { Locale } from "../../../i18n/locale.ts";
import { loadExcel, sheetName } from "../../walls/outputs/xlsx.ts";
import { type OpenBooks, yearOfDay } from "../books.ts";
import { amount, dayCell, dayFormat, euros, formula, headerRow, sheetRef, translator } from "./workbook.ts";

/** The figures of one year-and-party sheet, where the summary sheet points to them. */
interface SheetTotals {
  name: string;
  year: number;
  party: string;
  budget: { address: string; cents: bigint };
  actual: { address: string; cents: bigint };
  toward: { address: string; cents: bigint };
}

/**
 * The open books as a workbook: a summary sheet, then one sheet per year and party with its budget lines and cost
 * entries (the inputs) and their totals as real formulas (SUM, SUMIF) with the results cached; the summary's
 * figures are formulas pointing at those totals. Texts go in as strings, so a description starting with "="
 * never becomes a formula.
 */
export async function openBooksXlsx(books: OpenBooks, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Uudistamo";
  workbook.title = books.alliance.name;
  workbook.created = new Date();
  const taken = new Set<string>();
  const summary = workbook.addWorksheet(sheetName(t("alliances.export.summary"), taken, "1"));
  const years = [
    ...new Set([...books.budget.map((b) => b.year), ...books.entries.map((e) => yearOfDay(e.bookedOn))]),
  ].sort((a, b) => a - b);
  const totals: SheetTotals[] = [];
  for (const year of years)
    for (const party of books.parties) {
      const budget = books.budget.filter((b) => b.year === year && b.partyId === party.id);
      const entries = books.entries.filter((e) => yearOfDay(e.bookedOn) === year && e.partyId === party.id);
      if (budget.length === 0 && entries.length === 0) continue;
      const name = sheetName(`${year} ${party.name}`, taken, `${year} ${totals.length + 1}`);
      const sheet = workbook.addWorksheet(name);
      sheet.columns = [{ width: 14 }, { width: 28 }, { width: 16 }, { width: 14 }, { width: 22 }, { width: 40 }];
      sheet.getCell("A1").value = `${party.name} ${year}`;
      sheet.getCell("A1").font = { bold: true, size: 14 };

      sheet.getCell("A3").value = t("alliances.export.budgetLines");
      sheet.getCell("A3").font = { bold: true };
      headerRow(sheet, 4, [t("alliances.cost.category"), t("alliances.cost.description"), t("alliances.cost.amount")]);
      let row = 5;
      for (const b of budget) {
        sheet.getCell(row, 1).value = t(`alliances.category.${b.category}`);
        sheet.getCell(row, 2).value = b.description;
        amount(sheet, `C${row}`, b.amountCents);
        row++;
      }
      const budgetCents = budget.reduce((s, b) => s + b.amountCents, 0n);
      const budgetAt = `C${row}`;
      sheet.getCell(row, 1).value = t("alliances.export.budgetTotal");
      sheet.getCell(row, 1).font = { bold: true };
      formula(sheet, budgetAt, budget.length ? `SUM(C5:C${row - 1})` : "0", euros(budgetCents));
      row += 2;

      sheet.getCell(row, 1).value = t("alliances.export.costEntries");
      sheet.getCell(row, 1).font = { bold: true };
      headerRow(sheet, row + 1, [
        t("alliances.cost.date"),
        t("alliances.cost.category"),
        t("alliances.cost.amount"),
        t("alliances.cost.counts"),
        t("alliances.cost.reference"),
        t("alliances.cost.description"),
      ]);
      row += 2;
      const first = row;
      for (const e of entries) {
        const date = sheet.getCell(row, 1);
        date.value = dayCell(e.bookedOn);
        date.numFmt = dayFormat[locale];
        sheet.getCell(row, 2).value = t(`alliances.category.${e.category}`);
        amount(sheet, `C${row}`, e.amountCents);
        sheet.getCell(row, 4).value = e.countsTowardTarget;
        sheet.getCell(row, 5).value = e.auditReference;
        sheet.getCell(row, 6).value = e.description;
        row++;
      }
      const last = row - 1;
      const actualCents = entries.reduce((s, e) => s + e.amountCents, 0n);
      const towardCents = entries.filter((e) => e.countsTowardTarget).reduce((s, e) => s + e.amountCents, 0n);
      const actualAt = `C${row}`;
      const towardAt = `C${row + 1}`;
      for (const [offset, key] of [
        [0, "alliances.export.actualTotal"],
        [1, "alliances.export.towardTotal"],
        [2, "alliances.export.budgetLeft"],
      ] as const) {
        sheet.getCell(row + offset, 1).value = t(key);
        sheet.getCell(row + offset, 1).font = { bold: true };
      }
      formula(sheet, actualAt, entries.length ? `SUM(C${first}:C${last})` : "0", euros(actualCents));
      formula(
        sheet,
        towardAt,
        entries.length ? `SUMIF(D${first}:D${last},TRUE,C${first}:C${last})` : "0",
        euros(towardCents),
      );
      formula(sheet, `C${row + 2}`, `${budgetAt}-${actualAt}`, euros(budgetCents - actualCents));
      totals.push({
        name,
        year,
        party: party.name,
        budget: { address: budgetAt, cents: budgetCents },
        actual: { address: actualAt, cents: actualCents },
        toward: { address: towardAt, cents: towardCents },
      });
    }

  summary.columns = [{ width: 10 }, { width: 34 }, { width: 16 }, { width: 16 }, { width: 20 }];
  summary.getCell("A1").value = books.alliance.name;
  summary.getCell("A1").font = { bold: true, size: 14 };
  headerRow(summary, 3, [
    t("alliances.books.year"),
    t("alliances.books.party"),
    t("alliances.books.budget"),
    t("alliances.books.actual"),
    t("alliances.books.towardTarget"),
  ]);
  totals.forEach((x, i) => {
    const row = 4 + i;
    summary.getCell(row, 1).value = x.year;
    summary.getCell(row, 2).value = x.party;
    const ref = sheetRef(x.name);
    formula(summary, `C${row}`, `${ref}!${x.budget.address}`, euros(x.budget.cents));
    formula(summary, `D${row}`, `${ref}!${x.actual.address}`, euros(x.actual.cents));
    formula(summary, `E${row}`, `${ref}!${x.toward.address}`, euros(x.toward.cents));
  });
  summary.views = [{ state: "frozen", ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

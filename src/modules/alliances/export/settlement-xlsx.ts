import type { Worksheet } from "exceljs";
import type { Money } from "../../../core/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { loadExcel, sheetName } from "../../walls/outputs/xlsx.ts";
import type { YearSettlement } from "../incentive/settle.ts";
import { describeStep, formatStepValue, ruleName } from "../incentive/steps.ts";
import type { SettlementView } from "../settlements.ts";
import { amount, euros, formula, headerRow, type T, translator } from "./workbook.ts";

type Row =
  | { figure: keyof YearSettlement & string; label: string; input: true }
  | { figure: keyof YearSettlement & string; label: string; formula: (at: Record<string, string>) => string };

/**
 * The year's figures in the order the rule works them out. Inputs come from the model and the books (the target
 * after adjustments and index, the entries' sums) or from a band or cap rule (its step explains it); the rest are
 * Excel formulas over the cells above, each with the engine's exact result cached.
 */
const rows = (t: T): Row[] => [
  { figure: "target", label: t("alliances.figure.target"), input: true },
  { figure: "reimbursed", label: t("alliances.figure.reimbursed"), input: true },
  { figure: "fee", label: t("alliances.figure.fee"), input: true },
  { figure: "outsideTarget", label: t("alliances.figure.outsideTarget"), input: true },
  { figure: "actual", label: t("alliances.figure.actual"), formula: (a) => `${a.reimbursed}+${a.fee}` },
  { figure: "difference", label: t("alliances.figure.difference"), formula: (a) => `${a.target}-${a.actual}` },
  { figure: "gain", label: t("alliances.export.gain"), formula: (a) => `MAX(${a.difference},0)` },
  { figure: "pain", label: t("alliances.export.pain"), formula: (a) => `MAX(-${a.difference},0)` },
  { figure: "providersGain", label: t("alliances.figure.providersGain"), input: true },
  { figure: "providersPain", label: t("alliances.figure.providersPain"), input: true },
  { figure: "ownersGain", label: t("alliances.export.ownersGain"), formula: (a) => `${a.gain}-${a.providersGain}` },
  { figure: "ownersPain", label: t("alliances.export.ownersPain"), formula: (a) => `${a.pain}-${a.providersPain}` },
  { figure: "carriedIn", label: t("alliances.export.carriedIn"), input: true },
  { figure: "carriedOut", label: t("alliances.figure.carriedOut"), input: true },
  { figure: "incentive", label: t("alliances.figure.incentive"), input: true },
  { figure: "gainPaid", label: t("alliances.export.gainPaid"), formula: (a) => `MAX(${a.incentive},0)` },
  { figure: "painCharged", label: t("alliances.export.painCharged"), formula: (a) => `MAX(-${a.incentive},0)` },
  { figure: "kraPayout", label: t("alliances.figure.kraPayout"), input: true },
  {
    figure: "ownersPayment",
    label: t("alliances.figure.ownersPayment"),
    formula: (a) => `${a.reimbursed}+${a.fee}+${a.gainPaid}-${a.painCharged}+${a.kraPayout}`,
  },
];

const centsOf = (y: YearSettlement, figure: string) => (y[figure as keyof YearSettlement] as Money).cents;

function yearSheet(sheet: Worksheet, y: YearSettlement, view: SettlementView, locale: Locale) {
  const t = translator(locale);
  const name = (id: string) => view.names[id] ?? id;
  sheet.columns = [{ width: 40 }, { width: 18 }, { width: 44 }, { width: 24 }];
  sheet.getCell("A1").value =
    `${t(y.kind === "final" ? "alliances.settlement.final" : "alliances.settlement.interim")} ${y.year}`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  headerRow(sheet, 3, [
    t("alliances.settlement.figure"),
    t("alliances.cost.amount"),
    t("alliances.export.formula"),
    t("alliances.export.step"),
  ]);
  const at: Record<string, string> = {};
  let row = 4;
  for (const r of rows(t)) {
    at[r.figure] = `B${row}`;
    sheet.getCell(row, 1).value = r.label;
    const cents = centsOf(y, r.figure);
    if ("input" in r) {
      amount(sheet, `B${row}`, cents);
      const stepId = y.trace[r.figure as keyof YearSettlement["trace"]];
      const step = y.steps.find((s) => s.id === stepId);
      sheet.getCell(row, 3).value = step ? `${t("alliances.export.input")}: ${ruleName(step, locale)}` : "";
      sheet.getCell(row, 4).value = stepId ?? "";
    } else {
      const text = r.formula(at);
      formula(sheet, `B${row}`, text, euros(cents));
      sheet.getCell(row, 3).value = `= ${text}`;
    }
    row++;
  }

  row++;
  sheet.getCell(row, 1).value = t("alliances.export.providers");
  sheet.getCell(row, 1).font = { bold: true };
  headerRow(sheet, row + 1, [
    t("alliances.books.party"),
    t("alliances.export.share"),
    t("alliances.figure.incentive"),
    t("alliances.figure.kraPayout"),
    t("alliances.export.total"),
  ]);
  row += 2;
  const firstProvider = row;
  for (const p of y.providerParts) {
    sheet.getCell(row, 1).value = name(p.partyId);
    sheet.getCell(row, 2).value = p.shareBasisPoints / 10_000;
    sheet.getCell(row, 2).numFmt = "0.00%";
    amount(sheet, `C${row}`, p.incentive.cents);
    amount(sheet, `D${row}`, p.kraPayout.cents);
    formula(sheet, `E${row}`, `C${row}+D${row}`, euros(p.total.cents));
    row++;
  }
  sheet.getCell(row, 1).value = t("alliances.export.partsSum");
  sheet.getCell(row, 1).font = { bold: true };
  const providersTotal = y.providerParts.reduce((s, p) => s + p.total.cents, 0n);
  formula(sheet, `E${row}`, `SUM(E${firstProvider}:E${row - 1})`, euros(providersTotal));
  row += 2;

  sheet.getCell(row, 1).value = t("alliances.export.owners");
  sheet.getCell(row, 1).font = { bold: true };
  headerRow(sheet, row + 1, [
    t("alliances.books.party"),
    t("alliances.export.share"),
    t("alliances.figure.ownersPayment"),
  ]);
  row += 2;
  const firstOwner = row;
  for (const o of y.ownerParts) {
    sheet.getCell(row, 1).value = name(o.partyId);
    sheet.getCell(row, 2).value = o.shareBasisPoints / 10_000;
    sheet.getCell(row, 2).numFmt = "0.00%";
    amount(sheet, `C${row}`, o.payment.cents);
    row++;
  }
  sheet.getCell(row, 1).value = t("alliances.export.partsSum");
  sheet.getCell(row, 1).font = { bold: true };
  const ownersTotal = y.ownerParts.reduce((s, o) => s + o.payment.cents, 0n);
  formula(sheet, `C${row}`, `SUM(C${firstOwner}:C${row - 1})`, euros(ownersTotal));
  row += 2;

  sheet.getCell(row, 1).value = t("alliances.settlement.steps");
  sheet.getCell(row, 1).font = { bold: true };
  headerRow(sheet, row + 1, [
    t("alliances.settlement.rule"),
    t("alliances.export.result"),
    t("alliances.export.description"),
    t("alliances.export.step"),
  ]);
  row += 2;
  for (const step of y.steps) {
    sheet.getCell(row, 1).value = ruleName(step, locale);
    sheet.getCell(row, 2).value =
      step.result.kind === "money" ? euros(step.result.value.cents) : formatStepValue(step.result, locale);
    if (step.result.kind === "money") sheet.getCell(row, 2).numFmt = "#,##0.00";
    sheet.getCell(row, 3).value = describeStep(step, locale, view.names);
    sheet.getCell(row, 3).alignment = { wrapText: true, vertical: "top" };
    sheet.getCell(row, 4).value = step.id;
    row++;
  }
}

/**
 * A settlement as a workbook: one sheet per year it covers (the figures with their formulas, each provider's and
 * owner's part and what they add up to, then every step of the rule in words).
 */
export async function settlementXlsx(view: SettlementView, allianceName: string, locale: Locale): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Uudistamo";
  workbook.title = allianceName;
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const y of view.result.years)
    yearSheet(workbook.addWorksheet(sheetName(String(y.year), taken, "1")), y, view, locale);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import { HeadingLevel, Packer, Paragraph } from "docx";
import { formatPlainDate } from "../../core/dates.ts";
import { formatMoney, money } from "../../core/money.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { dataTable, metaTable, wordDocument } from "../deliverables/export/docx.ts";
import type { Cell, ExportColumn, ExportTable } from "../walls/outputs/table.ts";
import { costCategories } from "./constants.ts";
import type { GrantReport } from "./grants.ts";
import { hundredthsText } from "./plan-common.ts";

type T = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => string;

/**
 * A grant report in the layout the finance ministry's report asks for: the grant and its figures (amount,
 * own-funding share, eligible and ineligible costs, the grant used, the amount remaining and to be returned), the
 * costs by category split eligible / ineligible, and every cost entry with the rule that decided it.
 * Spreadsheet cells carry euros as numbers (XLSX) or as the language writes them (CSV: "1 234,50" in Finnish).
 */

const summaryColumns = [
  { key: "item", header: "commitments.report.column.item", width: 44 },
  { key: "value", header: "commitments.report.column.value", width: 22 },
] as const satisfies readonly ExportColumn[];
const categoryColumns = [
  { key: "category", header: "commitments.report.column.category", width: 30 },
  { key: "eligible", header: "commitments.report.column.eligibleEur", width: 18 },
  { key: "ineligible", header: "commitments.report.column.ineligibleEur", width: 18 },
  { key: "total", header: "commitments.report.column.totalEur", width: 18 },
] as const satisfies readonly ExportColumn[];
const entryColumns = [
  { key: "costDate", header: "commitments.report.column.costDate", width: 14 },
  { key: "category", header: "commitments.report.column.category", width: 24 },
  { key: "description", header: "commitments.report.column.description", width: 50, typed: true, wrap: true },
  { key: "commitmentDate", header: "commitments.report.column.commitmentDate", width: 14 },
  { key: "amount", header: "commitments.report.column.amountEur", width: 16 },
  { key: "eligible", header: "commitments.report.column.eligible", width: 12 },
  { key: "rule", header: "commitments.report.column.rule", width: 60, wrap: true },
  { key: "id", header: "commitments.report.column.id", width: 38 },
] as const satisfies readonly ExportColumn[];

/** Euros of whole cents: a number for XLSX, the language's decimal text for CSV. */
const euros = (cents: bigint, locale: Locale, asText: boolean): Cell => {
  const text = hundredthsText(cents);
  return asText ? (locale === "en" ? text : text.replace(".", ",")) : Number(text);
};

function summaryItems(report: GrantReport, locale: Locale, t: T) {
  const g = report.grant;
  const s = report.summary;
  const m = (cents: bigint) => formatMoney(money(cents, g.currency), locale);
  const cutOff = (kind: "commitments" | "spending" | "report") => {
    const c = report.cutOffs.find((x) => x.kind === kind);
    return c ? formatPlainDate(locale, c.date) : "–";
  };
  return [
    { label: t("commitments.report.grant"), value: g.name },
    { label: t("commitments.report.decisionNumber"), value: g.decisionNumber || "–" },
    { label: t("commitments.report.funding"), value: t(`commitments.funding.${g.fundingSource}`) },
    {
      label: t("commitments.report.period"),
      value: `${formatPlainDate(locale, g.eligibleFrom)} – ${formatPlainDate(locale, g.eligibleTo)}`,
    },
    { label: t("commitments.cutOff.commitments"), value: cutOff("commitments") },
    { label: t("commitments.cutOff.spending"), value: cutOff("spending") },
    { label: t("commitments.cutOff.report"), value: cutOff("report") },
    { label: t("commitments.report.amount"), value: m(g.amountCents) },
    { label: t("commitments.report.paid"), value: m(g.paidCents) },
    {
      label: t("commitments.report.ownShare"),
      value: `${hundredthsText(g.ownShareHundredths).replace(/\.?0+$/, "")} %`,
    },
    { label: t("commitments.report.totalCosts"), value: m(s.totalCents) },
    { label: t("commitments.report.eligibleCosts"), value: m(s.eligibleCents) },
    { label: t("commitments.report.ineligibleCosts"), value: m(s.ineligibleCents) },
    { label: t("commitments.report.ownShareCents"), value: m(s.ownShareCents) },
    { label: t("commitments.report.grantUsed"), value: m(s.grantUsedCents) },
    { label: t("commitments.report.remaining"), value: m(s.remainingCents) },
    { label: t("commitments.report.toReturn"), value: m(s.toReturnCents) },
  ];
}

function byCategory(report: GrantReport) {
  return costCategories
    .map((category) => {
      const costs = report.costs.filter((c) => c.category === category);
      const eligible = costs.filter((c) => c.eligible).reduce((n, c) => n + c.amountCents, 0n);
      const total = costs.reduce((n, c) => n + c.amountCents, 0n);
      return { category, count: costs.length, eligible, ineligible: total - eligible, total };
    })
    .filter((c) => c.count > 0);
}

/** The report's tables: the summary, the costs by category, every entry. For CSV (`asText`), the entries alone. */
export function grantReportTables(report: GrantReport, locale: Locale, asText = false): ExportTable[] {
  const t: T = (key, params) => translate(locale, key, params);
  const entries: ExportTable = {
    name: t("commitments.report.sheet.entries"),
    columns: entryColumns,
    rows: report.costs.map((c) => ({
      costDate: c.costDate,
      category: t(`commitments.costCategory.${c.category}`),
      description: c.description,
      commitmentDate: c.commitmentDate ?? "",
      amount: euros(c.amountCents, locale, asText),
      eligible: t(c.eligible ? "commitments.report.yes" : "commitments.report.no"),
      rule: t(`commitments.rule.${c.rule}`),
      id: c.id,
    })),
  };
  if (asText) return [entries];
  return [
    {
      name: t("commitments.report.sheet.summary"),
      columns: summaryColumns,
      rows: summaryItems(report, locale, t).map((i) => ({ item: i.label, value: i.value })),
    },
    {
      name: t("commitments.report.sheet.categories"),
      columns: categoryColumns,
      rows: byCategory(report).map((c) => ({
        category: t(`commitments.costCategory.${c.category}`),
        eligible: euros(c.eligible, locale, false),
        ineligible: euros(c.ineligible, locale, false),
        total: euros(c.total, locale, false),
      })),
    },
    entries,
  ];
}

/** The report as a Word document: the summary, the costs by category, the entries with their rules. */
export async function grantReportDocx(report: GrantReport, locale: Locale): Promise<Buffer> {
  const t: T = (key, params) => translate(locale, key, params);
  const m = (cents: bigint) => formatMoney(money(cents, report.grant.currency), locale);
  const body = [
    new Paragraph({ text: t("commitments.report.title", { name: report.grant.name }), heading: HeadingLevel.TITLE }),
    metaTable(summaryItems(report, locale, t)),
    new Paragraph({ text: t("commitments.report.sheet.categories"), heading: HeadingLevel.HEADING_1 }),
    dataTable(
      [
        t("commitments.report.column.category"),
        t("commitments.report.column.eligibleEur"),
        t("commitments.report.column.ineligibleEur"),
        t("commitments.report.column.totalEur"),
      ],
      byCategory(report).map((c) => [
        t(`commitments.costCategory.${c.category}`),
        m(c.eligible),
        m(c.ineligible),
        m(c.total),
      ]),
      [3026, 2000, 2000, 2000],
    ),
    new Paragraph({ text: t("commitments.report.sheet.entries"), heading: HeadingLevel.HEADING_1 }),
    dataTable(
      [
        t("commitments.report.column.costDate"),
        t("commitments.report.column.description"),
        t("commitments.report.column.amountEur"),
        t("commitments.report.column.rule"),
      ],
      report.costs.map((c) => [
        formatPlainDate(locale, c.costDate, "short"),
        `${t(`commitments.costCategory.${c.category}`)}: ${c.description}`,
        m(c.amountCents),
        t(`commitments.rule.${c.rule}`),
      ]),
      [1300, 3526, 1600, 2600],
    ),
  ];
  return Packer.toBuffer(
    wordDocument({ title: t("commitments.report.title", { name: report.grant.name }), locale }, body),
  );
}

import { HeadingLevel, Packer, Paragraph, type Table, TextRun } from "docx";
import { formatPlainDate } from "../../../core/dates.ts";
import { formatMoney } from "../../../core/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { metaTable, wordDocument } from "../../deliverables/export/docx.ts";
import { settlementFigures as figures } from "../constants.ts";
import type { YearSettlement } from "../incentive/settle.ts";
import { describeStep, ruleName } from "../incentive/steps.ts";
import type { SettlementView } from "../settlements.ts";
import { translator } from "./workbook.ts";

/**
 * A settlement as a Word document for the board's minutes: what it is (alliance, year, version, status, the
 * approving decision's day), the year's figures, each party's amount, and the rule's steps in words. Loaded on
 * first use (the docx library is only needed for this).
 */
export async function settlementDocx(
  view: SettlementView,
  alliance: { name: string },
  decidedOn: string | null,
  locale: Locale,
): Promise<Buffer> {
  const t = translator(locale);
  const row = view.row;
  const year = view.result.years.at(-1) as YearSettlement;
  const kind = t(row.final ? "alliances.settlement.final" : "alliances.settlement.interim");
  const title = t("alliances.settlement.pageTitle", { kind, year: row.year, version: row.version });
  const money = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, locale);
  const name = (id: string) => view.names[id] ?? id;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: t("alliances.export.minutes"), italics: true })] }),
    metaTable([
      { label: t("alliances.export.alliance"), value: alliance.name },
      { label: t("alliances.settlement.year"), value: String(row.year) },
      { label: t("alliances.settlement.version"), value: String(row.version) },
      {
        label: t("alliances.settlement.status"),
        value: [
          t(`alliances.settlement.${row.status}`),
          ...(decidedOn ? [t("alliances.export.decision", { date: formatPlainDate(locale, decidedOn) })] : []),
        ].join(" – "),
      },
    ]),
    new Paragraph({ text: t("alliances.settlement.figures"), heading: HeadingLevel.HEADING_1 }),
    metaTable(figures.map((f) => ({ label: t(`alliances.figure.${f}`), value: money(year[f]) }))),
    new Paragraph({ text: t("alliances.settlement.parties"), heading: HeadingLevel.HEADING_1 }),
    metaTable([
      ...year.providerParts.map((p) => ({ label: name(p.partyId), value: money(p.total) })),
      ...year.ownerParts.map((o) => ({ label: name(o.partyId), value: money(o.payment) })),
    ]),
    new Paragraph({ text: t("alliances.settlement.steps"), heading: HeadingLevel.HEADING_1 }),
    ...year.steps.map(
      (step) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${ruleName(step, locale)}: `, bold: true }),
            new TextRun({ text: describeStep(step, locale, view.names) }),
          ],
        }),
    ),
  ];
  return Packer.toBuffer(wordDocument({ title, subtitle: alliance.name, locale }, body));
}

import { HeadingLevel, Packer, Paragraph, type Table, TableOfContents, TextRun } from "docx";
import { formatPlainDate, instantToHelsinki } from "../../core/dates.ts";
import { formatMoney, money } from "../../core/money.ts";
import { intlTag, type Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { dataTable, wordDocument } from "../deliverables/export/docx.ts";
import type { FinalReport } from "./final-report.ts";
import { hundredthsText } from "./plan-common.ts";

type T = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => string;

/*
 * The final report as a Word document: the title, a table of contents (a TOC field over Heading 1–2, its entries
 * filled in from the headings as written; its page numbers are fields marked dirty, which Word fills in on opening
 * and LibreOffice when the index is updated: office-pdf.py does that before printing), then one
 * Heading 1 per part with Heading 2 for each group, event or sub-list, and the figures as small tables.
 */

/*
 * A heading also carries its outline level: the document's heading styles are named "Heading 1" and not Word's
 * built-in "heading 1", so LibreOffice gives them none, and its table of contents, once updated, would list nothing.
 */
const heading = (text: string, level: 1 | 2) =>
  new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    outlineLevel: level - 1,
  });
const plain = (text: string) => new Paragraph({ text });
const note = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: "595959" })] });

/** FTE in hundredths as the language writes a decimal, without trailing zeros: 2620 → "26,2" ("26.2" in English). */
export function fteText(hundredths: number, locale: Locale): string {
  const text = hundredthsText(hundredths).replace(/\.?0+$/, "");
  return locale === "en" ? text : text.replace(".", ",");
}

const monthName = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlTag[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );

export function finalReportBody(report: FinalReport, locale: Locale): (Paragraph | Table | TableOfContents)[] {
  const t: T = (key, params) => translate(locale, key, params);
  const day = (d: string) => formatPlainDate(locale, d);
  const euros = (cents: bigint, currency: Parameters<typeof money>[1]) => formatMoney(money(cents, currency), locale);
  const { totals, returns } = report.staff;
  const deliverableCount = report.groups.reduce((n, g) => n + g.deliverables.length, 0);
  const grantUsed = report.grants.reduce((n, g) => n + g.summary.grantUsedCents, 0n);

  const body: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ text: t("commitments.final.title"), heading: HeadingLevel.TITLE }),
    new Paragraph({
      text: t("commitments.final.compiled", { date: day(report.compiledOn.toString()) }),
      style: "Subtitle",
    }),
    new Paragraph({ children: [new TextRun({ text: t("commitments.final.contents"), bold: true, size: 26 })] }),
    new TableOfContents(t("commitments.final.contents"), { hyperlink: true, headingStyleRange: "1-2" }),

    heading(t("commitments.final.summary"), 1),
    dataTable(
      [t("commitments.final.column.figure"), t("commitments.final.column.value")],
      [
        [t("commitments.final.figure.groups"), String(report.groups.length)],
        [t("commitments.final.figure.deliverables"), String(deliverableCount)],
        [t("commitments.final.figure.events"), String(report.events.length)],
        [t("commitments.final.figure.summaries"), String(report.events.filter((e) => e.summary !== null).length)],
        [t("commitments.final.figure.decisions"), String(report.decisions.length)],
        [t("commitments.final.figure.people"), String(totals.total.people)],
        [t("commitments.final.figure.fte"), fteText(totals.total.fteHundredths, locale)],
        [t("commitments.final.figure.grantUsed"), euros(grantUsed, report.grants[0]?.grant.currency ?? "EUR")],
      ],
      [6026, 3000],
    ),

    heading(t("commitments.final.groups"), 1),
  ];
  if (report.groups.length === 0) body.push(note(t("commitments.final.noGroups")));
  for (const { group, deliverables } of report.groups) {
    body.push(heading(group.name, 2));
    if (group.theme) body.push(plain(group.theme));
    body.push(
      plain(
        [
          t("commitments.final.group.members", { count: String(group.memberCount) }),
          group.convener ? t("commitments.final.group.convener", { name: group.convener }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      ),
    );
    body.push(
      deliverables.length === 0
        ? note(t("commitments.final.group.noDeliverables"))
        : dataTable(
            [t("commitments.final.column.deliverable"), t("commitments.final.column.status")],
            deliverables.map((d) => [d.title, t(`groups.status.${d.status}`)]),
            [6026, 3000],
          ),
    );
  }

  body.push(heading(t("commitments.final.events"), 1));
  if (report.events.length === 0) body.push(note(t("commitments.final.noEvents")));
  for (const event of report.events) {
    body.push(heading(event.title, 2));
    const where = [event.place, event.city].filter(Boolean).join(", ");
    const when = day(instantToHelsinki(new Date(event.startsAt)).date);
    body.push(plain(where ? t("commitments.final.event.when", { date: when, place: where }) : when));
    if (event.summary === null) body.push(note(t("commitments.final.event.noSummary")));
    else for (const line of event.summary.split(/\n\s*\n|\r?\n/).filter((l) => l.trim())) body.push(plain(line.trim()));
  }

  body.push(heading(t("commitments.final.commitments"), 1), heading(t("commitments.final.decisions"), 2));
  body.push(
    report.decisions.length === 0
      ? note(t("commitments.final.noDecisions"))
      : dataTable(
          [
            t("commitments.final.column.commitment"),
            t("commitments.final.column.decision"),
            t("commitments.final.column.decidedOn"),
            t("commitments.final.column.decidedBy"),
            t("commitments.final.column.exitCost"),
            t("commitments.final.column.earliestExit"),
          ],
          report.decisions.map(({ decision: d, commitment }) => [
            commitment.label,
            d.decision === "transfer" && d.transferTo
              ? `${t("commitments.decision.transfer")}: ${d.transferTo}`
              : t(`commitments.decision.${d.decision}`),
            formatPlainDate(locale, d.decidedOn, "short"),
            d.decidedBy,
            euros(d.exitCostCents, d.currency),
            d.earliestExitDate ? formatPlainDate(locale, d.earliestExitDate, "short") : "–",
          ]),
          [2426, 1700, 1100, 1500, 1200, 1100],
        ),
  );
  body.push(heading(t("commitments.final.checklist"), 2));
  body.push(
    report.checklist.length === 0
      ? note(t("commitments.final.noChecklist"))
      : dataTable(
          [
            t("commitments.final.column.item"),
            t("commitments.final.column.owner"),
            t("commitments.final.column.status"),
            t("commitments.final.column.due"),
          ],
          report.checklist.map((i) => [
            i.key ? t(`commitments.checklist.${i.key}`) : i.title,
            i.owner || "–",
            t(`commitments.checklistStatus.${i.status}`),
            i.dueDate ? formatPlainDate(locale, i.dueDate, "short") : "–",
          ]),
          [4326, 2000, 1500, 1200],
        ),
  );

  body.push(heading(t("commitments.final.staff"), 1));
  if (totals.total.secondments === 0) body.push(note(t("commitments.final.noSecondments")));
  else {
    body.push(
      plain(
        t("commitments.final.staff.total", {
          people: String(totals.total.people),
          fte: fteText(totals.total.fteHundredths, locale),
        }),
      ),
      heading(t("commitments.final.staff.byFunding"), 2),
      dataTable(
        [
          t("commitments.final.column.funding"),
          t("commitments.final.column.people"),
          t("commitments.final.column.fte"),
        ],
        totals.byFundingSource.map((f) => [
          t(`commitments.funding.${f.fundingSource}`),
          String(f.people),
          fteText(f.fteHundredths, locale),
        ]),
        [5026, 2000, 2000],
      ),
      heading(t("commitments.final.staff.byOrganisation"), 2),
      dataTable(
        [
          t("commitments.final.column.organisation"),
          t("commitments.final.column.people"),
          t("commitments.final.column.fte"),
        ],
        totals.byOrganisation.map((o) => [o.organisation, String(o.people), fteText(o.fteHundredths, locale)]),
        [5026, 2000, 2000],
      ),
      heading(t("commitments.final.staff.returns"), 2),
      dataTable(
        [
          t("commitments.final.column.month"),
          t("commitments.final.column.people"),
          t("commitments.final.column.fte"),
          t("commitments.final.column.returning"),
        ],
        returns.map((m) => [
          monthName(m.month, locale),
          String(m.people),
          fteText(m.fteHundredths, locale),
          m.returns.map((r) => r.view.secondment.personName).join(", "),
        ]),
        [1800, 1000, 1000, 5226],
      ),
    );
  }

  body.push(heading(t("commitments.final.grants"), 1));
  if (report.grants.length === 0) body.push(note(t("commitments.final.noGrants")));
  for (const { grant: g, summary: s } of report.grants) {
    body.push(heading(g.name, 2));
    body.push(
      dataTable(
        [t("commitments.final.column.figure"), t("commitments.final.column.value")],
        [
          [t("commitments.report.funding"), t(`commitments.funding.${g.fundingSource}`)],
          [t("commitments.final.column.amount"), euros(g.amountCents, g.currency)],
          [t("commitments.final.column.eligible"), euros(s.eligibleCents, g.currency)],
          [t("commitments.report.ineligibleCosts"), euros(s.ineligibleCents, g.currency)],
          [t("commitments.final.column.used"), euros(s.grantUsedCents, g.currency)],
          [t("commitments.final.column.remaining"), euros(s.remainingCents, g.currency)],
          [t("commitments.final.column.toReturn"), euros(s.toReturnCents, g.currency)],
        ],
        [6026, 3000],
      ),
    );
  }
  return body;
}

/** The report as a Word document (A4, the exports' look, in the caller's language). */
export function finalReportDocument(report: FinalReport, locale: Locale) {
  return wordDocument(
    { title: translate(locale, "commitments.final.title"), locale },
    finalReportBody(report, locale) as Parameters<typeof wordDocument>[1],
  );
}

/** The whole file. */
export const finalReportDocx = (report: FinalReport, locale: Locale): Promise<Buffer> =>
  Packer.toBuffer(finalReportDocument(report, locale));

import type { Locale } from "../../../i18n/locale.ts";
import { translate } from "../../../i18n/translate.ts";
import type { ExportColumn, ExportTable } from "../../walls/outputs/table.ts";
import type { ConsultationSummary } from "../consultation.ts";

/** The summary's columns: the goal, then the comment as a wall's export shows it (the walls' own headers). */
export const consultationColumns = [
  { key: "goal", header: "strategy.consultation.column.goal", width: 34, typed: true },
  { key: "category", header: "strategy.consultation.column.category", width: 30 },
  { key: "kind", header: "outputs.column.kind", width: 12 },
  { key: "title", header: "outputs.column.title", width: 30, typed: true },
  { key: "text", header: "outputs.column.text", width: 70, typed: true, wrap: true },
  { key: "author", header: "outputs.column.author", width: 22, typed: true },
  { key: "likes", header: "outputs.column.likes", width: 11 },
  { key: "replyTo", header: "outputs.column.replyTo", width: 38 },
  { key: "id", header: "outputs.column.id", width: 38 },
  { key: "createdLocal", header: "outputs.column.createdLocal", width: 20, moment: true },
] as const satisfies readonly ExportColumn[];

/** All comments in one table (the CSV, the XLSX's first sheet), then one table per goal (the XLSX's other sheets). */
export function consultationTables(summary: ConsultationSummary, locale: Locale): ExportTable[] {
  const rowsOf = (goal: ConsultationSummary["goals"][number]) =>
    goal.comments.map((c) => ({
      goal: goal.goal.title,
      category: translate(locale, `strategy.category.${goal.goal.category}`),
      kind: translate(locale, `outputs.kind.${c.kind}`),
      title: c.title ?? "",
      text: c.body,
      // The name the writer chose to show, and nothing else.
      author: c.authorName ?? "",
      likes: c.likes,
      replyTo: c.parentId ?? "",
      id: c.id,
      createdLocal: new Date(c.createdAt),
    }));
  const columns = consultationColumns;
  return [
    { name: translate(locale, "strategy.consultation.sheet.all"), rows: summary.goals.flatMap(rowsOf), columns },
    ...summary.goals.map((g) => ({ name: g.goal.title, rows: rowsOf(g), columns })),
  ];
}

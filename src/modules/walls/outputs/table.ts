import type { Locale } from "../../../i18n/locale.ts";
import { type MessageKey, translate } from "../../../i18n/translate.ts";
import type { OutputsMessageKey } from "./messages.ts";
import type { ExportPost } from "./read.ts";

/**
 * A cell: text, a number, or a moment shown in Finnish local time (CSV writes
 * it as text, XLSX as a date cell).
 */
export type Cell = string | number | Date;

export interface ExportColumn {
  key: string;
  header: MessageKey;
  /** Width in characters, for the XLSX sheet. */
  width: number;
  /** Text a participant wrote (or a link they gave): guarded against spreadsheet formulas in CSV. */
  typed?: boolean;
  /** Long text: wrapped in the XLSX sheet. */
  wrap?: boolean;
  /** A moment: a date cell in Finnish time in the XLSX sheet. */
  moment?: boolean;
}

/** A wall's columns; other modules' exports (a strategy's consultation summary) give their own. */
export const exportColumns = [
  { key: "id", header: "outputs.column.id", width: 38 },
  { key: "section", header: "outputs.column.section", width: 24, typed: true },
  { key: "kind", header: "outputs.column.kind", width: 12 },
  { key: "title", header: "outputs.column.title", width: 30, typed: true },
  { key: "text", header: "outputs.column.text", width: 70, typed: true, wrap: true },
  { key: "author", header: "outputs.column.author", width: 22, typed: true },
  { key: "status", header: "outputs.column.status", width: 20 },
  { key: "pinned", header: "outputs.column.pinned", width: 11 },
  { key: "likes", header: "outputs.column.likes", width: 11 },
  { key: "votes", header: "outputs.column.votes", width: 9 },
  { key: "replies", header: "outputs.column.replies", width: 11 },
  { key: "replyTo", header: "outputs.column.replyTo", width: 38 },
  { key: "attachment", header: "outputs.column.attachment", width: 40, typed: true },
  { key: "createdIso", header: "outputs.column.createdIso", width: 26 },
  { key: "createdLocal", header: "outputs.column.createdLocal", width: 20, moment: true },
  { key: "edited", header: "outputs.column.edited", width: 10 },
] as const satisfies readonly ExportColumn[];

export type ColumnKey = (typeof exportColumns)[number]["key"];
export type ExportRow = Record<ColumnKey, Cell>;

/** One table of the export: the whole wall, or one section of it. */
export interface ExportTable {
  /** The sheet's name before Excel's rules are applied (see xlsx.ts). */
  name: string;
  rows: Record<string, Cell>[];
  /** The table's columns, when not a wall's (exportColumns). */
  columns?: readonly ExportColumn[];
}

/** The columns a table is written with. */
export const columnsOf = (table: { columns?: readonly ExportColumn[] }): readonly ExportColumn[] =>
  table.columns ?? exportColumns;

/**
 * A table written as it is read: its rows come a page at a time (`pages` is
 * called when the table's turn comes, so its queries run then), and it is never
 * whole in memory.
 */
export interface StreamedTable {
  name: string;
  pages(): AsyncIterable<Record<string, Cell>[]>;
  columns?: readonly ExportColumn[];
}

/**
 * One exported post as a row of the wall's columns. `post.sectionId` is the
 * section it belongs to (read-pages.ts gives a reply without one its parent's).
 */
export function exportRowMaker(sections: { id: string; title: string }[], locale: Locale, publicUrl: string) {
  const t = (key: OutputsMessageKey) => translate(locale, key);
  const sectionTitle = new Map(sections.map((s) => [s.id, s.title]));
  const base = publicUrl.replace(/\/+$/, "");
  return (post: ExportPost): ExportRow => ({
    id: post.id,
    section: post.sectionId ? (sectionTitle.get(post.sectionId) ?? "") : "",
    kind: t(`outputs.kind.${post.kind}`),
    title: post.title ?? "",
    text: post.body,
    // The name the writer chose to show, and nothing else: never an account or a participant id.
    author: post.authorName ?? "",
    status: t(`outputs.status.${post.status}`),
    pinned: t(post.pinned ? "outputs.yes" : "outputs.no"),
    likes: post.likes,
    votes: post.votes,
    replies: post.parentId ? "" : post.replies,
    replyTo: post.parentId ?? "",
    attachment: attachmentUrl(post, base),
    createdIso: post.createdAt.toISOString(),
    createdLocal: post.createdAt,
    // As the presenters decide it: a change more than a second after posting.
    edited: t(post.updatedAt.getTime() - post.createdAt.getTime() > 1000 ? "outputs.yes" : "outputs.no"),
  });
}

function attachmentUrl(post: ExportPost, base: string): string {
  const a = post.attachment;
  if (!a) return "";
  if (a.kind === "link") return a.url ?? "";
  // The same address the presenters give a stored file, made absolute so it works from a spreadsheet.
  return a.fileId ? `${base}/files/${a.fileId}/${encodeURIComponent(a.name ?? "file")}` : (a.name ?? "");
}

// ---------------------------------------------------------------------------
// Finnish local time

const helsinki = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock time in Finland at that moment, as numbers. */
export function finnishTime(date: Date) {
  const parts = Object.fromEntries(helsinki.formatToParts(date).map((p) => [p.type, p.value]));
  const n = (type: string) => Number(parts[type]);
  return {
    year: n("year"),
    month: n("month"),
    day: n("day"),
    hour: n("hour"),
    minute: n("minute"),
    second: n("second"),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2016-08-31 09:30:00" in Finnish time: every spreadsheet reads it as a date, whatever its language. */
export function finnishTimeText(date: Date): string {
  const f = finnishTime(date);
  return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

/** Today's date in Finland, for file names. */
export function finnishDate(date: Date): string {
  return finnishTimeText(date).slice(0, 10);
}

/**
 * A file name from the wall's title: letters without their accents (ä → a),
 * digits and dashes only, then the date.
 */
export function exportFileName(title: string, fallback: string, date: Date, extension: "csv" | "xlsx"): string {
  const stem =
    title
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "")
      .toLowerCase() || fallback;
  return `${stem}-${finnishDate(date)}.${extension}`;
}

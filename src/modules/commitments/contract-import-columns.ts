import { dayOf, type RawCell, textOf } from "../../core/sheet-rows.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import {
  type ContractStatus,
  type ContractType,
  contractStatuses,
  contractTypes,
  type PartyRole,
  partyRoles,
} from "./constants.ts";
import { commitmentsEn, commitmentsFi, commitmentsSv } from "./messages.ts";

/*
 * The register's common column layout, shared by the import (contract-import.ts) and the export
 * (contract-export.ts), so what the export writes the import reads back: folder, type, name, number, diary number,
 * parties, period, option period, notice period, status, value, metadata. Titles in any of the three languages
 * (or the keys) are accepted; the export writes the reader's language.
 */
export const contractColumns = [
  "folder",
  "type",
  "name",
  "number",
  "diaryNumber",
  "parties",
  "period",
  "optionPeriods",
  "notice",
  "status",
  "value",
  "metadata",
] as const;
export type ContractColumn = (typeof contractColumns)[number];
export const requiredColumns: readonly ContractColumn[] = ["folder", "type", "name", "number", "period"];

const catalogs = [commitmentsFi, commitmentsSv, commitmentsEn] as const;
const lower = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
/** Every name a label has in the three languages (and its key), lowercased → the value. */
function namesOf<T extends string>(values: readonly T[], key: (v: T) => keyof typeof commitmentsFi): Map<string, T> {
  const names = new Map<string, T>();
  for (const v of values) {
    names.set(lower(v), v);
    for (const catalog of catalogs) names.set(lower(catalog[key(v)]), v);
  }
  return names;
}

export const columnNames = namesOf(contractColumns, (c) => `commitments.io.column.${c}`);
// Titles without the currency mark ("Arvo", "Value") and the keys' spaced forms are accepted too.
for (const [alias, column] of [
  ["arvo", "value"],
  ["värde", "value"],
  ["diary number", "diaryNumber"],
  ["option periods", "optionPeriods"],
  ["optiokaudet", "optionPeriods"],
] as const)
  columnNames.set(alias, column);
export const typeNames = namesOf(contractTypes, (t) => `commitments.type.${t}`);
export const statusNames = namesOf(contractStatuses, (s) => `commitments.status.${s}`);
export const roleNames = namesOf(partyRoles, (r) => `commitments.partyRole.${r}`);

export const columnTitle = (locale: Locale, column: ContractColumn) =>
  translate(locale, `commitments.io.column.${column}`);

/** A cell's text; the apostrophe the export puts before a leading = + - @ (so no sheet runs it) is dropped. */
export const cellText = (cell: RawCell) => textOf(cell).replace(/^'(?=[=+\-@])/, "");

/** "1.1.2019 – 31.12.2019", "2019-01-01 – 2019-12-31" or "2019-01-01 –" (open-ended). */
export function parsePeriod(text: string): { start: string; end: string | null } | null {
  const parts = text.split(/\s*[–—]\s*|\s+-\s+/);
  if (parts.length !== 2) return null;
  const start = dayOf(parts[0] ?? "");
  const endText = (parts[1] ?? "").trim();
  const end = endText === "" ? null : dayOf(endText);
  if (!start || (endText !== "" && !end)) return null;
  return { start, end };
}

/** A day as the import reads it back: 1.1.2019 in Finnish, 2019-01-01 otherwise (Swedish and ISO agree). */
const dayText = (locale: Locale, day: string) => {
  const [y, m, d] = day.split("-");
  return locale === "fi" ? `${Number(d)}.${Number(m)}.${y}` : day;
};
export const periodText = (locale: Locale, start: string, end: string | null) =>
  `${dayText(locale, start)} – ${end ? dayText(locale, end) : ""}`.trim();

/** Option periods "start – end" separated by semicolons; a trailing * marks one taken up. */
export function parseOptions(text: string): { start: string; end: string; exercised: boolean }[] | null {
  const periods = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const exercised = part.endsWith("*");
    const period = parsePeriod(part.replace(/\*$/, "").trim());
    if (!period?.end) return null;
    periods.push({ start: period.start, end: period.end, exercised });
  }
  return periods;
}

const noticeUnitWords: Record<string, "months" | "days"> = {
  kk: "months",
  kuukautta: "months",
  kuukausi: "months",
  mån: "months",
  månader: "months",
  månad: "months",
  months: "months",
  month: "months",
  pv: "days",
  päivää: "days",
  päivä: "days",
  dagar: "days",
  dag: "days",
  days: "days",
  day: "days",
};

/** "3 kk", "3 mån", "3 months", "90 pv", "90 dagar", "90 days". */
export function parseNotice(text: string): { amount: number; unit: "months" | "days" } | null {
  const match = /^(\d{1,4})\s*([\p{L}.]+)$/u.exec(text.trim());
  const unit = match ? noticeUnitWords[lower(match[2] ?? "").replace(/\.$/, "")] : undefined;
  if (!match || !unit) return null;
  return { amount: Number(match[1]), unit };
}

export const noticeText = (locale: Locale, notice: { amount: number; unit: "months" | "days" }) =>
  translate(locale, `commitments.io.notice.${notice.unit}`, { n: String(notice.amount) });

export interface ImportedParty {
  name: string;
  businessId: string | null;
  role: PartyRole;
}

/** "Toimittaja: Name (1234567-8); Tilaaja: Other" — the role in any language; without one, "other". */
export function parseParties(text: string): { parties: ImportedParty[] } | { unknownRole: string } | null {
  const parties: ImportedParty[] = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(?:([^:]+):\s*)?(.+?)(?:\s*\(([^()]*)\))?$/.exec(part);
    if (!match) return null;
    const [, roleText, name = "", id] = match;
    let role: PartyRole = "other";
    if (roleText !== undefined) {
      const known = roleNames.get(lower(roleText));
      if (!known) return { unknownRole: roleText.trim() };
      role = known;
    }
    if (!name.trim()) return null;
    parties.push({ name: name.trim(), businessId: id?.trim() || null, role });
  }
  return { parties };
}

export const partiesText = (locale: Locale, parties: { name: string; businessId: string | null; role: PartyRole }[]) =>
  parties
    .map(
      (p) =>
        `${translate(locale, `commitments.partyRole.${p.role}`)}: ${p.name}${p.businessId ? ` (${p.businessId})` : ""}`,
    )
    .join("; ");

/** "key=value; other=value". */
export function parseMetadata(text: string): Record<string, string> | null {
  const metadata: Record<string, string> = {};
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf("=");
    if (at <= 0) return null;
    metadata[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return metadata;
}

export const metadataText = (metadata: Record<string, string>) =>
  Object.entries(metadata)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

export type { ContractStatus, ContractType };

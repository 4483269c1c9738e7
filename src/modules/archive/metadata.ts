import { createHash } from "node:crypto";
import type { ArchivedTable } from "./catalogue.ts";

/**
 * The SÄHKE2-style metadata of one record, taken from its own columns by name (docs/archive.md lists the rule):
 * the first column present and not null wins. A record without such a column gets null.
 */
const titleColumns = ["title", "name", "subject", "heading", "label", "slug", "file_name", "email", "action"];
const createdColumns = ["created_at", "at", "entered_at", "uploaded_at", "added_at", "sent_at", "started_at"];
const modifiedColumns = ["updated_at", "edited_at", "corrected_at", "replaced_at", "deleted_at"];
const creatorColumns = [
  "created_by",
  "author_user_id",
  "author_id",
  "actor_id",
  "uploaded_by",
  "entered_by",
  "invited_by",
  "requested_by",
  "decided_by",
  "user_id",
];

export interface RecordLine {
  /** The record's primary key; a composite key's parts joined by "/". */
  id: string;
  type: string;
  module: string;
  title: string | null;
  created: string | null;
  modified: string | null;
  creator: string | null;
  /** SHA-256 (hex) of `record` exactly as written: PostgreSQL's jsonb text of the row, read in UTC. */
  sha256: string;
}

const first = (row: Record<string, unknown>, names: readonly string[]): string | null => {
  for (const name of names) {
    const value = row[name];
    if (value !== null && value !== undefined && value !== "") return String(value);
  }
  return null;
};

export const sha256Hex = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");

/**
 * One JSON Lines line: the metadata, then the record as the database printed it (kept as text, so numbers of
 * any precision and every key stay exactly as stored).
 */
export function recordLine(table: ArchivedTable, recordText: string): { line: string; sha256: string } {
  const row = JSON.parse(recordText) as Record<string, unknown>;
  const title = first(row, titleColumns);
  const created = first(row, createdColumns);
  const meta: RecordLine = {
    id: table.key.map((k) => String(row[k])).join("/"),
    type: table.type,
    module: table.module,
    title: title && title.length > 500 ? `${title.slice(0, 499)}…` : title,
    created,
    modified: first(row, modifiedColumns) ?? created,
    creator: first(row, creatorColumns),
    sha256: sha256Hex(recordText),
  };
  const head = JSON.stringify(meta);
  return { line: `${head.slice(0, -1)},"record":${recordText}}\n`, sha256: meta.sha256 };
}

/**
 * A record type's digest: the sum modulo 2^256 of its records' SHA-256 values (as big-endian integers), so it does
 * not depend on the order the records were read in.
 */
export class Digest {
  private sum = 0n;
  count = 0;
  add(sha256: string) {
    this.sum = (this.sum + BigInt(`0x${sha256}`)) & ((1n << 256n) - 1n);
    this.count += 1;
  }
  hex(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}

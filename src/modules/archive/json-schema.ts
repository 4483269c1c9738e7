import { type ArchivedColumn, archivedTables } from "./catalogue.ts";
import { archiveFormat } from "./constants.ts";

/** A column's value in JSON, as PostgreSQL's to_jsonb prints it. */
function columnSchema(column: ArchivedColumn): Record<string, unknown> {
  const type = column.sqlType;
  let schema: Record<string, unknown>;
  if (column.enumValues) schema = { type: "string", enum: [...column.enumValues] };
  else if (type.endsWith("[]"))
    schema = { type: "array", items: columnSchema({ ...column, sqlType: type.slice(0, -2), notNull: true }) };
  else if (type === "uuid") schema = { type: "string", format: "uuid" };
  else if (type.startsWith("timestamp")) schema = { type: "string", format: "date-time", description: "ISO 8601, UTC" };
  else if (type === "date") schema = { type: "string", format: "date" };
  else if (/^(integer|smallint|bigint|serial|bigserial|smallserial)$/.test(type)) schema = { type: "integer" };
  else if (type.startsWith("numeric") || type === "real" || type === "double precision")
    schema = { type: "number", description: "exact decimal: read the line with a parser that keeps all digits" };
  else if (type === "boolean") schema = { type: "boolean" };
  else if (type === "jsonb" || type === "json") schema = {};
  else if (type === "bytea") schema = { type: "string", pattern: "^\\\\x([0-9a-f]{2})*$", description: "hex bytes" };
  else schema = { type: "string", description: type };
  return column.notNull || Object.keys(schema).length === 0 ? schema : { anyOf: [schema, { type: "null" }] };
}

/**
 * The JSON Schema (2020-12) of one line of records/<type>.jsonl: the SÄHKE2-style metadata and the record, whose
 * shape is one of the $defs, by type. Generated from the tables themselves; docs/archive-record.schema.json is
 * this output (archive tests check they match).
 */
export function archiveRecordSchema(): Record<string, unknown> {
  const tables = archivedTables();
  const defs = Object.fromEntries(
    tables.map((t) => [
      t.type,
      {
        type: "object",
        properties: Object.fromEntries(t.columns.map((c) => [c.name, columnSchema(c)])),
        required: t.columns.map((c) => c.name),
        additionalProperties: false,
      },
    ]),
  );
  const nullableText = { anyOf: [{ type: "string" }, { type: "null" }] };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://uudistamo.fi/schemas/archive-record.schema.json",
    title: `Uudistamo archive record (${archiveFormat})`,
    description:
      "One line of records/<type>.jsonl: the record's metadata (after SÄHKE2: identifier, type, title, created, modified, creator, the module that kept it) and the record itself, every column as stored.",
    type: "object",
    required: ["id", "type", "module", "title", "created", "modified", "creator", "sha256", "record"],
    additionalProperties: false,
    properties: {
      id: { type: "string", description: "The record's primary key; a composite key's parts joined by '/'" },
      type: { enum: tables.map((t) => t.type), description: "<module>.<table>" },
      module: { enum: [...new Set(tables.map((t) => t.module))] },
      title: nullableText,
      created: { ...nullableText, description: "ISO 8601, UTC" },
      modified: { ...nullableText, description: "ISO 8601, UTC; the created time when never modified" },
      creator: { ...nullableText, description: "The id of the person (accounts.users) who made it" },
      sha256: {
        type: "string",
        pattern: "^[0-9a-f]{64}$",
        description: "SHA-256 of the record's JSON text as written in this line",
      },
      record: { type: "object" },
    },
    // Exactly one type matches a line, and its record has that type's columns.
    oneOf: tables.map((t) => ({
      properties: { type: { const: t.type }, record: { $ref: `#/$defs/${t.type}` } },
    })),
    $defs: defs,
  };
}

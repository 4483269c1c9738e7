import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const modulesDir = import.meta.dirname;
const writeMethods = new Set(["insert", "update", "delete"]);

/**
 * Writes across a boundary that are the design, each with its reason. Keep this
 * list short: a new entry needs the same kind of reason.
 */
const declaredExceptions = new Set([
  // People are better-auth's users: the people module keeps their title, home organisation and role in that table.
  "people/service.ts updates users of accounts",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|testing)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The module a resolved import path belongs to: `src/modules/<name>/…` → name. */
const moduleOf = (file: string) => path.relative(modulesDir, file).split(path.sep)[0] ?? "";

/**
 * Every `db.insert(t)`, `tx.update(t)` and `tx.delete(t)` in a module's code whose
 * table `t` is imported from another module's schema: a write into a table the
 * module does not own. (Biome's import rules cannot tell a write from a read or a
 * foreign key, so this check reads the code itself.)
 */
function foreignWrites(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const importedFrom = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = path.resolve(path.dirname(file), statement.moduleSpecifier.text);
    const names = statement.importClause?.namedBindings;
    if (names && ts.isNamedImports(names)) for (const n of names.elements) importedFrom.set(n.name.text, target);
  }
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      writeMethods.has(node.expression.name.text) &&
      node.arguments[0] &&
      ts.isIdentifier(node.arguments[0])
    ) {
      const table = node.arguments[0].text;
      const from = importedFrom.get(table);
      if (from && /schema(\.ts)?$/.test(from) && from.startsWith(modulesDir) && moduleOf(from) !== moduleOf(file)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(
          `${path.relative(modulesDir, file)}:${line} ${node.expression.name.text}s ${table} of ${moduleOf(from)}`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("module boundaries", () => {
  it("no module writes another module's tables: it asks that module's service", () => {
    const files = sourceFiles(modulesDir);
    expect(files.length).toBeGreaterThan(50);
    const writes = files.flatMap((file) => foreignWrites(file)).map((w) => w.replace(/:\d+ /, " "));
    expect(writes.filter((w) => !declaredExceptions.has(w))).toEqual([]);
  });

  it("the check finds such a write, and not a read or a write of the module's own table", () => {
    const probe = path.join(modulesDir, "events", "probe.ts");
    const text = [
      'import { walls } from "../walls/schema.ts";',
      'import { events } from "./schema.ts";',
      "export const f = async (tx: any) => {",
      "  await tx.select().from(walls);",
      "  await tx.update(events).set({});",
      "  await tx.update(walls).set({ joinCode: null });",
      "};",
    ].join("\n");
    expect(foreignWrites(probe, text)).toEqual(["events/probe.ts:6 updates walls of walls"]);
  });

  it("the web UI cannot import server code: Biome refuses it (biome.json, overrides for app/)", () => {
    // A probe file inside app/ for a moment: the override applies by path.
    const lint = (source: string) => {
      const probe = path.resolve(modulesDir, `../../app/routes/.boundary-probe-${process.pid}.tsx`);
      writeFileSync(probe, source);
      try {
        return spawnSync(path.resolve(modulesDir, "../../node_modules/.bin/biome"), ["lint", probe], {
          encoding: "utf8",
        });
      } finally {
        rmSync(probe, { force: true });
      }
    };
    const refused = lint('import { openDatabase } from "../../src/db/client.ts";\nexport const x = openDatabase;\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("load context");
    const driver = lint('import { sql } from "drizzle-orm";\nexport const x = sql;\n');
    expect(driver.status).not.toBe(0);
    const allowed = lint(
      'import { eventsPolicy } from "../../src/modules/events/policy.ts";\nexport const x = eventsPolicy;\n',
    );
    expect(allowed.status).toBe(0);
  });
});

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes the figures as `<name>-<timestamp>.json` and `latest.json` (each
 * through a `.tmp` file and a rename, so a reader never sees half a file).
 * The timestamp is ISO 8601 in UTC with ':' written as '-' so it is a valid
 * file name everywhere, e.g. quick-2026-11-22T17-09-00.123Z.json.
 */
export function writeResults(dir: string, name: string, startedAt: Date, results: unknown): string[] {
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replaceAll(":", "-");
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const files = [path.join(dir, `${name}-${stamp}.json`), path.join(dir, "latest.json")];
  for (const file of files) {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }
  return files;
}

// Reads an archive ZIP (an export of a whole workspace) into an empty workspace: `npx tsx scripts/archive-import.ts
// <archive.zip>` with the same DATABASE_URL / DATA_DIR as the server, before the server is started on it (a started
// server installs its built-in templates, and the workspace is no longer empty). People set a new password after.
import path from "node:path";
import { loadConfig } from "../src/config/env.ts";
import { openDatabase } from "../src/db/client.ts";
import { importArchive } from "../src/modules/archive/import-archive.ts";

const zip = process.argv[2];
if (!zip) {
  console.error("Usage: npx tsx scripts/archive-import.ts <archive.zip>");
  process.exit(2);
}
const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, "pglite") },
);
try {
  await database.migrate();
  const result = await importArchive(database.db, path.resolve(zip));
  for (const { type, count } of result.types) console.log(`${type.padEnd(48)} ${count}`);
  console.log(`${"files".padEnd(48)} ${result.files.count}`);
  console.log("Imported; every record type's count and digest and every file's SHA-256 match the archive.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}

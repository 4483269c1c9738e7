import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { storedFiles } from "../files/schema.ts";
import { createDatabaseFileStore } from "../files/store.ts";
import { archiveExports } from "./schema.ts";

interface ExportJson {
  id: string;
  status: string;
  download: string | null;
  sha256: string | null;
  sizeBytes: number | null;
}

// Only in the PostgreSQL project: two app instances share one database (PGlite cannot). Each has its own DATA_DIR,
// as stateless instances on different machines would.
describe("an archive export with two app instances on one PostgreSQL database", () => {
  const dataDirs = [1, 2].map((n) => mkdtempSync(path.join(tmpdir(), `uudistamo-archive-instance-${n}-`)));
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("is built by one instance and downloaded whole through the other, from the database", {
    timeout: 180_000,
  }, async () => {
    const first = await startTestApp({ env: { DATA_DIR: dataDirs[0] as string } });
    apps.push(first);
    const admin = await createPerson(first.database, "admin");
    const auditor = await createPerson(first.database, "auditor");
    // A file of several stored pieces, so the ZIP carries real bytes.
    const bytes = Buffer.alloc(900 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const attachment = await createDatabaseFileStore(first.database.db).put({
      data: bytes,
      mimeType: "application/pdf",
      name: "sopimus.pdf",
    });

    // Only the first instance runs yet: its job worker builds the ZIP.
    const adminCookie = await signIn(first, admin.email, admin.password);
    const started = await api(first, "/api/archive/exports", { method: "POST", cookie: adminCookie });
    expect(started.status).toBe(202);
    const id = (started.json as unknown as ExportJson).id;
    let status = started.json as unknown as ExportJson;
    const deadline = Date.now() + 60_000;
    while (status.status !== "done" && status.status !== "failed" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await api(first, `/api/archive/exports/${id}`, { cookie: adminCookie })).json as unknown as ExportJson;
    }
    expect(status.status).toBe("done");

    // The ZIP is in the database's file store, and nothing of it is left on the building instance's disk.
    const [row] = await first.database.db.select().from(archiveExports).where(eq(archiveExports.id, id));
    expect(row?.fileId).toBeTruthy();
    const [stored] = await first.database.db
      .select({ size: storedFiles.size, sha256: storedFiles.sha256, mimeType: storedFiles.mimeType })
      .from(storedFiles)
      .where(eq(storedFiles.id, row?.fileId ?? ""));
    expect(stored).toEqual({ size: status.sizeBytes, sha256: status.sha256, mimeType: "application/zip" });
    const scratch = path.join(dataDirs[0] as string, "archives");
    expect(existsSync(scratch) ? readdirSync(scratch) : []).toEqual([]);
    rmSync(dataDirs[0] as string, { recursive: true, force: true });

    // A second instance, on another DATA_DIR, started after the export: it serves the download.
    const second = await startTestApp({ sameDatabaseAs: first, env: { DATA_DIR: dataDirs[1] as string } });
    apps.push(second);
    const auditorCookie = await signIn(second, auditor.email, auditor.password);
    const listed = await api(second, "/api/archive/exports", { cookie: auditorCookie });
    expect((listed.json as unknown as { items: ExportJson[] }).items.map((e) => e.id)).toContain(id);
    const response = await fetch(`${second.url}${status.download}`, { headers: { cookie: auditorCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(status.sizeBytes));
    const zipBytes = new Uint8Array(await response.arrayBuffer());
    expect(zipBytes.byteLength).toBe(status.sizeBytes);
    expect(createHash("sha256").update(zipBytes).digest("hex")).toBe(status.sha256);
    const zip = unzipSync(zipBytes);
    const manifest = JSON.parse(strFromU8(zip["manifest.json"] as Uint8Array));
    expect(manifest.files.count).toBe(1);
    expect(Buffer.from(zip[`files/${attachment.id}`] as Uint8Array).equals(bytes)).toBe(true);

    // A second export (now either instance may run it) does not hold the first one's ZIP: an archive holds records,
    // not the archives before it.
    const again = await api(second, "/api/archive/exports", {
      method: "POST",
      cookie: await signIn(second, admin.email, admin.password),
    });
    expect(again.status).toBe(202);
    const againId = (again.json as unknown as ExportJson).id;
    let later = again.json as unknown as ExportJson;
    const laterDeadline = Date.now() + 60_000;
    while (later.status !== "done" && later.status !== "failed" && Date.now() < laterDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      later = (await api(first, `/api/archive/exports/${againId}`, { cookie: adminCookie }))
        .json as unknown as ExportJson;
    }
    expect(later.status).toBe("done");
    const secondZip = unzipSync(
      new Uint8Array(
        await (await fetch(`${first.url}${later.download}`, { headers: { cookie: adminCookie } })).arrayBuffer(),
      ),
    );
    const files = Object.keys(secondZip).filter((name) => name.startsWith("files/"));
    expect(files).toEqual([`files/${attachment.id}`]);
    const storedRecords = strFromU8(secondZip["records/files.stored_files.jsonl"] as Uint8Array)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    expect(storedRecords).toEqual([attachment.id]);
  });
});

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { seedDemoWorkspace } from "../../demo/seed.ts";
import { createDatabaseFileStore } from "../files/store.ts";

interface ExportJson {
  id: string;
  status: string;
  progress: { recordsDone: number; recordsTotal: number; filesDone: number; filesTotal: number };
  download: string | null;
  sha256: string | null;
}

describe("archive export of the whole workspace", () => {
  let app: TestApp;
  let dataDir: string;
  const cookies: Record<"admin" | "auditor" | "staff" | "member", string> = {
    admin: "",
    auditor: "",
    staff: "",
    member: "",
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "uudistamo-archive-"));
    app = await startTestApp({ env: { DATA_DIR: dataDir } });
    await seedDemoWorkspace(app.database.db);
    for (const role of ["admin", "auditor", "staff", "member"] as const) {
      const person = await createPerson(app.database, role);
      ids[role] = person.id;
      cookies[role] = await signIn(app, person.email, person.password);
    }
    // The whole demo workspace goes through the services: slow on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets only an admin start one; auditors follow and download it; staff and members see nothing", async () => {
    expect((await api(app, "/api/archive/exports", { method: "POST", cookie: cookies.staff })).status).toBe(403);
    expect((await api(app, "/api/archive/exports", { method: "POST", cookie: cookies.auditor })).status).toBe(403);
    expect((await api(app, "/api/archive/exports", { method: "POST" })).status).toBe(401);
    expect((await api(app, "/api/archive/exports", { cookie: cookies.member })).status).toBe(403);
    expect((await api(app, "/api/archive/exports", { cookie: cookies.auditor })).status).toBe(200);
  });

  it("builds the ZIP in a background job, shows its progress, and serves it when done", async () => {
    // A stored file of several pieces, so the ZIP carries real bytes.
    const bytes = Buffer.alloc(700 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const file = await createDatabaseFileStore(app.database.db).put({
      data: bytes,
      mimeType: "application/pdf",
      name: "sopimus.pdf",
    });

    const started = await api(app, "/api/archive/exports", { method: "POST", cookie: cookies.admin });
    expect(started.status).toBe(202);
    const queued = started.json as unknown as ExportJson;
    expect(queued.download).toBeNull();
    await expectAudited(app.database.db, {
      module: "archive",
      action: "export.start",
      targetId: queued.id,
      actorId: ids.admin,
    });

    // Not ready yet (or just now): a download before it is done is a 409, never a half file.
    const early = await fetch(`${app.url}/archive/exports/${queued.id}/archive.zip`, {
      headers: { cookie: cookies.admin },
    });
    expect([200, 409]).toContain(early.status);
    await early.arrayBuffer();

    let status: ExportJson = queued;
    const deadline = Date.now() + 60_000;
    while (status.status !== "done" && status.status !== "failed" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const polled = await api(app, `/api/archive/exports/${queued.id}`, { cookie: cookies.auditor });
      expect(polled.status).toBe(200);
      status = polled.json as unknown as ExportJson;
      expect(status.progress.recordsDone).toBeLessThanOrEqual(
        Math.max(status.progress.recordsTotal, status.progress.recordsDone),
      );
    }
    expect(status.status).toBe("done");
    expect(status.progress.recordsTotal).toBeGreaterThan(900);
    expect(status.progress.recordsDone).toBe(status.progress.recordsTotal);
    expect(status.progress).toMatchObject({ filesDone: 1, filesTotal: 1 });
    expect(status.download).toBe(`/archive/exports/${queued.id}/archive.zip`);
    // Built in DATA_DIR/archives, then moved into the file store: nothing is left on this instance's disk.
    expect(readdirSync(path.join(dataDir, "archives"))).toEqual([]);

    expect((await fetch(`${app.url}${status.download}`, { headers: { cookie: cookies.staff } })).status).toBe(403);
    const response = await fetch(`${app.url}${status.download}`, { headers: { cookie: cookies.auditor } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="uudistamo-archive-/);
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    await expectAudited(app.database.db, {
      module: "archive",
      action: "export.download",
      targetId: queued.id,
      actorId: ids.auditor,
      count: early.status === 200 ? 2 : 1,
    });

    const manifest = JSON.parse(strFromU8(zip["manifest.json"] as Uint8Array));
    const counts = Object.fromEntries(manifest.types.map((t: { type: string; count: number }) => [t.type, t.count]));
    expect(counts).toMatchObject({ "walls.walls": 13, "events.events": 7, "commitments.contracts": 26 });
    expect(counts["audit.audit_events"]).toBeGreaterThan(100);
    expect(counts["walls.wall_posts"]).toBeGreaterThanOrEqual(20);
    expect(counts["deliverables.deliverable_section_versions"]).toBeGreaterThan(0);
    expect(manifest.leftOut).toHaveProperty("accounts");

    expect(zip["schema/archive-record.schema.json"]).toBeDefined();
    expect(Buffer.from(zip[`files/${file.id}`] as Uint8Array).equals(bytes)).toBe(true);
    const contracts = strFromU8(zip["records/commitments.contracts.jsonl"] as Uint8Array)
      .trim()
      .split("\n");
    expect(contracts).toHaveLength(26);
    const first = JSON.parse(contracts[0] as string);
    expect(first).toMatchObject({ type: "commitments.contracts", module: "commitments" });
    expect(first.title).toBe(first.record.name);
    expect(first.id).toBe(first.record.id);
    // No password hash or session token leaves in an archive.
    expect(Object.keys(zip).some((name) => /accounts\.(accounts|sessions|verifications)/.test(name))).toBe(false);
  });

  it("answers an unknown export with 404, in the caller's language", async () => {
    const missing = await api(app, "/api/archive/exports/00000000-0000-4000-8000-000000000000", {
      cookie: cookies.admin,
    });
    expect(missing.status).toBe(404);
    expect((await api(app, "/api/archive/exports/nope", { cookie: cookies.admin })).status).toBe(400);
  });
});

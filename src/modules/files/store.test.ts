import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import type { Database } from "../../db/client.ts";
import { contentDisposition } from "./http.ts";
import { safeFileName } from "./prepare.ts";
import { storedFileChunks, storedFiles } from "./schema.ts";
import { createDatabaseFileStore, type FileStore, fileChunkBytes } from "./store.ts";

describe("database file store", () => {
  let database: Database;
  let store: FileStore;

  beforeAll(async () => {
    database = await openTestDatabase();
    store = createDatabaseFileStore(database.db);
  });
  afterAll(() => database.close());

  it("gives back every byte it was given, with its size and SHA-256", async () => {
    const data = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));
    const put = await store.put({ data, mimeType: "application/pdf", name: "pöytäkirja.pdf" });
    expect(put).toMatchObject({ size: 512, sha256: createHash("sha256").update(data).digest("hex") });
    const got = await store.get(put.id);
    expect(got).toMatchObject({ mimeType: "application/pdf", name: "pöytäkirja.pdf", size: 512 });
    expect(Buffer.isBuffer(got?.data)).toBe(true);
    expect(got?.data.equals(Buffer.from(data))).toBe(true);
  });

  it("stores a few megabytes and a view into a larger buffer", async () => {
    const big = randomBytes(3 * 1024 * 1024);
    const bigId = (await store.put({ data: big, mimeType: "image/png", name: "a.png" })).id;
    expect((await store.get(bigId))?.data.equals(big)).toBe(true);

    const view = big.subarray(100, 200);
    const put = await store.put({ data: view, mimeType: "image/png", name: "b.png" });
    expect(put.size).toBe(100);
    expect((await store.get(put.id))?.data.equals(view)).toBe(true);
  });

  it("keeps a large file's bytes in 256 KiB pieces, reads files stored whole before, and an empty file", async () => {
    expect(fileChunkBytes).toBe(256 * 1024);
    const large = randomBytes(10 * 1024 * 1024 + 1);
    const { id } = await store.put({ data: large, mimeType: "application/pdf", name: "iso.pdf" });
    const pieces = await database.db.select().from(storedFileChunks).where(eq(storedFileChunks.fileId, id));
    expect(pieces.map((p) => p.data.byteLength).sort((a, b) => b - a)).toEqual([...Array(40).fill(fileChunkBytes), 1]);
    expect((await store.get(id))?.data.equals(large)).toBe(true);

    const old = Buffer.from("stored before chunking");
    const [legacy] = await database.db
      .insert(storedFiles)
      .values({ mimeType: "application/pdf", name: "vanha.pdf", size: old.byteLength, sha256: "x", data: old })
      .returning({ id: storedFiles.id });
    expect((await store.get(legacy?.id ?? ""))?.data.equals(old)).toBe(true);

    const empty = await store.put({ data: new Uint8Array(), mimeType: "application/pdf", name: "tyhjä.pdf" });
    expect((await store.get(empty.id))?.data.byteLength).toBe(0);
  });

  it("streams a file a stored piece at a time, with its details; a file stored whole and an empty one too", async () => {
    const large = randomBytes(5 * fileChunkBytes + 3);
    const put = await store.put({ data: large, mimeType: "application/zip", name: "arkisto.zip" });
    const opened = await store.open(put.id);
    expect(opened).toMatchObject({ mimeType: "application/zip", name: "arkisto.zip", size: large.byteLength });
    expect(opened?.sha256).toBe(put.sha256);
    const pieces: Buffer[] = [];
    for await (const piece of opened?.pieces() ?? []) pieces.push(piece);
    expect(pieces.map((p) => p.byteLength)).toEqual([...Array(5).fill(fileChunkBytes), 3]);
    expect(Buffer.concat(pieces).equals(large)).toBe(true);

    const old = Buffer.from("stored before chunking");
    const [legacy] = await database.db
      .insert(storedFiles)
      .values({ mimeType: "application/pdf", name: "vanha.pdf", size: old.byteLength, sha256: "x", data: old })
      .returning({ id: storedFiles.id });
    const whole: Buffer[] = [];
    for await (const piece of (await store.open(legacy?.id ?? ""))?.pieces() ?? []) whole.push(piece);
    expect(Buffer.concat(whole).equals(old)).toBe(true);

    const empty = await store.put({ data: new Uint8Array(), mimeType: "text/plain", name: "tyhjä.txt" });
    let bytes = 0;
    for await (const piece of (await store.open(empty.id))?.pieces() ?? []) bytes += piece.byteLength;
    expect(bytes).toBe(0);
    expect(await store.open(crypto.randomUUID())).toBeNull();
    expect(await store.open("not-a-uuid")).toBeNull();
  });

  it("answers null for unknown and malformed ids, and deletes", async () => {
    expect(await store.get(crypto.randomUUID())).toBeNull();
    expect(await store.get("not-a-uuid")).toBeNull();
    const { id } = await store.put({ data: new Uint8Array([1, 2, 3]), mimeType: "application/pdf", name: "x.pdf" });
    await store.delete(id);
    expect(await store.get(id)).toBeNull();
    await expect(store.delete(id)).resolves.toBeUndefined();
    await expect(store.delete("../etc/passwd")).resolves.toBeUndefined();
  });
});

describe("file names", () => {
  it("keeps the last path segment, drops unsafe characters and takes the detected extension", () => {
    expect(safeFileName("C:\\Users\\anna\\Kuvat\\kesä 2025.JPG", "jpg")).toBe("kesä 2025.jpg");
    expect(safeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFileName("lasku.pdf.exe", "pdf")).toBe("lasku.pdf.pdf");
    expect(safeFileName("kuva\u202egpj.exe", "png")).toBe("kuvagpj.png");
    expect(safeFileName('a"b<c>\n.docx', "docx")).toBe("abc.docx");
    expect(safeFileName("", "pdf")).toBe("file.pdf");
    expect(safeFileName("...", "pdf")).toBe("file.pdf");
    expect(safeFileName(`${"x".repeat(300)}.pdf`, "pdf")).toHaveLength(124);
  });

  it("offers an ASCII name and the UTF-8 name for download", () => {
    expect(contentDisposition("attachment", "Äänestys (1).xlsx")).toBe(
      "attachment; filename=\"__nestys (1).xlsx\"; filename*=UTF-8''%C3%84%C3%A4nestys%20%281%29.xlsx",
    );
  });
});

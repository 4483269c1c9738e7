import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { AppError } from "../../core/errors.ts";
import { receiveForm, uploadTempPrefix } from "./multipart.ts";
import { storedFiles } from "./schema.ts";

// Uploads are spooled under the system's temporary folder: this file's own, so that its checks see only its uploads.
const systemTemp = process.env.TMPDIR;
const tempRoot = mkdtempSync(path.join(os.tmpdir(), "multipart-test-"));
beforeAll(() => {
  process.env.TMPDIR = tempRoot;
});
afterAll(() => {
  if (systemTemp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = systemTemp;
  rmSync(tempRoot, { recursive: true, force: true });
});
/** The uploads' temporary folders that exist now. */
const spooled = () => readdirSync(tempRoot).filter((name) => name.startsWith(uploadTempPrefix));
/** Waits (up to 5 s) until `check` holds: the server removes a file after it has answered or seen the client go. */
async function eventually(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 5000) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const boundary = "----uudistamo-test-boundary";

/** A multipart body's parts, as a browser writes them. */
function multipartBody(parts: { name: string; value: string | Uint8Array; filename?: string }[]): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}`;
    const type = part.filename === undefined ? "" : "Content-Type: application/octet-stream\r\n";
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    pieces.push(Buffer.from(part.value));
    pieces.push(Buffer.from("\r\n"));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

/** The body in 16 KiB pieces with no Content-Length (Transfer-Encoding: chunked), as a stream arrives. */
function streamOf(body: Buffer): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= body.byteLength) return controller.close();
      controller.enqueue(new Uint8Array(body.subarray(at, at + 16 * 1024)));
      at += 16 * 1024;
    },
  });
}

const contentType = `multipart/form-data; boundary=${boundary}`;
const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", [{ path: "file", message: "limit" }]);
const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(size - 9, "%")]);

describe("receiving a form as it streams in", () => {
  const request = (body: Uint8Array | ReadableStream<Uint8Array>, type = contentType) =>
    new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": type },
      body: body instanceof ReadableStream ? body : new Uint8Array(body),
      duplex: "half",
    } as RequestInit);

  it("gives the file's exact bytes and UTF-8 name, and the text fields", async () => {
    const data = pdf(100_000);
    const form = await receiveForm(
      request(
        multipartBody([
          { name: "intent", value: "post" },
          { name: "file", value: data, filename: "pöytäkirja.pdf" },
          { name: "other", value: Buffer.from("ignored"), filename: "b.pdf" },
          { name: "body", value: "Hei" },
        ]),
      ),
      { fileField: "file", maxFileBytes: 200_000, tooLarge },
    );
    expect(form.fields).toEqual({ intent: "post", body: "Hei" });
    expect(form.file?.name).toBe("pöytäkirja.pdf");
    expect(form.file?.size).toBe(data.byteLength);
    expect(readFileSync(form.file?.path ?? "").equals(data)).toBe(true);
    await form.file?.dispose();
    expect(spooled()).toEqual([]);
  });

  it("spools the file to a temporary file of its own, readable by this user only, which dispose removes", async () => {
    const data = pdf(50_000);
    const form = await receiveForm(
      request(streamOf(multipartBody([{ name: "file", value: data, filename: "a.pdf" }]))),
      {
        fileField: "file",
        maxFileBytes: 50_000,
        tooLarge,
      },
    );
    const file = form.file;
    if (!file) throw new Error("no file");
    expect(path.dirname(path.dirname(file.path))).toBe(tempRoot);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file.path)).mode & 0o777).toBe(0o700);
    expect(spooled()).toHaveLength(1);
    await file.dispose();
    await file.dispose();
    expect(spooled()).toEqual([]);
  });

  it("removes the temporary file when it refuses the body: over the limit, a field too long, the client gone", async () => {
    const options = { fileField: "file", maxFileBytes: 100_000, tooLarge };
    const over = multipartBody([{ name: "file", value: pdf(300_000), filename: "iso.pdf" }]);
    await expect(receiveForm(request(streamOf(over)), options)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(spooled()).toEqual([]);

    // The file is whole and spooled; the field after it is over busboy's 1 MiB limit.
    const longField = multipartBody([
      { name: "file", value: pdf(10_000), filename: "a.pdf" },
      { name: "body", value: "x".repeat(1024 * 1024 + 1) },
    ]);
    await expect(receiveForm(request(streamOf(longField)), options)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(spooled()).toEqual([]);

    // The body stops halfway through the file, as when the browser is closed or the network drops.
    const whole = multipartBody([{ name: "file", value: pdf(60_000), filename: "a.pdf" }]);
    let sent = 0;
    const aborted = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 32 * 1024) return controller.error(new Error("aborted"));
        controller.enqueue(new Uint8Array(whole.subarray(sent, sent + 16 * 1024)));
        sent += 16 * 1024;
      },
    });
    await expect(receiveForm(request(aborted), options)).rejects.toMatchObject({ code: "MALFORMED_BODY" });
    expect(spooled()).toEqual([]);
  });

  it("stops at the limit on a stream, and refuses a declared length over it without reading", async () => {
    const body = multipartBody([{ name: "file", value: pdf(300_000), filename: "iso.pdf" }]);
    let pulled = 0;
    const counted = streamOf(body).pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    await expect(receiveForm(request(counted), { fileField: "file", maxFileBytes: 100_000, tooLarge })).rejects.toThrow(
      expect.objectContaining({ code: "PAYLOAD_TOO_LARGE", issues: [{ path: "file", message: "limit" }] }),
    );
    expect(pulled).toBeLessThan(200_000);

    const declared = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": contentType, "content-length": String(body.byteLength) },
      body: new Uint8Array(body),
    });
    await expect(receiveForm(declared, { fileField: "file", maxFileBytes: 100_000, tooLarge })).rejects.toThrow(
      expect.objectContaining({ code: "PAYLOAD_TOO_LARGE" }),
    );
  });

  it("answers null without a file part, and refuses a body that is not a form or does not parse", async () => {
    const options = { fileField: "file", maxFileBytes: 1000, tooLarge };
    expect((await receiveForm(request(multipartBody([{ name: "file", value: "text" }])), options)).file).toBeNull();
    await expect(receiveForm(request(Buffer.from("{}"), "application/json"), options)).rejects.toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_MEDIA_TYPE" }),
    );
    await expect(receiveForm(request(Buffer.from("x"), "multipart/form-data"), options)).rejects.toThrow(
      expect.objectContaining({ code: "MALFORMED_BODY" }),
    );
    const cut = multipartBody([{ name: "file", value: "abc", filename: "a.pdf" }]).subarray(0, 80);
    await expect(receiveForm(request(cut), options)).rejects.toThrow(
      expect.objectContaining({ code: "MALFORMED_BODY" }),
    );
  });
});

describe("uploads over HTTP, read as they stream in", () => {
  let app: TestApp;
  let wallId: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { UPLOAD_MAX_BYTES: "8192" } });
    const staff = await createPerson(app.database, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    const wall = await api(app, "/api/walls", { method: "POST", cookie, body: { title: "Virta" } });
    wallId = (wall.json as unknown as { id: string }).id;
  });
  afterAll(() => app.close());

  const storedCount = async () => (await app.database.db.select({ n: count() }).from(storedFiles))[0]?.n ?? 0;
  const send = async (body: Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}/api/walls/${wallId}/uploads`, {
      method: "POST",
      headers: { origin: app.url, "content-type": contentType, ...headers },
      body: body instanceof ReadableStream ? body : new Uint8Array(body),
      duplex: "half",
    } as RequestInit);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it("leaves no temporary file after a stored upload, a 413, a refused type (415) or a client gone mid-body", async () => {
    const stored = await send(multipartBody([{ name: "file", value: pdf(4000), filename: "a.pdf" }]));
    expect(stored.status).toBe(201);
    expect(spooled()).toEqual([]);
    const over = await send(streamOf(multipartBody([{ name: "file", value: pdf(9000), filename: "iso.pdf" }])));
    expect(over.status).toBe(413);
    expect(spooled()).toEqual([]);
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const refused = await send(multipartBody([{ name: "file", value: html, filename: "a.png" }]));
    expect(refused.status).toBe(415);
    expect(spooled()).toEqual([]);

    // Half of a 6,000-byte file, then the connection closes.
    const body = multipartBody([{ name: "file", value: pdf(6000), filename: "a.pdf" }]);
    const client = http.request(`${app.url}/api/walls/${wallId}/uploads`, {
      method: "POST",
      headers: { origin: app.url, "content-type": contentType, "content-length": String(body.byteLength) },
    });
    client.on("error", () => {});
    client.write(body.subarray(0, 3500));
    await eventually(() => spooled().length === 1);
    client.destroy();
    await eventually(() => spooled().length === 0);
    expect(spooled()).toEqual([]);
  });

  it("refuses a streamed upload over UPLOAD_MAX_BYTES with 413 naming the limit, and stores nothing", async () => {
    const before = await storedCount();
    const over = await send(streamOf(multipartBody([{ name: "file", value: pdf(8192 + 1000), filename: "iso.pdf" }])));
    expect(over.status).toBe(413);
    expect(over.json).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      issues: [{ path: "file", message: "Tiedosto on suurempi kuin 8 kt. Liitä pienempi tiedosto." }],
    });
    expect(await storedCount()).toBe(before);

    const fine = await send(streamOf(multipartBody([{ name: "file", value: pdf(8192), filename: "juuri.pdf" }])));
    expect(fine.status).toBe(201);
    expect(fine.json).toMatchObject({ kind: "file", mimeType: "application/pdf", size: 8192, name: "juuri.pdf" });
    expect(await storedCount()).toBe(before + 1);
  });

  it("answers a form without a file part with the translated 400 naming the field", async () => {
    const body = multipartBody([{ name: "note", value: "no file here" }]);
    const fi = await send(body);
    const en = await send(body, { "accept-language": "en" });
    for (const response of [fi, en]) {
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "file" }] });
    }
    const message = (response: typeof fi) => (response.json.issues as { message: string }[])[0]?.message;
    expect(message(fi)).toBeTruthy();
    expect(message(fi)).not.toBe(message(en));
    expect((await send(Buffer.from("{}"), { "content-type": "application/json" })).json).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
  });

  // Last: the server closes this connection once it has answered (it does not read the rest of the stream).
  it("refuses a stream far over every limit with 413, and stores nothing", async () => {
    const before = await storedCount();
    const huge = await send(
      streamOf(multipartBody([{ name: "file", value: pdf(2 * 1024 * 1024), filename: "x.pdf" }])),
    );
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await storedCount()).toBe(before);
    expect(spooled()).toEqual([]);
  });
});

describe("the wall page's form (without JavaScript), read as it streams in", () => {
  let app: TestApp;
  let slug: string;
  beforeAll(async () => {
    app = await startTestApp({ web: true, env: { UPLOAD_MAX_BYTES: "8192" } });
    const staff = await createPerson(app.database, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    const wall = await api(app, "/api/walls", { method: "POST", cookie, body: { title: "Lomake" } });
    slug = (wall.json as unknown as { slug: string }).slug;
  });
  afterAll(() => app.close());

  const postForm = async (intent: string, file: Uint8Array | string, name: string) => {
    const form = new FormData();
    form.append("intent", intent);
    if (intent !== "post") form.append("postId", crypto.randomUUID());
    form.append("idempotencyKey", `spool-${crypto.randomUUID()}`);
    form.append("body", "Liitteen kanssa");
    form.append("file", new Blob([file as BlobPart]), name);
    const response = await fetch(`${app.url}/w/${slug}`, {
      method: "POST",
      headers: { origin: app.url },
      body: form,
      redirect: "manual",
    });
    await response.arrayBuffer();
    return response.status;
  };

  it("leaves no temporary file after a post with a file, a 413, a 415, or a file sent with another intent", async () => {
    expect(await postForm("post", pdf(4000), "liite.pdf")).toBe(302);
    expect(spooled()).toEqual([]);
    expect(await postForm("post", pdf(9000), "iso.pdf")).toBe(413);
    expect(spooled()).toEqual([]);
    expect(await postForm("post", "<html><script>alert(1)</script>", "sivu.png")).toBe(415);
    expect(spooled()).toEqual([]);
    expect(await postForm("like", pdf(4000), "liite.pdf")).toBe(404);
    expect(spooled()).toEqual([]);
  });
});

import { once } from "node:events";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import Busboy from "busboy";
import { AppError } from "../../core/errors.ts";

/** What a form body may carry besides its file: the other fields and the parts' headers and boundaries. */
export const multipartEnvelopeBytes = 64 * 1024;

/**
 * An uploaded file, spooled to a temporary file of its own (mode 0600, in a
 * folder of its own under the system's temporary folder) as it streamed in.
 * Whoever receives the form disposes of it (try/finally) once done with it;
 * receiveForm itself removes it when it refuses the body.
 */
export class ReceivedFile {
  #disposed: Promise<void> | null = null;
  constructor(
    /** The folder made for this file alone. */
    private readonly folder: string,
    /** The temporary file holding exactly the file's bytes. */
    readonly path: string,
    /** The name the browser gave (not to be trusted: see prepare.ts's safeFileName). */
    readonly name: string,
    /** Its bytes, counted as they were written. */
    public size = 0,
  ) {}

  /** Removes the temporary file and its folder; safe to call more than once. */
  dispose(): Promise<void> {
    this.#disposed ??= rm(this.folder, { recursive: true, force: true, maxRetries: 3 });
    return this.#disposed;
  }
}

/** Where uploads are spooled: one new folder per file, named with this prefix, in the system's temporary folder. */
export const uploadTempPrefix = "uudistamo-upload-";

export interface ReceivedForm {
  /** The text fields; a field sent twice keeps its last value (as FormData read into an object does). */
  fields: Record<string, string>;
  /** The first file part named `fileField`, or null when the body has none. */
  file: ReceivedFile | null;
}

export interface ReceiveOptions {
  /** The name of the file part to keep; other file parts are read past and dropped. */
  fileField: string;
  maxFileBytes: number;
  /** The error for a file over `maxFileBytes` (or a body over it and the envelope), naming the limit. */
  tooLarge: () => Error;
}

/** A multipart/form-data body (a form with a file). */
export const isMultipart = (request: Request) =>
  /^\s*multipart\/form-data\s*(;|$)/i.test(request.headers.get("content-type") ?? "");

const formTypes = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;

/**
 * Reads a form body (multipart/form-data, or URL-encoded without a file) as it
 * streams in, with busboy: the file goes straight to a temporary file (see
 * ReceivedFile), never into memory, and reading stops as soon as the file
 * passes `maxFileBytes` (`tooLarge`).
 *
 * Whatever ends the reading early (a refusal, a body that does not parse, a
 * client that goes away, an error), the temporary file is removed before this
 * throws; after success the caller disposes of it.
 *
 * Refusals: UNSUPPORTED_MEDIA_TYPE for a body that is not a form,
 * MALFORMED_BODY for one that does not parse, PAYLOAD_TOO_LARGE for a text
 * field over busboy's 1 MiB field limit.
 */
export async function receiveForm(request: Request, options: ReceiveOptions): Promise<ReceivedForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!formTypes.test(contentType)) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  const maxBodyBytes = options.maxFileBytes + multipartEnvelopeBytes;
  const declared = Number.parseInt(request.headers.get("content-length") ?? "", 10);
  if (declared > maxBodyBytes) throw options.tooLarge();
  const fields: Record<string, string> = {};
  if (!request.body) return { fields, file: null };

  let parser: Busboy.Busboy;
  try {
    parser = Busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8" });
  } catch (error) {
    // No boundary, or a charset busboy does not know.
    throw new AppError("MALFORMED_BODY", [], { cause: error });
  }

  let failure: Error | null = null;
  let wakeOnFailure = () => {};
  const failed = new Promise<void>((resolve) => {
    wakeOnFailure = resolve;
  });
  const fail = (error: Error) => {
    failure ??= error;
    wakeOnFailure();
  };
  // The file part being written to its temporary file; settles (never rejects) once the file is closed.
  let spooled: Promise<ReceivedFile | null> | null = null;
  parser.on("field", (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated) fail(new AppError("PAYLOAD_TOO_LARGE"));
    else fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    // Stopping early (parser.destroy) ends the part with an error; the failure is already recorded.
    stream.on("error", () => {});
    if (name !== options.fileField || spooled || failure) {
      stream.resume();
      return;
    }
    spooled = spool(stream, info.filename ?? "", options, fail);
  });
  parser.on("error", (error: Error) => fail(new AppError("MALFORMED_BODY", [], { cause: error })));
  const finished = new Promise<void>((resolve) => parser.on("close", resolve));

  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      if (failure) break;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBodyBytes) throw options.tooLarge();
      if (!parser.write(value) && !failure) await waitFor(parser, "drain", failed);
    }
    if (failure) throw failure;
    parser.end();
    await waitFor(parser, "error", finished, failed);
    const file = spooled ? await spooled : null;
    if (failure) throw failure;
    return { fields, file };
  } catch (error) {
    // What is left of the body is the HTTP server's to drain or drop; parsing stops here, and the file goes.
    // (Destroying the parser ends the file part early too: what went wrong is what was recorded before.)
    const reason = failure;
    parser.destroy();
    const file = spooled ? await (spooled as Promise<ReceivedFile | null>) : null;
    await file?.dispose();
    if (error instanceof AppError) throw error;
    throw reason ?? new AppError("MALFORMED_BODY", [], { cause: error });
  } finally {
    reader.releaseLock();
  }
}

/** Resolves on the parser's `event` or when one of `others` settles, without leaving a listener behind. */
async function waitFor(parser: Busboy.Busboy, event: "drain" | "error", ...others: Promise<void>[]): Promise<void> {
  const stop = new AbortController();
  try {
    await Promise.race([once(parser, event, { signal: stop.signal }).then(() => {}), ...others]);
  } finally {
    stop.abort();
  }
}

/**
 * Writes a file part to a new temporary file, counting its bytes against the
 * limit. Resolves once the file is closed (with the file, also when writing
 * stopped early: the caller then removes it), or null when no temporary file
 * could be made; failures go to `fail`.
 */
async function spool(
  stream: NodeJS.ReadableStream,
  name: string,
  options: ReceiveOptions,
  fail: (error: Error) => void,
): Promise<ReceivedFile | null> {
  let file: ReceivedFile;
  try {
    const folder = await mkdtemp(path.join(os.tmpdir(), uploadTempPrefix));
    file = new ReceivedFile(folder, path.join(folder, "upload"), name);
  } catch (error) {
    stream.resume();
    fail(error as Error);
    return null;
  }
  try {
    const handle = await open(file.path, "wx", 0o600);
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        file.size += chunk.byteLength;
        if (file.size > options.maxFileBytes) done(options.tooLarge());
        else done(null, chunk);
      },
    });
    await pipeline(stream, count, handle.createWriteStream());
  } catch (error) {
    stream.resume();
    fail(error as Error);
  }
  return file;
}

import { once } from "node:events";
import Busboy from "busboy";
import { AppError } from "../../core/errors.ts";

/** What a form body may carry besides its file: the other fields and the parts' headers and boundaries. */
export const multipartEnvelopeBytes = 64 * 1024;

export interface ReceivedFile {
  /** Exactly the file's bytes: a view of the one buffer they were received into, never copied again. */
  data: Buffer;
  name: string;
}

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
 * streams in, with busboy: the file goes straight into one buffer, and reading
 * stops as soon as the file passes `maxFileBytes` (`tooLarge`), so no upload
 * is ever held whole more than once, nor held at all past the limit.
 *
 * The buffer is allocated once, as large as the body can hold (Content-Length)
 * and at most the limit, without zeroing: only the pages the file fills become
 * resident, and the file is handed on as a view of exactly its bytes.
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
  const fail = (error: Error) => {
    failure ??= error;
  };
  let file: ReceivedFile | null = null;
  parser.on("field", (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated) fail(new AppError("PAYLOAD_TOO_LARGE"));
    else fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    // Stopping early (parser.destroy) ends the part with an error; the failure is already recorded.
    stream.on("error", () => {});
    if (name !== options.fileField || file || failure) {
      stream.resume();
      return;
    }
    const capacity = Math.min(options.maxFileBytes, Number.isFinite(declared) ? declared : options.maxFileBytes);
    const buffer = Buffer.allocUnsafe(capacity);
    const received: ReceivedFile = { data: buffer.subarray(0, 0), name: info.filename ?? "" };
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      if (failure) return;
      if (size + chunk.byteLength > capacity) {
        fail(size + chunk.byteLength > options.maxFileBytes ? options.tooLarge() : new AppError("MALFORMED_BODY"));
        return;
      }
      buffer.set(chunk, size);
      size += chunk.byteLength;
    });
    stream.on("end", () => {
      received.data = buffer.subarray(0, size);
    });
    file = received;
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
      if (!parser.write(value) && !failure) await Promise.race([once(parser, "drain"), once(parser, "error")]);
    }
    if (failure) throw failure;
    parser.end();
    await Promise.race([finished, once(parser, "error")]);
    if (failure) throw failure;
  } catch (error) {
    // What is left of the body is the HTTP server's to drain or drop; parsing stops here.
    parser.destroy();
    if (error instanceof AppError) throw error;
    throw failure ?? new AppError("MALFORMED_BODY", [], { cause: error });
  } finally {
    reader.releaseLock();
  }
  return { fields, file };
}

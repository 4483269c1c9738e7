import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

/**
 * fflate (already a dependency) writes no ZIP64: an archive must stay under 4 GiB and 65,535 entries. The finished
 * ZIP goes into the file store, whose size column (stored_files.size) is a 32-bit integer: so under 2 GiB. Past
 * either limit the export fails with its message rather than writing a broken ZIP (docs/archive.md; a ZIP64 writer
 * such as yazl, and a bigint size, would lift them).
 */
export const zipLimits = { bytes: 0x7fff_ffff - 64 * 1024 * 1024, entries: 0xffff - 16 };

/** Unsent bytes in the file stream before a writer waits for it to drain. */
const highWater = 1024 * 1024;

export interface ZipEntryWriter {
  push(chunk: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

/**
 * A ZIP written to a file as it is built: each entry's bytes are compressed (or stored) as they come and go to
 * the file at once, the writer waiting whenever the file lags, so memory stays bounded whatever the archive's
 * size. Entries are written one after another.
 */
export class ZipFileWriter {
  private readonly out: WriteStream;
  private readonly zip: Zip;
  private readonly hash = createHash("sha256");
  private failure: Error | null = null;
  private written = 0;
  private entries = 0;
  private finished: Promise<void>;
  private finish!: () => void;

  constructor(path: string) {
    this.out = createWriteStream(path, { mode: 0o600 });
    this.out.on("error", (error) => {
      this.failure = error;
    });
    this.finished = new Promise((resolve) => {
      this.finish = resolve;
    });
    this.zip = new Zip((error, data, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      this.written += data.byteLength;
      this.hash.update(data);
      this.out.write(data);
      if (final) this.finish();
    });
  }

  private check() {
    if (this.failure) throw this.failure;
    if (this.written > zipLimits.bytes) throw new Error("archive: the ZIP would exceed 2 GiB (the file store's limit)");
  }

  private async drain() {
    this.check();
    if (this.out.writableLength > highWater) await once(this.out, "drain");
  }

  /** A new entry; `compress: false` for files that are compressed already (images, PDFs, Office files). */
  entry(name: string, compress = true): ZipEntryWriter {
    this.entries += 1;
    if (this.entries > zipLimits.entries) throw new Error("archive: more than 65,535 entries (no ZIP64 writer)");
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.zip.add(file);
    return {
      push: async (chunk) => {
        file.push(chunk, false);
        await this.drain();
      },
      end: async () => {
        file.push(new Uint8Array(0), true);
        await this.drain();
      },
    };
  }

  async text(name: string, text: string) {
    const entry = this.entry(name);
    await entry.push(Buffer.from(text));
    await entry.end();
  }

  /** Ends the ZIP (its central directory) and closes the file: its size and SHA-256. */
  async close(): Promise<{ size: number; sha256: string }> {
    this.zip.end();
    await this.finished;
    this.check();
    this.out.end();
    await once(this.out, "finish");
    this.check();
    return { size: this.written, sha256: this.hash.digest("hex") };
  }

  /** Gives up: closes the file (the caller removes it). */
  async abort() {
    this.zip.terminate();
    this.out.destroy();
  }
}

import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Inflate } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/**
 * Reads a ZIP's central directory (the archive is a file on disk, so the importer can seek rather than scan the
 * stream for entries, which a stored file's bytes could fool). No ZIP64, as the writer makes none.
 */
export async function readZipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error("archive: not a ZIP file (no end of central directory)");
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) throw new Error("archive: a damaged central directory");
      const nameLength = directory.readUInt16LE(at + 28);
      const entry: ZipEntry = {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        headerOffset: directory.readUInt32LE(at + 42),
        name: directory.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
      };
      entries.set(entry.name, entry);
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** An entry's bytes, decompressed as they are read in 64 KiB reads. */
export async function* readZipEntry(path: string, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const file = await open(path, "r");
  const header = Buffer.alloc(30);
  try {
    await file.read(header, 0, 30, entry.headerOffset);
  } finally {
    await file.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`archive: a damaged entry ${entry.name}`);
  const start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  if (entry.method === 0) {
    for await (const chunk of raw) yield chunk as Buffer;
    return;
  }
  if (entry.method !== 8) throw new Error(`archive: ${entry.name} uses compression method ${entry.method}`);
  let out: Uint8Array[] = [];
  const inflate = new Inflate((data) => {
    out.push(data);
  });
  for await (const chunk of raw) {
    inflate.push(chunk as Buffer, false);
    if (out.length) {
      yield* out;
      out = [];
    }
  }
  inflate.push(new Uint8Array(0), true);
  yield* out;
}

/** An entry's text lines (JSON Lines), a line at a time. */
export async function* readZipLines(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  for await (const chunk of readZipEntry(path, entry)) {
    rest += decoder.decode(chunk, { stream: true });
    let from = 0;
    let newline = rest.indexOf("\n", from);
    while (newline >= 0) {
      if (newline > from) yield rest.slice(from, newline);
      from = newline + 1;
      newline = rest.indexOf("\n", from);
    }
    rest = rest.slice(from);
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

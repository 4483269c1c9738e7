import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createInflate } from "node:zlib";

/**
 * A large PNG shrunk while it is read, row by row, so that its memory does not
 * grow with its width.
 *
 * libvips has no shrink-on-load for PNG: to fit a 16,000 × 3,000 screenshot
 * into 1600 px it holds some 1,700 full-width rows (bench/upload-memory.ts
 * measured 78 MiB; a 4000 × 4000 PNG 25 MiB). Here the file is inflated as a
 * stream (node:zlib), each row unfiltered against the previous one, resampled
 * across (area averaging, in premultiplied alpha), and added into the one or
 * two output rows it falls in: the memory is two input rows,
 * about three output rows and the output image itself.
 *
 * Not handled here (the caller decodes those with sharp or refuses them):
 * interlaced (Adam7) PNGs, whose passes each cover the whole image. Ancillary
 * chunks (colour profile, gamma, EXIF orientation, text) are ignored: the
 * stored image drops all metadata anyway, and the pixels are taken as sRGB.
 */

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
}

export interface ShrunkPng {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

export class PngStreamError extends Error {
  override name = "PngStreamError";
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const channelsOf: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Reads the PNG at `path` and returns it resampled to `width` × `height` (smaller than the original). */
export async function shrinkPng(
  path: string,
  target: { width: number; height: number },
  deadline: number,
): Promise<ShrunkPng> {
  const png = new PngChunks();
  const inflate = createInflate();
  const idat = Readable.from(png.idatPieces(path));
  idat.on("error", (error) => inflate.destroy(error));
  idat.pipe(inflate);
  let rows: RowShrinker | null = null;
  for await (const chunk of inflate as AsyncIterable<Buffer>) {
    if (!rows) {
      if (!png.header) throw new PngStreamError("image data before the header");
      rows = new RowShrinker(png.header, png.palette, png.transparency, target);
    }
    rows.write(chunk);
    if (Date.now() > deadline) {
      idat.destroy();
      throw new PngStreamError("timeout");
    }
  }
  if (!rows) throw new PngStreamError("no image data");
  return rows.finish();
}

/** The chunks of a PNG file read in sequence; the image data (IDAT) is passed on as it is read. */
class PngChunks {
  header: PngHeader | null = null;
  palette: Uint8Array | null = null;
  transparency: Uint8Array | null = null;

  async *idatPieces(path: string): AsyncGenerator<Buffer> {
    const reader = new ByteReader(createReadStream(path, { highWaterMark: 64 * 1024 }));
    if (!(await reader.take(8)).equals(signature)) throw new PngStreamError("not a PNG");
    for (;;) {
      const head = await reader.take(8);
      const length = head.readUInt32BE(0);
      const type = head.toString("latin1", 4, 8);
      if (type === "IDAT") {
        if (!this.header) throw new PngStreamError("image data before the header");
        for await (const piece of reader.pieces(length)) yield piece;
      } else if (type === "IEND") {
        return;
      } else if (type === "IHDR" || type === "PLTE" || type === "tRNS") {
        if (length > 1024) throw new PngStreamError(`${type} too long`);
        this.read(type, await reader.take(length));
      } else {
        await reader.skip(length);
      }
      await reader.skip(4); // CRC
    }
  }

  private read(type: string, data: Buffer) {
    if (type === "IHDR") {
      if (data.length !== 13) throw new PngStreamError("bad header");
      this.header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] ?? 0,
        colourType: data[9] ?? 0,
        interlaced: data[12] === 1,
      };
      const { bitDepth, colourType } = this.header;
      if (!(colourType in channelsOf) || ![1, 2, 4, 8, 16].includes(bitDepth)) throw new PngStreamError("bad type");
      if (this.header.interlaced) throw new PngStreamError("interlaced");
    } else if (type === "PLTE") {
      this.palette = new Uint8Array(data);
    } else {
      this.transparency = new Uint8Array(data);
    }
  }
}

/** Exact reads from a byte stream. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Buffer>;

  constructor(stream: AsyncIterable<Buffer>) {
    this.source = stream[Symbol.asyncIterator]();
  }

  private async more(): Promise<void> {
    const next = await this.source.next();
    if (next.done) throw new PngStreamError("truncated");
    this.buffered = this.buffered.length === 0 ? next.value : Buffer.concat([this.buffered, next.value]);
  }

  async take(bytes: number): Promise<Buffer> {
    while (this.buffered.length < bytes) await this.more();
    const taken = this.buffered.subarray(0, bytes);
    this.buffered = this.buffered.subarray(bytes);
    return taken;
  }

  async *pieces(bytes: number): AsyncGenerator<Buffer> {
    let left = bytes;
    while (left > 0) {
      if (this.buffered.length === 0) await this.more();
      const piece = this.buffered.subarray(0, Math.min(left, this.buffered.length));
      this.buffered = this.buffered.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  async skip(bytes: number): Promise<void> {
    for await (const _ of this.pieces(bytes));
  }
}

/**
 * Area-averaging taps (each output pixel the mean of the input it covers, partly covered pixels by their share):
 * for each output index, the first input index and its weights, summing to 1.
 */
function taps(inSize: number, outSize: number) {
  const scale = inSize / outSize;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const offset = new Int32Array(outSize);
  const weights: number[] = [];
  for (let o = 0; o < outSize; o++) {
    const from = o * scale;
    const to = Math.min(inSize, (o + 1) * scale);
    const start = weights.length;
    for (let i = Math.floor(from); i < to; i++) weights.push((Math.min(i + 1, to) - Math.max(i, from)) / (to - from));
    first[o] = Math.floor(from);
    count[o] = weights.length - start;
    offset[o] = start;
  }
  return { first, count, offset, weights: Float32Array.from(weights) };
}

/** Unfilters rows as their bytes arrive and resamples them into the output image. */
class RowShrinker {
  private readonly rowBytes: number;
  private readonly pixelBytes: number;
  private previous: Uint8Array;
  private current: Uint8Array;
  private filled = 0;
  private row = 0;
  private readonly channels: 3 | 4;
  private readonly pixels: Float32Array;
  private readonly across: ReturnType<typeof taps>;
  private readonly down: ReturnType<typeof taps>;
  private readonly resampled: Float32Array;
  /** Output rows still being summed, by output row index. */
  private readonly open = new Map<number, Float32Array>();
  private nextOutputRow = 0;
  private readonly output: Buffer;

  constructor(
    private readonly header: PngHeader,
    private readonly palette: Uint8Array | null,
    private readonly transparency: Uint8Array | null,
    private readonly target: { width: number; height: number },
  ) {
    const bits = header.bitDepth * (channelsOf[header.colourType] ?? 1);
    this.rowBytes = Math.ceil((header.width * bits) / 8);
    this.pixelBytes = Math.max(1, bits / 8);
    this.previous = new Uint8Array(this.rowBytes);
    this.current = new Uint8Array(this.rowBytes + 1);
    this.channels = header.colourType === 4 || header.colourType === 6 || transparency ? 4 : 3;
    if (header.colourType === 3 && !palette) throw new PngStreamError("no palette");
    this.pixels = new Float32Array(header.width * this.channels);
    this.across = taps(header.width, target.width);
    this.down = taps(header.height, target.height);
    this.resampled = new Float32Array(target.width * this.channels);
    this.output = Buffer.alloc(target.width * target.height * this.channels);
  }

  write(chunk: Buffer) {
    let at = 0;
    while (at < chunk.length) {
      if (this.row >= this.header.height) return; // trailing bytes after the last row are ignored, as libpng does
      const take = Math.min(chunk.length - at, this.current.length - this.filled);
      this.current.set(chunk.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === this.current.length) {
        this.completeRow();
        this.filled = 0;
      }
    }
  }

  finish(): ShrunkPng {
    if (this.row < this.header.height) throw new PngStreamError("truncated");
    return { data: this.output, width: this.target.width, height: this.target.height, channels: this.channels };
  }

  private completeRow() {
    const filter = this.current[0] ?? 0;
    const line = this.current.subarray(1);
    unfilter(filter, line, this.previous, this.pixelBytes);
    this.toPixels(line);
    this.resampleAcross();
    this.addDown(this.row);
    this.previous.set(line); // the row above the next one
    this.row++;
  }

  /** One row as premultiplied RGB(A) floats in 0–255. */
  private toPixels(line: Uint8Array) {
    const { width, bitDepth, colourType } = this.header;
    const out = this.pixels;
    const c = this.channels;
    if (bitDepth === 8 && (colourType === 2 || colourType === 6) && !this.transparency) {
      // The common case (8-bit RGB or RGBA), without the general per-sample path below.
      if (colourType === 2) {
        for (let i = 0; i < width * 3; i++) out[i] = line[i] as number;
        return;
      }
      for (let i = 0; i < width * 4; i += 4) {
        const a = line[i + 3] as number;
        const alpha = a / 255;
        out[i] = (line[i] as number) * alpha;
        out[i + 1] = (line[i + 1] as number) * alpha;
        out[i + 2] = (line[i + 2] as number) * alpha;
        out[i + 3] = a;
      }
      return;
    }
    const sample = (index: number): number => {
      if (bitDepth === 8) return line[index] ?? 0;
      if (bitDepth === 16) return line[index * 2] ?? 0; // the high byte
      const perByte = 8 / bitDepth;
      const byte = line[Math.floor(index / perByte)] ?? 0;
      const shift = 8 - bitDepth * ((index % perByte) + 1);
      return (byte >> shift) & ((1 << bitDepth) - 1);
    };
    const sampleWide = (index: number): number =>
      bitDepth === 16 ? ((line[index * 2] ?? 0) << 8) | (line[index * 2 + 1] ?? 0) : sample(index);
    const greyScale = bitDepth < 8 ? 255 / ((1 << bitDepth) - 1) : 1;
    const key = this.transparency;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 255;
      if (colourType === 3) {
        const entry = sample(x);
        r = this.palette?.[entry * 3] ?? 0;
        g = this.palette?.[entry * 3 + 1] ?? 0;
        b = this.palette?.[entry * 3 + 2] ?? 0;
        a = key && entry < key.length ? (key[entry] ?? 255) : 255;
      } else if (colourType === 0 || colourType === 4) {
        const perPixel = colourType === 4 ? 2 : 1;
        r = g = b = sample(x * perPixel) * greyScale;
        if (colourType === 4) a = sample(x * perPixel + 1);
        else if (key && key.length >= 2 && sampleWide(x) === (((key[0] ?? 0) << 8) | (key[1] ?? 0))) a = 0;
      } else {
        const perPixel = colourType === 6 ? 4 : 3;
        r = sample(x * perPixel);
        g = sample(x * perPixel + 1);
        b = sample(x * perPixel + 2);
        if (colourType === 6) a = sample(x * perPixel + 3);
        else if (key && key.length >= 6) {
          const same =
            sampleWide(x * 3) === (((key[0] ?? 0) << 8) | (key[1] ?? 0)) &&
            sampleWide(x * 3 + 1) === (((key[2] ?? 0) << 8) | (key[3] ?? 0)) &&
            sampleWide(x * 3 + 2) === (((key[4] ?? 0) << 8) | (key[5] ?? 0));
          if (same) a = 0;
        }
      }
      const at = x * c;
      if (c === 4) {
        const alpha = a / 255;
        out[at] = r * alpha;
        out[at + 1] = g * alpha;
        out[at + 2] = b * alpha;
        out[at + 3] = a;
      } else {
        out[at] = r;
        out[at + 1] = g;
        out[at + 2] = b;
      }
    }
  }

  private resampleAcross() {
    const { first, count, offset, weights } = this.across;
    const c = this.channels;
    const out = this.resampled;
    const pixels = this.pixels;
    for (let o = 0; o < this.target.width; o++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const start = first[o] ?? 0;
      const n = count[o] ?? 0;
      const w0 = offset[o] ?? 0;
      // Indexes stay inside the arrays by construction (taps()); `as number` keeps this hot loop free of checks.
      if (c === 4) {
        for (let k = 0; k < n; k++) {
          const weight = weights[w0 + k] as number;
          const at = (start + k) * 4;
          s0 += (pixels[at] as number) * weight;
          s1 += (pixels[at + 1] as number) * weight;
          s2 += (pixels[at + 2] as number) * weight;
          s3 += (pixels[at + 3] as number) * weight;
        }
      } else {
        for (let k = 0; k < n; k++) {
          const weight = weights[w0 + k] as number;
          const at = (start + k) * 3;
          s0 += (pixels[at] as number) * weight;
          s1 += (pixels[at + 1] as number) * weight;
          s2 += (pixels[at + 2] as number) * weight;
        }
      }
      const at = o * c;
      out[at] = s0;
      out[at + 1] = s1;
      out[at + 2] = s2;
      if (c === 4) out[at + 3] = s3;
    }
  }

  /** Adds this input row into every output row whose taps include it; writes out the rows it completes. */
  private addDown(inputRow: number) {
    const { first, count, offset, weights } = this.down;
    for (let o = this.nextOutputRow; o < this.target.height; o++) {
      const start = first[o] ?? 0;
      if (start > inputRow) break;
      const end = start + (count[o] ?? 0) - 1;
      if (end < inputRow) continue;
      let sums = this.open.get(o);
      if (!sums) {
        sums = new Float32Array(this.resampled.length);
        this.open.set(o, sums);
      }
      const weight = weights[(offset[o] ?? 0) + inputRow - start] ?? 0;
      const row = this.resampled;
      for (let i = 0; i < row.length; i++) sums[i] = (sums[i] as number) + (row[i] as number) * weight;
      if (end === inputRow) {
        this.writeOutputRow(o, sums);
        this.open.delete(o);
        this.nextOutputRow = o + 1;
      }
    }
  }

  private writeOutputRow(o: number, sums: Float32Array) {
    const c = this.channels;
    const base = o * this.target.width * c;
    for (let x = 0; x < this.target.width; x++) {
      const at = x * c;
      if (c === 4) {
        const a = sums[at + 3] ?? 0;
        const unpremultiply = a > 0 ? 255 / a : 0;
        this.output[base + at] = clamp((sums[at] ?? 0) * unpremultiply);
        this.output[base + at + 1] = clamp((sums[at + 1] ?? 0) * unpremultiply);
        this.output[base + at + 2] = clamp((sums[at + 2] ?? 0) * unpremultiply);
        this.output[base + at + 3] = clamp(a);
      } else {
        this.output[base + at] = clamp(sums[at] ?? 0);
        this.output[base + at + 1] = clamp(sums[at + 1] ?? 0);
        this.output[base + at + 2] = clamp(sums[at + 2] ?? 0);
      }
    }
  }
}

const clamp = (value: number) => (value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value));

/** PNG's five row filters (RFC 2083 §6), undone in place; `previous` is the unfiltered row above. */
function unfilter(filter: number, line: Uint8Array, previous: Uint8Array, bpp: number) {
  const n = line.length;
  switch (filter) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) line[i] = ((line[i] ?? 0) + (line[i - bpp] ?? 0)) & 0xff;
      return;
    case 2:
      for (let i = 0; i < n; i++) line[i] = ((line[i] ?? 0) + (previous[i] ?? 0)) & 0xff;
      return;
    case 3:
      for (let i = 0; i < n; i++) {
        const left = i >= bpp ? (line[i - bpp] ?? 0) : 0;
        line[i] = ((line[i] ?? 0) + ((left + (previous[i] ?? 0)) >> 1)) & 0xff;
      }
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? (line[i - bpp] ?? 0) : 0;
        const b = previous[i] ?? 0;
        const c = i >= bpp ? (previous[i - bpp] ?? 0) : 0;
        // pa = |p − a| etc. for p = a + b − c, without forming p.
        const pa = b > c ? b - c : c - b;
        const pb = a > c ? a - c : c - a;
        const pc = a + b > c + c ? a + b - c - c : c + c - a - b;
        const predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        line[i] = ((line[i] ?? 0) + predictor) & 0xff;
      }
      return;
    default:
      throw new PngStreamError("bad filter");
  }
}

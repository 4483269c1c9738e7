import { open } from "node:fs/promises";
import pLimit from "p-limit";
import type { Metadata } from "sharp";
import { lazy } from "../../core/lazy.ts";
import { gifCanvasSize } from "./gif-header.ts";
import { PngStreamError, shrinkPng } from "./png-stream.ts";

/**
 * Decoding uploaded images without letting one upload (or many) exhaust the
 * server. Measured with bench/upload-memory.ts; ARCHITECTURE.md has the figures.
 *
 * - The header is read first (sharp's metadata: no pixels decoded) and the
 *   image refused when it would decode to too many pixels: a still image over
 *   `maxPixels`, an animation over `maxFrames` frames or over
 *   `maxAnimationPixels` over all its frames. A GIF's frames are composed on its
 *   logical screen, which libvips does not report (a 4000×4000 screen with 2,000
 *   one-pixel frames reads as a 1×1 animation), so that size is read from the
 *   GIF header itself.
 * - Decoding is then bounded again by libvips (limitInputPixels) and in time
 *   (`timeoutSeconds`).
 * - JPEGs are shrunk while they are decoded (libjpeg's DCT scaling, which
 *   sharp's resize uses on its own), so a 48 MP photo is never a 48 MP bitmap.
 * - The upload is read from its temporary file (multipart.ts) by libvips
 *   itself, in sequence: the input is never a Node buffer, and only the
 *   output (at most 1600×1600) is.
 * - One image at a time per process (a p-limit queue), with at most
 *   `maxWaiting` waiting: the peak memory of image work does not grow with the
 *   number of people uploading at once.
 * - JPEGs are written without Huffman optimisation, which would hold the whole
 *   output in memory for a second pass.
 * - A PNG over `maxPixelsDecodedWhole` (2.1 MP) is shrunk while it is read (png-stream.ts):
 *   libvips has no shrink-on-load for PNG and holds some 1,700 full-width rows.
 * - WebP and GIF stills, and interlaced PNGs, decode whole (4 bytes a pixel), so
 *   they are refused over `maxPixelsDecodedWhole`; a still GIF is written as PNG
 *   (GIF's encoder quantises the whole image: 45 MiB for a 1920×1080 screenshot).
 */
export const imageLimits = {
  /** Stored images fit within this square (never enlarged). */
  maxSide: 1600,
  /** A still image's pixels: 50 MP takes a 48 MP (8000×6000) phone photo. */
  maxPixels: 50_000_000,
  /**
   * A still image that decodes whole (WebP, GIF, interlaced PNG): a 1920×1080 screenshot. At 4 MP a lossless WebP
   * rose a server's memory by 33 MiB, a still GIF by 16 MiB (bench/upload-memory.ts), over twice the 10 MiB upload
   * limit; PNGs over it are shrunk while read instead (png-stream.ts).
   */
  maxPixelsDecodedWhole: 2_100_000,
  /** Frames of an animated GIF or WebP. */
  maxFrames: 200,
  /**
   * An animation's pixels, its canvas times its frames (480×270 × 120 frames, or 800×600 × 33). Animations are
   * decoded whole and GIFs quantised frame by frame: 50 MP of GIF took 60 MB and 8.7 s, 16 MP about a third of that.
   */
  maxAnimationPixels: 16_000_000,
  /** Decoding and writing one image again. */
  timeoutSeconds: 15,
  /** Images processed at once in this process. */
  concurrency: 1,
  /** Images waiting for their turn; more are refused as busy (RATE_LIMITED). */
  maxWaiting: 16,
} as const;

/**
 * sharp (with libvips) on first use, set up once: libvips' operation cache would keep decoded images after use
 * (up to 50 MB); one worker thread per image keeps its per-thread buffers to one set. Everything in the server
 * that uses sharp loads it here.
 */
export const loadSharp = lazy(async () => {
  const sharp = (await import("sharp")).default;
  sharp.cache(false);
  sharp.concurrency(1);
  return sharp;
});

export const imageQueue = pLimit(imageLimits.concurrency);

export type ImageType = "image/jpeg" | "image/png" | "image/webp" | "image/gif";

export type ImageRefusal = "unreadable" | "pixels" | "wholePixels" | "frames" | "animationPixels" | "timeout" | "busy";

/** Why an image was not taken; the limits are in `imageLimits`. */
export class RefusedImageError extends Error {
  override name = "RefusedImageError";
  constructor(
    readonly reason: ImageRefusal,
    options?: { cause?: unknown },
  ) {
    super(`refused image: ${reason}`, options);
  }
}

export interface ProcessedImage {
  data: Buffer;
  /** The stored type: the upload's own, except a still GIF, which is stored as PNG. */
  mimeType: ImageType;
  width: number;
  height: number;
}

/** What the header says about the image. */
interface ImageHeader {
  animated: boolean;
  width: number;
  height: number;
  /** Decoding it needs the whole bitmap in memory at once. */
  decodesWhole: boolean;
}

/** An image to process: the path of a file holding it (an upload), or its bytes. */
export type ImageInput = string | Uint8Array;

/** Waits for its turn in the queue, checks the header, then decodes and writes the image again. */
export function processImage(data: ImageInput, mime: ImageType): Promise<ProcessedImage> {
  if (imageQueue.pendingCount >= imageLimits.maxWaiting) return Promise.reject(new RefusedImageError("busy"));
  return imageQueue(async () => {
    const header = await checkHeader(data, mime);
    if (
      mime === "image/png" &&
      !header.decodesWhole &&
      header.width * header.height > imageLimits.maxPixelsDecodedWhole
    )
      return rewriteLargePng(data, header);
    return rewrite(data, mime, header.animated);
  });
}

/** Refuses what would decode to too much, from the header alone. */
async function checkHeader(data: ImageInput, mime: ImageType): Promise<ImageHeader> {
  const mayAnimate = mime === "image/gif" || mime === "image/webp";
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(data, { animated: mayAnimate, limitInputPixels: false }).metadata();
  } catch (error) {
    throw new RefusedImageError("unreadable", { cause: error });
  }
  const frames = meta.pages ?? 1;
  const canvas = mime === "image/gif" ? gifCanvasSize(await headOf(data, 10)) : null;
  const width = Math.max(meta.width ?? 0, canvas?.width ?? 0);
  const height = Math.max(meta.pageHeight ?? meta.height ?? 0, canvas?.height ?? 0);
  if (width === 0 || height === 0) throw new RefusedImageError("unreadable");
  if (frames > 1) {
    if (frames > imageLimits.maxFrames) throw new RefusedImageError("frames");
    if (width * height * frames > imageLimits.maxAnimationPixels) throw new RefusedImageError("animationPixels");
  } else if (width * height > imageLimits.maxPixels) {
    throw new RefusedImageError("pixels");
  }
  const decodesWhole =
    mime === "image/webp" || mime === "image/gif" || (mime === "image/png" && meta.isProgressive === true);
  if (frames === 1 && decodesWhole && width * height > imageLimits.maxPixelsDecodedWhole) {
    throw new RefusedImageError("wholePixels");
  }
  return { animated: frames > 1, width, height, decodesWhole };
}

/** Fitted within maxSide while it is read (png-stream.ts), then written again by sharp from the small bitmap. */
async function rewriteLargePng(data: ImageInput, header: ImageHeader): Promise<ProcessedImage> {
  if (typeof data !== "string") return rewrite(data, "image/png", false); // bytes in memory already: tests only
  const ratio = Math.min(imageLimits.maxSide / header.width, imageLimits.maxSide / header.height, 1);
  const target = {
    width: Math.max(1, Math.round(header.width * ratio)),
    height: Math.max(1, Math.round(header.height * ratio)),
  };
  const sharp = await loadSharp();
  try {
    const shrunk = await shrinkPng(data, target, Date.now() + imageLimits.timeoutSeconds * 1000);
    const raw = { width: shrunk.width, height: shrunk.height, channels: shrunk.channels };
    const { data: output, info } = await sharp(shrunk.data, { raw })
      .png()
      .timeout({ seconds: imageLimits.timeoutSeconds })
      .toBuffer({ resolveWithObject: true });
    return { data: output, mimeType: "image/png", width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof PngStreamError && error.message === "timeout") throw new RefusedImageError("timeout");
    throw new RefusedImageError("unreadable", { cause: error });
  }
}

/**
 * Turned upright by its EXIF orientation, fitted within maxSide (never
 * enlarged), converted to sRGB and written in its own format without any
 * metadata (no keepMetadata / withMetadata: EXIF, GPS, XMP, IPTC, ICC and
 * comments are all dropped). Animations keep only their frames, delays and
 * loop count.
 */
async function rewrite(data: ImageInput, mime: ImageType, animated: boolean): Promise<ProcessedImage> {
  const limitInputPixels = animated ? imageLimits.maxAnimationPixels : imageLimits.maxPixels;
  const sharp = await loadSharp();
  try {
    const pipeline = sharp(data, { animated, limitInputPixels, failOn: "error", sequentialRead: true })
      .autoOrient()
      .resize({ width: imageLimits.maxSide, height: imageLimits.maxSide, fit: "inside", withoutEnlargement: true })
      .timeout({ seconds: imageLimits.timeoutSeconds });
    const encoded =
      mime === "image/jpeg"
        ? // Huffman optimisation makes libjpeg hold the whole output's coefficients (a 1600×1200 image: ~10 MB)
          // for a second pass; without it the output streams out, some 6 % larger (bench/upload-memory.ts).
          pipeline.jpeg({ quality: 82, optimiseCoding: false })
        : mime === "image/png"
          ? pipeline.png()
          : mime === "image/webp"
            ? pipeline.webp({ quality: 82 })
            : animated
              ? pipeline.gif()
              : pipeline.png();
    const { data: output, info } = await encoded.toBuffer({ resolveWithObject: true });
    const stored: ImageType = mime === "image/gif" && !animated ? "image/png" : mime;
    return { data: output, mimeType: stored, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/timeout/i.test(message)) throw new RefusedImageError("timeout", { cause: error });
    if (/pixel limit/i.test(message)) throw new RefusedImageError(animated ? "animationPixels" : "pixels");
    throw new RefusedImageError("unreadable", { cause: error });
  }
}

/** The first `bytes` bytes of the image (fewer when it is shorter). */
async function headOf(data: ImageInput, bytes: number): Promise<Uint8Array> {
  if (typeof data !== "string") return data.subarray(0, bytes);
  const file = await open(data, "r");
  try {
    const head = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(head, 0, bytes, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

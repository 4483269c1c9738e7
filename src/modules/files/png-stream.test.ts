import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp, { type Sharp } from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageLimits, processImage } from "./images.ts";
import { PngStreamError, shrinkPng } from "./png-stream.ts";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "png-stream-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function file(name: string, data: Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, data);
  return path;
}

/** A screenshot-like picture: flat background, text and coloured bars, some of them half transparent. */
async function screenshot(width: number, height: number, alpha: boolean): Promise<Sharp> {
  const rows = Array.from(
    { length: 40 },
    (_, i) =>
      `<text x="${(i * 211) % width}" y="${((i * 97) % height) + 40}" font-size="48" fill="#1a4d8f">Allianssimalli ${i}</text>` +
      `<rect x="${(i * 331) % width}" y="${(i * 61) % height}" width="${width / 8}" height="30" fill="rgb(${(i * 40) % 255},120,60)" fill-opacity="${alpha ? 0.5 : 1}"/>`,
  ).join("");
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${rows}</svg>`);
  const background = alpha ? { r: 0, g: 0, b: 0, alpha: 0 } : { r: 245, g: 245, b: 240 };
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background } }).composite([{ input: svg }]);
}

/** Mean absolute difference per sample (0–255) between our shrink and libvips' own resize of the same PNG. */
async function differenceFromLibvips(path: string, width: number, height: number): Promise<number> {
  const ours = await shrinkPng(path, { width, height }, Date.now() + 30_000);
  const theirs = await sharp(path)
    .resize(width, height, { fit: "fill" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const oursWithAlpha = await sharp(ours.data, { raw: ours }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect(oursWithAlpha.info).toMatchObject({ width, height });
  // Compared premultiplied: the colour under a transparent pixel is invisible and differs between resamplers.
  const a = theirs.data;
  const b = oursWithAlpha.data;
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) {
    const alphaA = (a[i + 3] ?? 0) / 255;
    const alphaB = (b[i + 3] ?? 0) / 255;
    for (let c = 0; c < 3; c++) sum += Math.abs((a[i + c] ?? 0) * alphaA - (b[i + c] ?? 0) * alphaB);
    sum += Math.abs((a[i + 3] ?? 0) - (b[i + 3] ?? 0));
  }
  return sum / a.length;
}

describe("a large PNG shrunk while it is read", () => {
  it("looks like libvips' resize for every PNG colour type and bit depth", async () => {
    const base = await (await screenshot(1200, 800, true)).png().toBuffer();
    const opaque = await (await screenshot(1200, 800, false)).png().toBuffer();
    const variants: [string, Buffer][] = [
      ["rgba8", base],
      ["rgb8", opaque],
      ["rgba16", await sharp(base).toColourspace("rgb16").png().toBuffer()],
      ["grey8", await sharp(opaque).greyscale().png().toBuffer()],
      ["grey-alpha", await sharp(base).greyscale().png().toBuffer()],
      ["palette", await sharp(opaque).png({ palette: true, colours: 64, dither: 0 }).toBuffer()],
      ["palette-alpha", await sharp(base).png({ palette: true, colours: 64, dither: 0 }).toBuffer()],
      ["grey2", await sharp(opaque).greyscale().png({ palette: true, colours: 4, dither: 0 }).toBuffer()],
      ["filtered", await sharp(opaque).png({ adaptiveFiltering: true, compressionLevel: 9 }).toBuffer()],
    ];
    for (const [name, data] of variants) {
      const path = await file(`${name}.png`, data);
      const difference = await differenceFromLibvips(path, 400, 267);
      expect(difference, name).toBeLessThan(4);
    }
  });

  it("keeps only a few rows in memory, so a 16,000 px wide screenshot becomes 1600 × 300", async () => {
    const path = await file("wide.png", await (await screenshot(16_000, 3_000, false)).png().toBuffer());
    const out = await processImage(path, "image/png");
    expect(out).toMatchObject({ mimeType: "image/png", width: 1600, height: 300 });
    expect(await sharp(out.data).metadata()).toMatchObject({ format: "png", width: 1600, height: 300 });
  });

  it("refuses a truncated or corrupt PNG as unreadable and an interlaced one", async () => {
    const whole = await (await screenshot(3000, 2000, false)).png().toBuffer();
    const truncated = await file("truncated.png", whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(shrinkPng(truncated, { width: 300, height: 200 }, Date.now() + 10_000)).rejects.toBeInstanceOf(
      PngStreamError,
    );
    await expect(processImage(truncated, "image/png")).rejects.toMatchObject({ reason: "unreadable" });

    const interlaced = await file("interlaced.png", await sharp(whole).png({ progressive: true }).toBuffer());
    await expect(processImage(interlaced, "image/png")).rejects.toMatchObject({ reason: "wholePixels" });
    const smallInterlaced = await file(
      "small-interlaced.png",
      await sharp(whole).resize(1200).png({ progressive: true }).toBuffer(), // 0.96 MP
    );
    expect(await processImage(smallInterlaced, "image/png")).toMatchObject({ width: 1200, height: 800 });
  });
});

describe("images that decode whole", () => {
  it("refuses a WebP or GIF still over the limit, takes one under it, and stores a still GIF as PNG", async () => {
    const big = await screenshot(1500, 1500, false); // 2.25 MP
    const small = await screenshot(1920, 1080, false); // a full-HD screenshot, 2.07 MP
    expect(1500 * 1500).toBeGreaterThan(imageLimits.maxPixelsDecodedWhole);
    expect(1920 * 1080).toBeLessThanOrEqual(imageLimits.maxPixelsDecodedWhole);
    await expect(processImage(await file("big.webp", await big.webp().toBuffer()), "image/webp")).rejects.toMatchObject(
      { reason: "wholePixels" },
    );
    await expect(processImage(await file("big.gif", await big.gif().toBuffer()), "image/gif")).rejects.toMatchObject({
      reason: "wholePixels",
    });
    const webp = await processImage(await file("small.webp", await small.webp().toBuffer()), "image/webp");
    expect(webp).toMatchObject({ mimeType: "image/webp", width: 1600, height: 900 });
    const gif = await processImage(await file("small.gif", await small.gif().toBuffer()), "image/gif");
    expect(gif).toMatchObject({ mimeType: "image/png", width: 1600, height: 900 });
    expect((await sharp(gif.data).metadata()).format).toBe("png");
  });
});

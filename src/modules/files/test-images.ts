import { randomBytes } from "node:crypto";
import sharp from "sharp";

/**
 * Images made for the tests and the upload bench (bench/upload-memory.ts):
 * nothing here runs in the server.
 */

/**
 * A GIF whose logical screen is `width`×`height` with `frames` frames of one
 * pixel each: 46 kB on the wire, yet a browser composes every frame on the
 * full canvas (4000×4000×2,000 frames = 32 billion pixels). libvips reports
 * such a file as a 1×1 animation, so only the header tells.
 */
export function canvasBombGif(width: number, height: number, frames: number): Buffer {
  const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
  const parts: Buffer[] = [
    Buffer.from("GIF89a", "latin1"),
    u16(width),
    u16(height),
    // Global colour table of two colours (black, white).
    Buffer.from([0x80, 0, 0, 0, 0, 0, 255, 255, 255]),
    // NETSCAPE2.0 loop extension: loop forever.
    Buffer.from([0x21, 0xff, 0x0b]),
    Buffer.from("NETSCAPE2.0", "latin1"),
    Buffer.from([3, 1, 0, 0, 0]),
  ];
  for (let i = 0; i < frames; i++) {
    parts.push(Buffer.from([0x21, 0xf9, 4, 0, 10, 0, 0, 0])); // graphic control: 100 ms
    parts.push(Buffer.from([0x2c]), u16(0), u16(0), u16(1), u16(1), Buffer.from([0])); // 1×1 frame at 0,0
    parts.push(Buffer.from([2, 2, 0x44, 0x01, 0])); // LZW: clear, pixel 0, end
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

/** An animated GIF of `frames` frames of `width`×`height`, each a different colour. */
export async function animatedGif(width: number, height: number, frames: number): Promise<Buffer> {
  const pages = await Promise.all(
    Array.from({ length: frames }, (_, i) =>
      sharp({
        create: { width, height, channels: 4, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: 120, alpha: 1 } },
      })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(pages, { join: { animated: true } })
    .gif({ delay: Array.from({ length: frames }, () => 100), loop: 0 })
    .toBuffer();
}

/**
 * A JPEG that compresses like a camera's: soft shapes (noise blown up) and
 * fine grain. 8000×6000 at quality 85 is about 9.4 MiB, a 48 MP phone photo.
 */
export async function photoLikeJpeg(
  width: number,
  height: number,
  options: { quality?: number; grain?: number; orientation?: number } = {},
): Promise<Buffer> {
  const grain = options.grain ?? 8;
  const lowWidth = Math.ceil(width / 16);
  const lowHeight = Math.ceil(height / 16);
  const pixels = await sharp(randomBytes(lowWidth * lowHeight * 3), {
    raw: { width: lowWidth, height: lowHeight, channels: 3 },
  })
    .resize(width, height, { kernel: "cubic" })
    .raw()
    .toBuffer();
  const noise = randomBytes(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = Math.max(0, Math.min(255, (pixels[i] ?? 0) + ((noise[i] ?? 0) % (2 * grain + 1)) - grain));
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.jpeg({ quality: options.quality ?? 85 }).toBuffer();
}

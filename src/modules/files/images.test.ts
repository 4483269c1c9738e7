import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { gifCanvasSize } from "./gif-header.ts";
import { imageLimits, imageQueue, processImage, type RefusedImageError } from "./images.ts";
import { formatFileSize } from "./size.ts";
import { animatedGif, canvasBombGif, photoLikeJpeg } from "./test-images.ts";

const photo = () => photoLikeJpeg(2000, 1500);

describe("image processing", () => {
  it("runs uploads through one queue: never more at once than its limit, the rest wait their turn", async () => {
    const data = await photo();
    let mostActive = 0;
    const watch = setInterval(() => {
      mostActive = Math.max(mostActive, imageQueue.activeCount);
    }, 1);
    try {
      const uploads = Array.from({ length: 6 }, () => processImage(data, "image/jpeg"));
      // All six were handed over at once; only `concurrency` of them run, the others wait in the queue.
      expect(imageQueue.activeCount).toBe(imageLimits.concurrency);
      expect(imageQueue.pendingCount).toBe(6 - imageLimits.concurrency);
      const results = await Promise.all(
        uploads.map(async (upload) => {
          const result = await upload;
          mostActive = Math.max(mostActive, imageQueue.activeCount);
          return result;
        }),
      );
      expect(results.map((r) => `${r.width}×${r.height}`)).toEqual(Array(6).fill("1600×1200"));
    } finally {
      clearInterval(watch);
    }
    expect(mostActive).toBeGreaterThan(0);
    expect(mostActive).toBeLessThanOrEqual(imageLimits.concurrency);
    expect(imageQueue.activeCount + imageQueue.pendingCount).toBe(0);
  });

  it("refuses as busy when the queue already holds its maximum", async () => {
    const data = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#123" } })
      .png()
      .toBuffer();
    const settled = await Promise.allSettled(
      Array.from({ length: imageLimits.concurrency + imageLimits.maxWaiting + 2 }, () =>
        processImage(data, "image/png"),
      ),
    );
    const busy = settled.filter((s) => s.status === "rejected" && (s.reason as RefusedImageError).reason === "busy");
    expect(busy).toHaveLength(2);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(
      imageLimits.concurrency + imageLimits.maxWaiting,
    );
  });

  it("reads a GIF's canvas from its header, which libvips does not report", async () => {
    const bomb = canvasBombGif(4000, 4000, 3);
    expect(gifCanvasSize(bomb)).toEqual({ width: 4000, height: 4000 });
    expect(gifCanvasSize(await animatedGif(40, 30, 2))).toEqual({ width: 40, height: 30 });
    expect(gifCanvasSize(Buffer.from("not a gif at all"))).toBeNull();
    await expect(processImage(bomb, "image/gif")).rejects.toMatchObject({ reason: "animationPixels" });
    await expect(processImage(canvasBombGif(4000, 4000, 2000), "image/gif")).rejects.toMatchObject({
      reason: "frames",
    });
  });

  it("keeps a small animation animated", async () => {
    const out = await processImage(await animatedGif(40, 30, 5), "image/gif");
    expect(out).toMatchObject({ width: 40, height: 30 });
    expect(await sharp(out.data, { animated: true }).metadata()).toMatchObject({ pages: 5, pageHeight: 30 });
  });
});

describe("file sizes for people", () => {
  it("names the limit in each language", () => {
    expect(formatFileSize("fi", 10 * 1024 * 1024)).toBe("10 Mt");
    expect(formatFileSize("sv", 10 * 1024 * 1024)).toBe("10 MB");
    expect(formatFileSize("en", 10 * 1024 * 1024)).toBe("10 MB");
    expect(formatFileSize("en", 2048)).toBe("2 kB");
    expect(formatFileSize("fi", 1536 * 1024)).toBe("1,5 Mt");
  });
});

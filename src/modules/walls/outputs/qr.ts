import { lazy } from "../../../core/lazy.ts";

const loadQrCode = lazy(() => import("qrcode").then((m) => m.default));

/**
 * Error correction M (15 %) survives a poster's creases and a projector's glare
 * while keeping the modules large; a quiet zone of 4 modules is the standard's.
 */
const options = { errorCorrectionLevel: "M", margin: 4 } as const;

/** Wide enough to project on a hall's screen or print on A3 without blur. */
export const qrPngWidth = 1024;

export async function qrSvg(text: string): Promise<string> {
  return (await loadQrCode()).toString(text, { ...options, type: "svg" });
}

export async function qrPng(text: string): Promise<Buffer> {
  return (await loadQrCode()).toBuffer(text, { ...options, type: "png", width: qrPngWidth });
}

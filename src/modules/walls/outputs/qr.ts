import QRCode from "qrcode";

/**
 * Error correction M (15 %) survives a poster's creases and a projector's glare
 * while keeping the modules large; a quiet zone of 4 modules is the standard's.
 */
const options = { errorCorrectionLevel: "M", margin: 4 } as const;

/** Wide enough to project on a hall's screen or print on A3 without blur. */
export const qrPngWidth = 1024;

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: "svg" });
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, type: "png", width: qrPngWidth });
}

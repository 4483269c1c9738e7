/**
 * A GIF's logical screen (GIF89a §18): the canvas every frame is drawn on,
 * from bytes 6–9 of the header. Null when the bytes are not a GIF header.
 */
export function gifCanvasSize(data: Uint8Array): { width: number; height: number } | null {
  if (data.byteLength < 10) return null;
  const signature = String.fromCharCode(...data.subarray(0, 6));
  if (signature !== "GIF87a" && signature !== "GIF89a") return null;
  const u16 = (at: number) => (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8);
  return { width: u16(6), height: u16(8) };
}

import { unzipSync } from "fflate";

/** The parts of an Office Open XML file (a zip), text parts decoded. */
export function zipParts(bytes: Buffer): Map<string, string> {
  const files = unzipSync(new Uint8Array(bytes));
  return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data).toString("utf8")]));
}

/** Whether the words appear in the text in this order, each after the previous one. */
export function inOrder(text: string, words: string[]): { ok: boolean; missing?: string } {
  let from = 0;
  for (const word of words) {
    const at = text.indexOf(word, from);
    if (at < 0) return { ok: false, missing: word };
    from = at + word.length;
  }
  return { ok: true };
}

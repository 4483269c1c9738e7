/**
 * The one rule for text people send us, applied by parseInput to every string
 * of every input before validation (so the same everywhere):
 *
 * - line breaks become "\n" (browsers send a textarea's as "\r\n");
 * - terminal escape sequences (ESC [ … m and the like) are removed whole;
 * - every other control character but tab and line feed is removed, NUL
 *   included (PostgreSQL cannot store U+0000 in text, and a stray control
 *   character can forge a log line or a CSV row);
 * - unpaired surrogates become U+FFFD, so the text is valid UTF-8;
 * - a text that is only whitespace and invisible characters (zero-width
 *   spaces, joiners, direction marks, fillers) becomes "", so a required
 *   field refuses it as empty.
 *
 * Nothing else changes: invisible characters inside real text stay (emoji
 * sequences and several scripts need the zero-width joiners), and trimming of
 * leading and trailing whitespace is left to each schema's `.trim()`.
 */
export function cleanText(value: string): string {
  const cleaned = value
    .toWellFormed()
    .replace(lineBreaks, "\n")
    .replace(terminalEscapes, "")
    .replace(controlCharacters, "");
  return invisibleOnly.test(cleaned) ? "" : cleaned;
}

/** cleanText on every string inside plain objects and arrays; files, dates and other values pass unchanged. */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)]));
  }
  return value;
}

const lineBreaks = /\r\n?/g;
// ECMA-48: CSI (ESC [ or U+009B) parameters, intermediates and a final byte; OSC/DCS/APC/PM strings up to their
// terminator (BEL or ESC \); and the two-character escapes (ESC followed by one byte from @ to _ , or other).
const terminalEscapes =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u009d\u009e\u009f\u0098])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Whitespace, format characters (zero-width space/joiners, direction marks, soft hyphen, BOM, word joiner),
// the combining grapheme joiner and the blank "filler" letters that render as nothing.
const invisibleOnly = /^(?:[\s\p{Cf}\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0]|\u034f)*$/u;

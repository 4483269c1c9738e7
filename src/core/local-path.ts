/**
 * The path to send someone back to after a redirect (`?next=`), kept on this
 * site. Browsers read `/\evil.example`, `/<TAB>/evil.example` and
 * `//evil.example` as another host, so the value is resolved the way a browser
 * resolves it and refused unless it stays on our origin; anything doubtful is
 * the front page.
 */
export function localPath(value: string | null | undefined): string {
  if (!value?.startsWith("/")) return "/";
  // Control characters and backslashes have no place in our own links; browsers strip or turn them into slashes.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  const base = "http://uudistamo.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}

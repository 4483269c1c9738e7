/** A URL slug from a title: lower-case ASCII letters and digits between hyphens ("Kasvua ja töitä" → "kasvua-ja-toita"). */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "kirjoitus";
}

/** A wall's short link, the address its QR code encodes: `${publicUrl}/w/${slug}`. */
export function shortLink(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/w/${encodeURIComponent(slug)}`;
}

/** The short link as people type it from a poster: without the scheme. */
export function shortLinkForReading(link: string): string {
  return link.replace(/^https?:\/\//, "");
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * CSRF check. Browsers send Origin (or at least Sec-Fetch-Site) with every
 * cross-site POST, so a state-changing request must carry our own origin. A
 * request with neither header cannot come from a browser page, except a form
 * post from a very old browser, so those are refused only for form bodies;
 * JSON cannot be posted cross-site without a CORS preflight we never allow.
 */
export function isSameOriginRequest(method: string, headers: Headers, allowedOrigin: string): boolean {
  if (safeMethods.has(method.toUpperCase())) return true;
  const origin = headers.get("origin");
  if (origin) return origin === allowedOrigin;
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return !formTypes.test(headers.get("content-type") ?? "");
}

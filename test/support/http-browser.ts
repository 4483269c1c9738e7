import { api, type TestApp } from "./server.ts";

/**
 * A browser seen from HTTP: keeps the cookies the server sets (the participant
 * cookie, join codes, a session) and sends them back, like a phone on a wall.
 */
export function httpBrowser(app: TestApp, initialCookie = "") {
  let cookie = initialCookie;
  const remember = (headers: Headers) => {
    const jar = new Map(
      cookie
        .split("; ")
        .filter(Boolean)
        .map((c) => [c.split("=")[0], c] as const),
    );
    for (const c of headers.getSetCookie().map((c) => c.split(";")[0] ?? "")) jar.set(c.split("=")[0], c);
    cookie = [...jar.values()].join("; ");
  };
  return {
    get cookie() {
      return cookie;
    },
    async call(path: string, init: { method?: string; body?: unknown } = {}) {
      const response = await api(app, path, { ...init, cookie });
      remember(response.headers);
      return response;
    },
    async upload(wallId: string, data: Uint8Array | string, name: string, type = "application/octet-stream") {
      const form = new FormData();
      form.append("file", new Blob([data as BlobPart], { type }), name);
      const response = await fetch(`${app.url}/api/walls/${wallId}/uploads`, {
        method: "POST",
        headers: { origin: app.url, ...(cookie ? { cookie } : {}) },
        body: form,
      });
      remember(response.headers);
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    async file(url: string) {
      const response = await fetch(`${app.url}${url}`, { headers: cookie ? { cookie } : {} });
      return { status: response.status, headers: response.headers, data: Buffer.from(await response.arrayBuffer()) };
    },
  };
}

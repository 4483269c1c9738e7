import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/support/server.ts";
import { catalogs } from "../i18n/translate.ts";

/** The texts go to the browser once, as a cached file, not inline in every page (i18n/catalog-files.ts). */
describe("the language catalogs as files", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ web: true });
  });
  afterAll(() => app.close());

  const catalogHrefOf = (html: string) => /<html lang="\w+" data-catalog="([^"]+)"/.exec(html)?.[1];

  it("leaves the texts out of the page and names the file to preload, per language", async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    const href = catalogHrefOf(html);
    expect(href).toMatch(/^\/i18n\/fi\.[0-9a-f]{16}\.json$/);
    expect(html).toContain(`<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous"/>`);
    // A text no front page shows, from a module's catalog: it was inline in every page before.
    expect(html).not.toContain(catalogs.fi["errors.UNSUPPORTED_MEDIA_TYPE"]);

    const swedish = await (await fetch(`${app.url}/`, { headers: { cookie: "uudistamo_lang=sv" } })).text();
    expect(catalogHrefOf(swedish)).toMatch(/^\/i18n\/sv\.[0-9a-f]{16}\.json$/);
  });

  it("serves the file as the texts the server renders with, cached for a year under its hash", async () => {
    const html = await (await fetch(`${app.url}/`, { headers: { cookie: "uudistamo_lang=en" } })).text();
    const response = await fetch(`${app.url}${catalogHrefOf(html)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await response.json()).toEqual(catalogs.en);
  });

  it("answers a page from before a deploy with today's texts, not cached; anything else is 404", async () => {
    const old = await fetch(`${app.url}/i18n/fi.0123456789abcdef.json`);
    expect(old.status).toBe(200);
    expect(old.headers.get("cache-control")).toBe("no-cache");
    expect(await old.json()).toEqual(catalogs.fi);
    for (const name of ["de.0123456789abcdef.json", "fi.json", "fi.0123456789ABCDEF.json", "..%2Fpackage.json"]) {
      const response = await fetch(`${app.url}/i18n/${name}`);
      expect(response.status, name).toBe(404);
      expect((await response.json()).code).toBe("NOT_FOUND");
    }
  });
});

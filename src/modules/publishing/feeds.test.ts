import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { postFor } from "./test-fixture.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (_name, jpath) => ["rss.channel.item", "feed.entry", "feed.link", "feed.entry.link"].includes(String(jpath)),
});
/** An element's text, whether or not it has attributes. */
const textOf = (value: unknown) =>
  typeof value === "object" && value !== null ? String((value as Record<string, unknown>)["#text"]) : String(value);
const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

describe("RSS and Atom feeds", () => {
  let app: TestApp;
  let cookie: string;

  const feed = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}${path}`, { headers });
    return { response, text: response.status === 200 ? await response.text() : "" };
  };

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff");
    cookie = await signIn(app, staff.email, staff.password);
    const write = async (input: ReturnType<typeof postFor>) => {
      const created = await api(app, "/api/publishing/posts", { method: "POST", cookie, body: input });
      expect(created.status).toBe(201);
      const published = await api(app, `/api/publishing/posts/${created.json.id}/publish`, {
        method: "POST",
        cookie,
        body: {},
      });
      expect(published.status).toBe(200);
    };
    await write(
      postFor({
        title: "Kasvua & töitä <heti>",
        body: "Lue [lisää](/blog) ja **katso** kuva: ![Kotkan satama](https://example.org/satama.jpg)",
        tags: ["kasvupalvelut"],
      }),
    );
    await write(postFor({ title: "Vårdreformen i Kymmenedalen", locale: "sv", tags: ["sote"] }));
    const draft = await api(app, "/api/publishing/posts", {
      method: "POST",
      cookie,
      body: postFor({ title: "Luonnos ei näy" }),
    });
    expect(draft.status).toBe(201);
  });
  afterAll(() => app.close());

  it("gives valid RSS 2.0 with the required elements, RFC 822 dates, absolute URLs and escaped HTML", async () => {
    const { response, text } = await feed("/feeds/rss.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(XMLValidator.validate(text)).toBe(true);
    const rss = parser.parse(text).rss as Json;
    expect(rss["@version"]).toBe("2.0");
    const channel = rss.channel as Json;
    for (const required of ["title", "link", "description"]) expect(channel[required]).toBeTruthy();
    expect(channel.link).toBe(`${app.url}/blog`);
    expect(String(channel.lastBuildDate)).toMatch(rfc822);
    const items = channel.item as Json[];
    expect(items.map((i) => i.title)).toEqual(["Vårdreformen i Kymmenedalen", "Kasvua & töitä <heti>"]);
    expect(text).not.toContain("Luonnos ei näy");
    for (const item of items) {
      expect(String(item.link)).toMatch(new RegExp(`^${app.url}/blog/[a-z0-9-]+$`));
      expect(String(item.pubDate)).toMatch(rfc822);
      expect(new Date(String(item.pubDate)).getTime()).toBeGreaterThan(Date.now() - 120_000);
    }
    // The body is HTML as escaped text: parsed back, it is the HTML, with this site's links made absolute.
    const html = String((items[1] as Json).description);
    expect(html).toContain("<strong>katso</strong>");
    expect(html).toContain(`href="${app.url}/blog"`);
    expect(html).toContain('<img src="https://example.org/satama.jpg" alt="Kotkan satama" />');
    expect(text).toContain("&lt;strong&gt;katso&lt;/strong&gt;");
    expect(text).toContain("<title>Kasvua &amp; töitä &lt;heti&gt;</title>");
  });

  it("gives valid Atom with RFC 3339 dates, ids, self and alternate links", async () => {
    const { response, text } = await feed("/feeds/atom.xml");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(XMLValidator.validate(text)).toBe(true);
    const atom = parser.parse(text).feed as Json;
    expect(atom["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const required of ["id", "title", "updated"]) expect(atom[required]).toBeTruthy();
    expect(String(atom.updated)).toMatch(rfc3339);
    const links = atom.link as Json[];
    expect(links.find((l) => l["@rel"] === "self")?.["@href"]).toBe(`${app.url}/feeds/atom.xml`);
    const entries = atom.entry as Json[];
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      for (const required of ["id", "title", "updated", "published", "author", "content"])
        expect(entry[required]).toBeTruthy();
      expect(String(entry.updated)).toMatch(rfc3339);
      expect(String(entry.published)).toMatch(rfc3339);
      expect(String((entry.link as Json[])[0]?.["@href"])).toMatch(new RegExp(`^${app.url}/blog/`));
      expect((entry.content as Json)["@type"]).toBe("html");
    }
    expect(String(((entries[1] as Json).author as Json).name)).toBe(
      "Satu Mäkelä, Kaakkois-Suomen ELY-keskus, Elinkeinot, työllisyys ja osaaminen -vastuualueen johtaja",
    );
  });

  it("filters by tag and by language", async () => {
    const tag = parser.parse((await feed("/feeds/tag/sote/rss.xml")).text).rss.channel as Json;
    expect((tag.item as Json[]).map((i) => i.title)).toEqual(["Vårdreformen i Kymmenedalen"]);
    const fi = parser.parse((await feed("/feeds/lang/fi/atom.xml")).text).feed as Json;
    expect((fi.entry as Json[]).map((e) => textOf(e.title))).toEqual(["Kasvua & töitä <heti>"]);
    expect(fi["@xml:lang"]).toBe("fi");
    const sv = parser.parse((await feed("/feeds/lang/sv/rss.xml")).text).rss.channel as Json;
    expect(sv.language).toBe("sv");
  });

  it("answers an unknown tag or language with 404 and a translated message", async () => {
    const unknown = await api(app, "/feeds/tag/ei-tallaista/rss.xml", { headers: { "accept-language": "sv" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.issues).toEqual([
      { path: "tag", message: "Ämnet ”ei-tallaista” finns inte. Se ämnena på bloggsidan." },
    ]);
    const fi = await api(app, "/feeds/tag/ei-tallaista/atom.xml");
    expect(fi.status).toBe(404);
    expect((fi.json.issues as Json[])[0]?.message).toBe("Aihetta ”ei-tallaista” ei ole. Katso aiheet blogin sivulta.");
    expect((await api(app, "/feeds/lang/de/rss.xml")).status).toBe(404);
  });

  it("answers a conditional request with 304, by ETag and by Last-Modified", async () => {
    const { response } = await feed("/feeds/rss.xml");
    const etag = response.headers.get("etag") ?? "";
    const modified = response.headers.get("last-modified") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(modified).toMatch(rfc822);
    const byTag = await feed("/feeds/rss.xml", { "if-none-match": etag });
    expect(byTag.response.status).toBe(304);
    expect(byTag.response.headers.get("etag")).toBe(etag);
    const byDate = await feed("/feeds/rss.xml", { "if-modified-since": modified });
    expect(byDate.response.status).toBe(304);
    expect((await feed("/feeds/rss.xml", { "if-none-match": '"other"' })).response.status).toBe(200);
    expect((await feed("/feeds/rss.xml", { "if-modified-since": new Date(0).toUTCString() })).response.status).toBe(
      200,
    );

    // A correction changes the feed: the old validators no longer match.
    const list = await api(app, "/api/publishing/posts?locale=fi");
    const id = String((list.json.items as Json[])[0]?.id);
    await new Promise((r) => setTimeout(r, 1100));
    const patched = await api(app, `/api/publishing/posts/${id}`, {
      method: "PATCH",
      cookie,
      body: { summary: "Korjattu tiivistelmä" },
    });
    expect(patched.status, patched.text).toBe(200);
    const after = await feed("/feeds/rss.xml", { "if-none-match": etag });
    expect(after.response.status).toBe(200);
    expect(after.text).toContain("Korjattu tiivistelmä");
    expect((await feed("/feeds/rss.xml", { "if-modified-since": modified })).response.status).toBe(200);
  });
});

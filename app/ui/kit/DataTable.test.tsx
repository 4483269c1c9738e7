import { describe, expect, it } from "vitest";
import { DataTable, type DataTableColumn } from "./DataTable.tsx";
import { parseHtml } from "./html.testing.ts";
import { renderWithRoot } from "./render.testing.tsx";
import { pageHref, readCursor, readSort } from "./table-query.ts";

interface Person {
  id: string;
  name: string;
  organisation: string;
  posts: number;
}

const people: Person[] = [
  { id: "1", name: "Aino Admin", organisation: "Esimerkkilän kunta", posts: 12 },
  { id: "2", name: "Matti Jäsen", organisation: "Kymenlaakson liitto", posts: 1200 },
];

const columns: DataTableColumn<Person>[] = [
  { key: "name", header: "Nimi", cell: (p) => p.name, sortable: true },
  { key: "organisation", header: "Kotiorganisaatio", phoneLabel: "Organisaatio", cell: (p) => p.organisation },
  { key: "posts", header: "Viestejä", cell: (p) => p.posts, sortable: true, align: "end", firstDirection: "desc" },
];

describe("DataTable", () => {
  it("has a caption, column headers with scope, the first column as row headers and a phone label on every cell", async () => {
    const html = await renderWithRoot(
      <DataTable caption="Henkilöt" columns={columns} rows={people} rowKey={(p) => p.id} rowHeader emptyText="-" />,
    );
    const dom = parseHtml(html);
    expect(dom.text(dom.byTag("caption")[0])).toBe("Henkilöt");
    const headers = dom.all((e) => e.name === "th" && e.attribs.scope === "col");
    expect(headers.map((h) => h.attribs.scope)).toEqual(["col", "col", "col"]);
    const rowHeaders = dom.all((e) => e.name === "th" && e.attribs.scope === "row");
    expect(rowHeaders.map(dom.text)).toEqual(["Aino Admin", "Matti Jäsen"]);
    const labels = dom
      .all((e) => (e.name === "td" || (e.name === "th" && e.attribs.scope === "row")) && "data-label" in e.attribs)
      .map((e) => e.attribs["data-label"]);
    expect(labels).toEqual(["Nimi", "Organisaatio", "Viestejä", "Nimi", "Organisaatio", "Viestejä"]);
    expect(dom.byTag("td").filter((td) => td.attribs.class === "data-table-end")).toHaveLength(2);
    expect(html).toContain('class="data stack-on-phone data-table data-table-sortable"');
  });

  it("gives the sorted column aria-sort and every sortable header a plain link that keeps the filters", async () => {
    const html = await renderWithRoot(
      <DataTable
        caption="Henkilöt"
        columns={columns}
        rows={people}
        rowKey={(p) => p.id}
        sort={{ key: "name", direction: "asc" }}
        emptyText="-"
      />,
      { url: "http://localhost/admin/people?q=aino&cursor=abc&sort=name&dir=asc" },
    );
    const dom = parseHtml(html);
    const headers = dom.all((e) => e.name === "th" && e.attribs.scope === "col");
    expect(headers.map((h) => h.attribs["aria-sort"])).toEqual(["ascending", undefined, undefined]);
    const links = dom.all((e) => e.name === "a" && e.attribs.class === "data-table-sort");
    // The sorted column turns around; another starts in its first direction; the cursor is dropped (page 1).
    expect(links.map((a) => a.attribs.href)).toEqual(["?q=aino&sort=name&dir=desc", "?q=aino&sort=posts&dir=desc"]);
    expect(dom.text(links[0])).toBe("Nimi ▲ (lajiteltu nousevaan järjestykseen, lajittele laskevaan järjestykseen)");
    expect(dom.text(links[1])).toBe("Viestejä ↕ (lajittele laskevaan järjestykseen)");
    // The organisation column is not sortable: no link.
    expect(dom.text(headers[1])).toBe("Kotiorganisaatio");
  });

  it("links to the previous and next pages (keyset pagination) in a labelled navigation", async () => {
    const html = await renderWithRoot(
      <DataTable
        caption="Muutosloki"
        columns={columns}
        rows={people}
        rowKey={(p) => p.id}
        previousPageHref={pageHref("?q=x&cursor=b", "a")}
        nextPageHref={pageHref("?q=x", "c")}
        emptyText="-"
      />,
      { locale: "en" },
    );
    const dom = parseHtml(html);
    const nav = dom.byTag("nav")[0];
    expect(dom.attr(nav, "aria-label")).toBe("Muutosloki: pages");
    const links = dom.all((e) => e.name === "a" && (e.attribs.rel === "prev" || e.attribs.rel === "next"));
    expect(links.map((a) => [a.attribs.rel, a.attribs.href, dom.text(a)])).toEqual([
      ["prev", "?q=x&cursor=a", "← Previous page"],
      ["next", "?q=x&cursor=c", "Next page →"],
    ]);
  });

  it("says the empty text instead of an empty table, and keeps the way back", async () => {
    const html = await renderWithRoot(
      <DataTable
        caption="Henkilöt"
        columns={columns}
        rows={[]}
        rowKey={(p) => p.id}
        previousPageHref="?cursor=a"
        emptyText="Ei henkilöitä."
      />,
    );
    const dom = parseHtml(html);
    expect(dom.byTag("table")).toHaveLength(0);
    expect(dom.text(dom.byTag("p")[0])).toBe("Ei henkilöitä.");
    expect(dom.all((e) => e.name === "a" && e.attribs.rel === "prev")).toHaveLength(1);
  });

  it("reads the sort and cursor from the address, falling back on anything unknown", () => {
    const fallback = { key: "name", direction: "asc" } as const;
    expect(readSort("?sort=posts&dir=desc", ["name", "posts"], fallback)).toEqual({ key: "posts", direction: "desc" });
    expect(readSort("?sort=posts&dir=sideways", ["name", "posts"], fallback)).toEqual({
      key: "posts",
      direction: "asc",
    });
    expect(readSort("?sort=password&dir=desc", ["name", "posts"], fallback)).toEqual(fallback);
    expect(readCursor("?cursor=")).toBeUndefined();
    expect(readCursor("?cursor=abc")).toBe("abc");
    expect(pageHref("?cursor=abc&q=1", undefined)).toBe("?q=1");
  });
});

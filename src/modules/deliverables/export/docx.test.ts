import { beforeAll, describe, expect, it } from "vitest";
import { docxParagraphs } from "./document-text.testing.ts";
import { renderDeliverableDocx } from "./docx.ts";
import { strategyDeliverable as doc, strategyDocumentText } from "./fixture.testing.ts";
import { inOrder, zipParts } from "./office.testing.ts";

describe("a deliverable as DOCX", () => {
  let parts: Map<string, string>;

  // The same text as LibreOffice Writer reads it: docx.office.test.ts (`npm run test:office`).
  beforeAll(async () => {
    parts = zipParts(await renderDeliverableDocx(doc, { includeGuidance: true }));
  });

  it("reads with the title, the meta and every section's heading and text in order, from the document's XML", () => {
    const text = docxParagraphs(parts).join("\n");
    expect(inOrder(text, strategyDocumentText)).toEqual({ ok: true });
    expect(text).not.toMatch(/<|&lt;|&amp;/);
  });

  it("uses Heading 1 for the sections, Heading 2 for the content's h3, and real bold, links and lists", () => {
    const body = parts.get("word/document.xml") ?? "";
    const styled = (style: string) =>
      [...body.matchAll(new RegExp(`<w:pStyle w:val="${style}"/>.*?</w:p>`, "g"))].map((m) =>
        [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
      );
    expect(styled("Heading1")).toEqual([
      "1. Maakunnan tehtävät",
      "2. Nykyinen toimintatapa",
      "3. Uusi toimintamalli – edut ja riskit",
    ]);
    expect(styled("Heading2")).toEqual(["Yhdyspinnat"]);
    expect(styled("Title")).toEqual(["Uuden toimintamallin kuvaus – Maakuntastrategia"]);
    expect(body).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">yksi strategia<\/w:t>/);
    expect(body).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">maakuntaohjelma<\/w:t>/);
    expect(body.match(/<w:numPr>/g)).toHaveLength(6);

    const link = body.match(/<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>.*?<\/w:hyperlink>/);
    expect(link?.[0]).toContain("maakuntastrategian sivu");
    const rels = parts.get("word/_rels/document.xml.rels") ?? "";
    expect(rels).toContain(
      `Id="${link?.[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" ` +
        'Target="https://www.pohjois-karjala.fi/maakuntastrategia" TargetMode="External"',
    );
  });

  it("sets the document's language and its title property", () => {
    expect(parts.get("word/styles.xml")).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="fi-FI"\/>/);
    expect(parts.get("docProps/core.xml")).toContain(
      "<dc:title>Uuden toimintamallin kuvaus – Maakuntastrategia</dc:title>",
    );
  });

  it("leaves the guidance out unless asked, says when a section is empty, and writes Swedish as sv-FI", async () => {
    const swedish = zipParts(
      await renderDeliverableDocx({
        ...doc,
        locale: "sv",
        sections: [...doc.sections, { number: 4, title: "Tom", guidance: "[skriv här]", html: "<p> </p>" }],
      }),
    );
    const body = swedish.get("word/document.xml") ?? "";
    expect(body).not.toContain("kuvaa tähän");
    expect(body).not.toContain("skriv här");
    expect(body).toContain("Inget innehåll ännu.");
    expect(swedish.get("word/styles.xml")).toContain('<w:lang w:val="sv-FI"/>');
  });

  it("numbers each ordered list from 1 and nests a list one level deeper", async () => {
    const body =
      zipParts(
        await renderDeliverableDocx({
          ...doc,
          sections: [
            {
              number: 1,
              title: "Listat",
              html: "<ol><li>A</li><li>B<ul><li>B1</li></ul></li></ol><p>Väli</p><ol><li>C</li></ol>",
            },
          ],
        }),
      ).get("word/document.xml") ?? "";
    const items = [...body.matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>.*?<w:t[^>]*>([^<]*)</g)].map(
      ([, level, list, text]) => ({ level, list, text }),
    );
    expect(items.map((i) => `${i.level}:${i.text}`)).toEqual(["0:A", "0:B", "1:B1", "0:C"]);
    const [a, b, b1, c] = items.map((i) => i.list);
    expect(a).toBe(b);
    expect(new Set([a, b1, c]).size).toBe(3);
  });

  it("passes no markup or script from the section's HTML into the document", async () => {
    const parts = zipParts(
      await renderDeliverableDocx({
        ...doc,
        sections: [
          {
            number: 1,
            title: "Yritys",
            html: '<p>Teksti<script>alert("x")</script> <a href="javascript:alert(1)">linkki</a> &lt;b&gt;</p>',
          },
        ],
      }),
    );
    const body = parts.get("word/document.xml") ?? "";
    expect(body).not.toContain("alert");
    expect(body).not.toContain("<w:hyperlink");
    expect(body).toContain("linkki");
    expect(body).toContain("&lt;b&gt;"); // the text "<b>", escaped as XML
  });
});

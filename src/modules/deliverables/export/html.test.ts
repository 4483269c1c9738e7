import { describe, expect, it } from "vitest";
import { type Block, inlineText, parseRichText, safeHref } from "./html.ts";

const text = (blocks: Block[]) => blocks.map((block) => inlineText(block.inlines));

describe("reading a section's rich text", () => {
  it("reads paragraphs with bold, italic and links as runs", () => {
    const [paragraph, ...rest] = parseRichText(
      '<p>Maakunnassa on <strong>yksi <em>strategia</em></strong>, katso <a href="https://example.fi/ä">sivu</a>.</p>',
    );
    expect(rest).toEqual([]);
    expect(paragraph).toEqual({
      kind: "paragraph",
      inlines: [
        { kind: "text", text: "Maakunnassa on ", bold: false, italic: false },
        { kind: "text", text: "yksi ", bold: true, italic: false },
        { kind: "text", text: "strategia", bold: true, italic: true },
        { kind: "text", text: ", katso ", bold: false, italic: false },
        { kind: "text", text: "sivu", bold: false, italic: false, href: "https://example.fi/%C3%A4" },
        { kind: "text", text: ".", bold: false, italic: false },
      ],
    });
  });

  it("numbers every list on its own and nests lists one level deeper", () => {
    const blocks = parseRichText(
      "<ol><li>Yksi</li><li>Kaksi<ul><li>Alakohta</li></ul></li></ol><p>Väli</p><ol><li>Uusi lista</li></ol>",
    );
    expect(blocks.map((b) => (b.kind === "listItem" ? [b.list, b.ordered, b.depth, b.index] : b.kind))).toEqual([
      [0, true, 0, 1],
      [0, true, 0, 2],
      [1, false, 1, 1],
      "paragraph",
      [2, true, 0, 1],
    ]);
    expect(text(blocks)).toEqual(["Yksi", "Kaksi", "Alakohta", "Väli", "Uusi lista"]);
  });

  it("collapses whitespace as a browser does and keeps line breaks", () => {
    const blocks = parseRichText(
      "<p>\n  Kunnat   ja\tmaaseutu <br>\n  lomitus <strong> erikseen </strong> .<br><br></p>",
    );
    expect(text(blocks)).toEqual(["Kunnat ja maaseutu\nlomitus erikseen ."]);
  });

  it("reads h3 and h4 as headings, and loose text as a paragraph", () => {
    const blocks = parseRichText("Alku<h3>Yhdyspinnat</h3><h4>Valtio</h4>loppu");
    expect(blocks.map((b) => (b.kind === "heading" ? `h${b.level}` : b.kind))).toEqual([
      "paragraph",
      "h3",
      "h4",
      "paragraph",
    ]);
    expect(text(blocks)).toEqual(["Alku", "Yhdyspinnat", "Valtio", "loppu"]);
  });

  it("keeps a paragraph inside a list item in the item, on a new line", () => {
    const blocks = parseRichText("<ul><li><p>Ensimmäinen</p><p>jatkuu</p></li><li>Toinen</li></ul>");
    expect(text(blocks)).toEqual(["Ensimmäinen\njatkuu", "Toinen"]);
  });

  it("decodes entities and passes no markup through", () => {
    const blocks = parseRichText(
      '<p>A &amp; B &lt;script&gt; &auml;&#246;&aring;</p><script>alert("x")</script><style>p{}</style>' +
        '<p><img src=x onerror="alert(1)">kuva<span style="color:red">teksti</span> <u>alleviivattu</u></p>' +
        "<div>lohko</div><table><tr><td>solu</td></tr></table>",
    );
    expect(text(blocks)).toEqual(["A & B <script> äöå", "kuvateksti alleviivattu", "lohko", "solu"]);
  });

  it("links only http, https and mailto addresses, keeping the text of others", () => {
    expect(safeHref("https://www.pohjois-karjala.fi/")).toBe("https://www.pohjois-karjala.fi/");
    expect(safeHref("mailto:kirjaamo@example.fi")).toBe("mailto:kirjaamo@example.fi");
    for (const bad of [
      "javascript:alert(1)",
      " JAVASCRIPT:alert(1)",
      "data:text/html,x",
      "/suhteellinen",
      "",
      undefined,
    ]) {
      expect(safeHref(bad)).toBeUndefined();
    }
    const [paragraph] = parseRichText('<p><a href="javascript:alert(1)">klikkaa</a></p>');
    expect(paragraph?.inlines).toEqual([{ kind: "text", text: "klikkaa", bold: false, italic: false }]);
  });

  it("gives nothing for empty content", () => {
    expect(parseRichText("")).toEqual([]);
    expect(parseRichText("<p> </p><p><br></p><ul><li> </li></ul>")).toEqual([]);
  });
});

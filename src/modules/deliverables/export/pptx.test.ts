import { beforeAll, describe, expect, it } from "vitest";
import { pptxSlides, type SlideText } from "./document-text.testing.ts";
import { strategyDeck as deck, sentences, strategySlideText } from "./fixture.testing.ts";
import { inOrder, zipParts } from "./office.testing.ts";
import { keepFirstParagraphProperties, renderDeliverablePptx } from "./pptx.ts";

/** Words only: a soft line break reads as a space. */
const words = (text: string) => text.replace(/\s+/g, " ").trim();
/** A slide's content, and all its text (title first), as a reader sees it. */
const body = (slide: SlideText | undefined) => words(slide?.paragraphs.join(" ") ?? "");
const page = (slide: SlideText | undefined) => words(`${slide?.title ?? ""} ${body(slide)}`);

describe("a deliverable as PPTX", () => {
  let parts: Map<string, string>;
  let slides: SlideText[];

  // Read from the slides' XML; pptx.office.test.ts checks the same text as LibreOffice prints it (`npm run test:office`).
  beforeAll(async () => {
    parts = zipParts(await renderDeliverablePptx(deck, { includeGuidance: true }));
    slides = pptxSlides(parts);
  });

  it("opens with a title slide: title, subtitle and meta", () => {
    expect(slides[0]?.title).toBe(deck.title);
    expect(inOrder(page(slides[0]), strategySlideText.title)).toEqual({ ok: true });
  });

  it("gives each section a slide titled 'N. Title' with its text and bullets in order", () => {
    expect(slides.slice(1, 4).map((slide) => slide.title)).toEqual([
      "1. Maakunnan tehtävät",
      "2. Nykyinen toimintatapa",
      "3. Uusi toimintamalli – edut ja riskit",
    ]);
    expect(inOrder(body(slides[1]), strategySlideText.section1)).toEqual({ ok: true });
    expect(inOrder(body(slides[2]), strategySlideText.section2)).toEqual({ ok: true });
    expect(body(slides[3])).toContain(strategySlideText.section3);
  });

  it("continues a long section on further slides with '(jatkuu)', losing nothing", () => {
    const rest = slides.slice(4);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    expect(rest.map((slide) => slide.title)).toEqual([
      "4. Toteutuksen vaiheet",
      ...rest.slice(1).map(() => "4. Toteutuksen vaiheet (jatkuu)"),
    ]);
    const all = rest.map(body).join(" ");
    expect(inOrder(all, sentences(60))).toEqual({ ok: true });
    expect(
      inOrder(
        all,
        sentences(8).map((s) => `• Vaihe ${s}`),
      ),
    ).toEqual({ ok: true });
    // Read on across the cuts, it is the section's text exactly: nothing dropped, nothing repeated.
    expect(all).toBe([...sentences(60), ...sentences(8).map((s) => `• Vaihe ${s}`)].join(" "));
  });

  it("writes valid paragraphs: one pPr each, before the runs", () => {
    for (const [name, xml] of parts) {
      if (!/^ppt\/slides\/slide\d+\.xml$/.test(name)) continue;
      for (const [, inner] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const count = inner?.match(/<a:pPr\b/g)?.length ?? 0;
        expect(count, name).toBeLessThanOrEqual(1);
        if (count === 1) expect(inner?.startsWith("<a:pPr"), name).toBe(true);
      }
    }
  });

  it("marks the text Finnish, links the link, titles the deck and puts the guidance in the notes", () => {
    const slideParts = [...parts].filter(([name]) => /^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(name));
    for (const [name, xml] of slideParts) {
      expect(xml, name).not.toContain('lang="en-US"');
      expect(xml, name).toContain('lang="fi-FI"');
    }
    const first = parts.get("ppt/slides/slide2.xml") ?? "";
    const rId = first.match(/<a:hlinkClick r:id="([^"]+)"/)?.[1];
    expect(parts.get("ppt/slides/_rels/slide2.xml.rels")).toContain(
      `Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" ` +
        'Target="https://www.pohjois-karjala.fi/maakuntastrategia" TargetMode="External"',
    );
    expect(first).toMatch(/<a:rPr [^>]*b="1"[^>]*>.*?<a:t>yksi strategia<\/a:t>/);
    expect(parts.get("docProps/core.xml")).toContain(
      "<dc:title>Uuden toimintamallin kuvaus – Maakuntastrategia</dc:title>",
    );
    const notes = [...parts].filter(([name]) => name.startsWith("ppt/notesSlides/")).map(([, xml]) => xml);
    expect(notes.join()).toContain("[kuvaa tähän tiiviisti maakuntalain mukaiset tehtävät ko. toimintamallissa]");
    expect(notes.join()).toContain("[kuvaa vaiheet]");
  });
});

describe("the pptxgenjs output fix", () => {
  it("keeps the first of several paragraph properties, before the runs", () => {
    expect(
      keepFirstParagraphProperties(
        '<a:p><a:pPr marL="0"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0"/><a:r><a:t>b</a:t></a:r></a:p>' +
          "<a:p><a:r><a:t>c</a:t></a:r><a:pPr><a:buNone/></a:pPr></a:p>",
      ),
    ).toBe(
      '<a:p><a:pPr marL="0"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>' +
        "<a:p><a:r><a:t>c</a:t></a:r></a:p>",
    );
  });
});

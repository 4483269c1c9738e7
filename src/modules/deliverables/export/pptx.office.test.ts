import { beforeAll, describe, expect, it } from "vitest";
import { strategyDeck as deck, sentences, strategySlideText } from "./fixture.testing.ts";
import { pptxToPageTexts } from "./libreoffice.testing.ts";
import { inOrder, zipParts } from "./office.testing.ts";
import { renderDeliverablePptx } from "./pptx.ts";

/** pdftotext breaks lines where the slide does, and may write ligatures: compare words only. */
const words = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim();

// Needs LibreOffice and pdftotext: `npm run test:office`. pptx.test.ts reads the same text from the slides' XML.
describe("a deliverable as PPTX, printed by LibreOffice Impress", () => {
  let pages: string[];
  let parts: Map<string, string>;

  // One LibreOffice conversion (to PDF, then pdftotext) for the whole deck: it takes a few seconds.
  beforeAll(async () => {
    const pptx = await renderDeliverablePptx(deck, { includeGuidance: true });
    parts = zipParts(pptx);
    pages = (await pptxToPageTexts(pptx)).map(words);
  }, 120_000);

  it("opens with a title slide: title, subtitle and meta", () => {
    expect(inOrder(pages[0] ?? "", strategySlideText.title)).toEqual({ ok: true });
  });

  it("gives each section a slide titled 'N. Title' with its text and bullets in order", () => {
    expect(pages[1]).toMatch(/^1\. Maakunnan tehtävät /);
    expect(inOrder(pages[1] ?? "", strategySlideText.section1)).toEqual({ ok: true });
    expect(pages[2]).toMatch(/^2\. Nykyinen toimintatapa /);
    expect(inOrder(pages[2] ?? "", strategySlideText.section2)).toEqual({ ok: true });
    expect(pages[3]).toMatch(/^3\. Uusi toimintamalli – edut ja riskit /);
    expect(pages[3]).toContain(strategySlideText.section3);
  });

  it("continues a long section on further slides, losing nothing", () => {
    const rest = pages.slice(4);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    expect(rest[0]).toMatch(/^4\. Toteutuksen vaiheet (?!\(jatkuu\))/);
    for (const page of rest.slice(1)) expect(page).toMatch(/^4\. Toteutuksen vaiheet \(jatkuu\) /);
    // The slides' own text (heading, slide number) taken away, the content reads on across the cut.
    const all = rest
      .map((page) => page.replace(/^4\. Toteutuksen vaiheet (\(jatkuu\) )?/, "").replace(/ \d+$/, ""))
      .join(" ");
    expect(inOrder(all, sentences(60))).toEqual({ ok: true });
    expect(
      inOrder(
        all,
        sentences(8).map((s) => `• Vaihe ${s}`),
      ),
    ).toEqual({ ok: true });
    expect(pages).toHaveLength(
      Object.keys(Object.fromEntries(parts)).filter((n) => /slides\/slide\d+\.xml$/.test(n)).length,
    );
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { DeliverableDocument } from "./deliverable.ts";
import { strategyDeliverable } from "./fixture.testing.ts";
import { inOrder, pptxToPageTexts, zipParts } from "./office.testing.ts";
import { keepFirstParagraphProperties, renderDeliverablePptx } from "./pptx.ts";

/** Numbered sentences, so that every one can be found after the content is split across slides. */
const sentences = (count: number) =>
  Array.from({ length: count }, (_, i) => `Lause ${i + 1}: maakunnan strategia ohjaa päätösvalmistelua.`);

const longSection = {
  number: 4,
  title: "Toteutuksen vaiheet",
  guidance: "[kuvaa vaiheet]",
  html: `<p>${sentences(60).join(" ")}</p><ul>${sentences(8)
    .map((s) => `<li><strong>Vaihe</strong> ${s}</li>`)
    .join("")}</ul>`,
};

const deck: DeliverableDocument = { ...strategyDeliverable, sections: [...strategyDeliverable.sections, longSection] };

/** pdftotext breaks lines where the slide does, and may write ligatures: compare words only. */
const words = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim();

describe("a deliverable as PPTX", () => {
  let pages: string[];
  let parts: Map<string, string>;

  // One LibreOffice conversion (to PDF, then pdftotext) for the whole deck: it takes a few seconds.
  beforeAll(async () => {
    const pptx = await renderDeliverablePptx(deck, { includeGuidance: true });
    parts = zipParts(pptx);
    pages = (await pptxToPageTexts(pptx)).map(words);
  }, 120_000);

  it("opens with a title slide: title, subtitle and meta", () => {
    expect(
      inOrder(pages[0] ?? "", [
        "Uuden toimintamallin kuvaus – Maakuntastrategia",
        "Maakuntastrategian valmisteluryhmä · Luonnos",
        "Työryhmä: Maakuntastrategia, Pohjois-Karjala",
        "Tila: Luonnos",
        "Päivitetty: 15.5.2017",
      ]),
    ).toEqual({ ok: true });
  });

  it("gives each section a slide titled 'N. Title' with its text and bullets in order", () => {
    expect(pages[1]).toMatch(/^1\. Maakunnan tehtävät /);
    expect(
      inOrder(pages[1] ?? "", [
        "Maakunnassa on yksi strategia, joka kattaa kaikki maakunnan tehtäväalat.",
        "• Asukkaiden hyvinvoinnin edistäminen",
        "• Palvelujen järjestäminen ja tuottaminen",
        "• Alueiden käytön ja elinympäristön laatu",
        "Lisätietoa: maakuntastrategian sivu.",
      ]),
    ).toEqual({ ok: true });
    expect(pages[2]).toMatch(/^2\. Nykyinen toimintatapa /);
    expect(
      inOrder(pages[2] ?? "", [
        "Kullakin nykyisellä organisaatiolla on omat strategiansa:",
        "1. Maakuntaliitto: maakuntastrategia ja maakuntaohjelma",
        "2. Siun sote: strategia (ml. pelastuslaitos)",
        "3. ELY-keskus: tulostavoitteet",
        "Yhdyspinnat",
        "Kunnat ja maaseudun yhteistoiminta-alueet. Lomitus hoidetaan erikseen.",
      ]),
    ).toEqual({ ok: true });
    expect(pages[3]).toMatch(/^3\. Uusi toimintamalli – edut ja riskit /);
    expect(pages[3]).toContain(
      "Tuloksena tiivis, ohjaava strategia ja sen seurantaindikaattorit. Valmistelu on avointa, " +
        "osallistavaa ja digitaalista; åländska exempel jätetään pois.",
    );
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

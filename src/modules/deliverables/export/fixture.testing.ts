import type { DeliverableDocument } from "./deliverable.ts";

/** A deliverable from seed 001 (North Karelia's regional strategy group) for the export tests. */
export const strategyDeliverable: DeliverableDocument = {
  title: "Uuden toimintamallin kuvaus – Maakuntastrategia",
  subtitle: "Maakuntastrategian valmisteluryhmä · Luonnos",
  locale: "fi",
  meta: [
    { label: "Työryhmä", value: "Maakuntastrategia, Pohjois-Karjala" },
    { label: "Tila", value: "Luonnos" },
    { label: "Päivitetty", value: "15.5.2017" },
  ],
  sections: [
    {
      number: 1,
      title: "Maakunnan tehtävät",
      guidance: "[kuvaa tähän tiiviisti maakuntalain mukaiset tehtävät ko. toimintamallissa]",
      html:
        "<p>Maakunnassa on <strong>yksi strategia</strong>, joka kattaa kaikki maakunnan tehtäväalat.</p>" +
        "<ul><li>Asukkaiden hyvinvoinnin edistäminen</li><li>Palvelujen järjestäminen ja tuottaminen</li>" +
        "<li>Alueiden käytön ja elinympäristön laatu</li></ul>" +
        '<p>Lisätietoa: <a href="https://www.pohjois-karjala.fi/maakuntastrategia">maakuntastrategian sivu</a>.</p>',
    },
    {
      number: 2,
      title: "Nykyinen toimintatapa",
      guidance: "[kuvaa tähän tiiviisti, miten toiminta ja tehtävät on järjestetty tällä hetkellä]",
      html:
        "<p>Kullakin nykyisellä organisaatiolla on omat strategiansa:</p>" +
        "<ol><li>Maakuntaliitto: maakuntastrategia ja <em>maakuntaohjelma</em></li>" +
        "<li>Siun sote: strategia (ml. pelastuslaitos)</li><li>ELY-keskus: tulostavoitteet</li></ol>" +
        "<h3>Yhdyspinnat</h3><p>Kunnat ja maaseudun yhteistoiminta-alueet.<br>Lomitus hoidetaan erikseen.</p>",
    },
    {
      number: 3,
      title: "Uusi toimintamalli – edut ja riskit",
      html:
        "<p>Tuloksena tiivis, ohjaava strategia ja sen seurantaindikaattorit. Valmistelu on avointa, " +
        "osallistavaa ja digitaalista; åländska exempel jätetään pois.</p>",
    },
  ],
};

/**
 * What a reader sees of strategyDeliverable (with its guidance) in the Word
 * document, in order: LibreOffice Writer's text of it, and the same read from
 * the file's XML.
 */
export const strategyDocumentText = [
  "Uuden toimintamallin kuvaus – Maakuntastrategia",
  "Maakuntastrategian valmisteluryhmä · Luonnos",
  "Työryhmä",
  "Maakuntastrategia, Pohjois-Karjala",
  "Tila",
  "Luonnos",
  "Päivitetty",
  "15.5.2017",
  "1. Maakunnan tehtävät",
  "[kuvaa tähän tiiviisti maakuntalain mukaiset tehtävät ko. toimintamallissa]",
  "Maakunnassa on yksi strategia, joka kattaa kaikki maakunnan tehtäväalat.",
  "• Asukkaiden hyvinvoinnin edistäminen",
  "• Palvelujen järjestäminen ja tuottaminen",
  "• Alueiden käytön ja elinympäristön laatu",
  "Lisätietoa: maakuntastrategian sivu.",
  "2. Nykyinen toimintatapa",
  "[kuvaa tähän tiiviisti, miten toiminta ja tehtävät on järjestetty tällä hetkellä]",
  "Kullakin nykyisellä organisaatiolla on omat strategiansa:",
  "1. Maakuntaliitto: maakuntastrategia ja maakuntaohjelma",
  "2. Siun sote: strategia (ml. pelastuslaitos)",
  "3. ELY-keskus: tulostavoitteet",
  "Yhdyspinnat",
  "Kunnat ja maaseudun yhteistoiminta-alueet.\nLomitus hoidetaan erikseen.",
  "3. Uusi toimintamalli – edut ja riskit",
  "Tuloksena tiivis, ohjaava strategia ja sen seurantaindikaattorit. Valmistelu on avointa, " +
    "osallistavaa ja digitaalista; åländska exempel jätetään pois.",
];

/**
 * What a reader sees on strategyDeliverable's slides, words only (line breaks
 * as spaces): the title slide, then each section's content below its title.
 */
export const strategySlideText = {
  title: [
    "Uuden toimintamallin kuvaus – Maakuntastrategia",
    "Maakuntastrategian valmisteluryhmä · Luonnos",
    "Työryhmä: Maakuntastrategia, Pohjois-Karjala",
    "Tila: Luonnos",
    "Päivitetty: 15.5.2017",
  ],
  section1: [
    "Maakunnassa on yksi strategia, joka kattaa kaikki maakunnan tehtäväalat.",
    "• Asukkaiden hyvinvoinnin edistäminen",
    "• Palvelujen järjestäminen ja tuottaminen",
    "• Alueiden käytön ja elinympäristön laatu",
    "Lisätietoa: maakuntastrategian sivu.",
  ],
  section2: [
    "Kullakin nykyisellä organisaatiolla on omat strategiansa:",
    "1. Maakuntaliitto: maakuntastrategia ja maakuntaohjelma",
    "2. Siun sote: strategia (ml. pelastuslaitos)",
    "3. ELY-keskus: tulostavoitteet",
    "Yhdyspinnat",
    "Kunnat ja maaseudun yhteistoiminta-alueet. Lomitus hoidetaan erikseen.",
  ],
  section3:
    "Tuloksena tiivis, ohjaava strategia ja sen seurantaindikaattorit. Valmistelu on avointa, " +
    "osallistavaa ja digitaalista; åländska exempel jätetään pois.",
};

/** Numbered sentences, so that every one can be found after the content is split across slides. */
export const sentences = (count: number) =>
  Array.from({ length: count }, (_, i) => `Lause ${i + 1}: maakunnan strategia ohjaa päätösvalmistelua.`);

/** A section too long for one slide: 60 sentences of text and 8 bullets. */
export const longSection = {
  number: 4,
  title: "Toteutuksen vaiheet",
  guidance: "[kuvaa vaiheet]",
  html: `<p>${sentences(60).join(" ")}</p><ul>${sentences(8)
    .map((s) => `<li><strong>Vaihe</strong> ${s}</li>`)
    .join("")}</ul>`,
};

/** strategyDeliverable with the long section as its fourth. */
export const strategyDeck: DeliverableDocument = {
  ...strategyDeliverable,
  sections: [...strategyDeliverable.sections, longSection],
};

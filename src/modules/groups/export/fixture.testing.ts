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

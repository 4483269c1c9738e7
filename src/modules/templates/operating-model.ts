// The deliverable template "Uuden toimintamallin kuvaus" (new operating model description) of the North Karelia
// regional reform, from seed 001 (../shared/seeds/001_*.txt). Plain data: no database imports, safe for the browser.
//
// How the seed's 27 slides map to this file:
// - slide 1 is the cover, slide 2 the working groups' assignment, slide 3 the strategy group's members;
// - slides 4–24 are the template's sections: a title, the strategy working group's example content and a bracketed
//   instruction. The deck numbers slides, not sections, so the sections are renumbered from 1. Slides 4 and 5 share
//   the title "Maakunnan tehtävät" and the same instruction (slide 5 continues slide 4 with the list of the Regions
//   Act's section 35), so they are one section: 21 slides, 20 sections;
// - slide 25 lists the implementation phases (with their dates left blank), slide 26 holds only "2-6/2017" (the
//   groups' working period) and slide 27 the contact details ("Toimintamallin yhteyshenkilö: [nimi, sähköposti]",
//   the programme director and two websites). These are not sections: see implementationPhases below.
//
// Finnish titles and instructions are as in the seed, except that spaces before punctuation are removed and a spaced
// hyphen used as a dash is written as an en dash (as in the deck's other titles). Swedish follows Finland's
// public-administration usage (landskap, landskapslagen, interimsförvaltning, beredning); English is British.

import type { Locale } from "../accounts/constants.ts";

export interface TemplateSectionText {
  title: string;
  /** What to write in the section: the template's bracketed instruction, without the brackets. */
  guidance: string;
}

export interface DeliverableTemplateData {
  key: string;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
  sections: { number: number; text: Record<Locale, TemplateSectionText> }[];
}

export interface ImplementationPhaseData {
  key: string;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
}

export const operatingModelTemplate: DeliverableTemplateData = {
  key: "operating-model",
  name: {
    fi: "Uuden toimintamallin kuvaus",
    sv: "Beskrivning av den nya verksamhetsmodellen",
    en: "Description of the new operating model",
  },
  description: {
    fi:
      "Pohjois-Karjalan maakuntauudistuksen valmisteluryhmien pohja, jolla ryhmä kuvaa asiakaslähtöisen maakunnan " +
      "uuden, paremman toimintamallin: tehtävät, nykytilan, prosessien muutostarpeet, edut ja riskit, digitaaliset " +
      "palvelut, yhdyspinnat valtion, maakunnan ja kuntien välillä, talouden, henkilöstön ja sopimukset sekä " +
      "valmistelun etenemisen.",
    sv:
      "Mall för beredningsgrupperna i landskapsreformen i Norra Karelen, där gruppen beskriver det kundorienterade " +
      "landskapets nya, bättre verksamhetsmodell: uppgifterna, nuläget, behoven av att ändra processerna, fördelar " +
      "och risker, digitala tjänster, gränsytorna mellan staten, landskapet och kommunerna, ekonomi, personal och " +
      "avtal samt hur beredningen framskrider.",
    en:
      "Template for the working groups of the North Karelia regional reform, in which a group describes the " +
      "customer-oriented region's new, better operating model: its tasks, the current situation, changes needed in " +
      "processes, benefits and risks, digital services, the interfaces between state, region and municipalities, " +
      "finances, staff and contracts, and how the preparation will progress.",
  },
  sections: [
    // Slides 4–5.
    {
      number: 1,
      text: {
        fi: {
          title: "Maakunnan tehtävät",
          guidance: "kuvaa tähän tiiviisti maakuntalain mukaiset tehtävät ko. toimintamallissa",
        },
        sv: {
          title: "Landskapets uppgifter",
          guidance: "beskriv här kortfattat uppgifterna enligt landskapslagen i verksamhetsmodellen i fråga",
        },
        en: {
          title: "The region's tasks",
          guidance: "describe here briefly the tasks under the Regions Act in the operating model concerned",
        },
      },
    },
    // Slide 6.
    {
      number: 2,
      text: {
        fi: {
          title: "Nykyinen toimintatapa",
          guidance: "kuvaa tähän tiiviisti, miten toiminta ja tehtävät on järjestetty tällä hetkellä",
        },
        sv: {
          title: "Nuvarande verksamhetssätt",
          guidance: "beskriv här kortfattat hur verksamheten och uppgifterna är ordnade i dag",
        },
        en: {
          title: "Current practice",
          guidance: "describe here briefly how the activities and tasks are organised at present",
        },
      },
    },
    // Slide 7.
    {
      number: 3,
      text: {
        fi: {
          title: "Maakunnan tehtävät – prosessien muutostarpeet",
          guidance:
            "kuvaa tähän tiiviisti prosessien muutostarpeet, miten parannetaan toiminnan kustannustehokkuutta ja " +
            "vaikuttavuutta",
        },
        sv: {
          title: "Landskapets uppgifter – behov av att ändra processerna",
          guidance:
            "beskriv här kortfattat behoven av att ändra processerna, hur verksamhetens kostnadseffektivitet och " +
            "verkningsfullhet förbättras",
        },
        en: {
          title: "The region's tasks – changes needed in processes",
          guidance:
            "describe here briefly the changes needed in processes, how the cost-effectiveness and impact of the " +
            "activities will be improved",
        },
      },
    },
    // Slide 8.
    {
      number: 4,
      text: {
        fi: {
          title: "Ylimaakunnalliset asiat ja tehtävät",
          guidance: "Onko tehtävissä sellaisia, jotka pitäisi hoitaa jatkossa ylimaakunnallisesti",
        },
        sv: {
          title: "Landskapsövergripande frågor och uppgifter",
          guidance: "Finns det uppgifter som i fortsättningen borde skötas landskapsövergripande",
        },
        en: {
          title: "Cross-regional matters and tasks",
          guidance: "Are there tasks that should in future be handled across regions",
        },
      },
    },
    // Slide 9.
    {
      number: 5,
      text: {
        fi: {
          title: "Uusi toimintamalli",
          guidance:
            "Kuvaile tähän asiakaslähtöinen maakunnan uusi, parempi toimintamalli ja erityisesti sen keskeinen sisältö",
        },
        sv: {
          title: "Den nya verksamhetsmodellen",
          guidance:
            "Beskriv här landskapets nya, bättre och kundorienterade verksamhetsmodell och särskilt dess centrala " +
            "innehåll",
        },
        en: {
          title: "The new operating model",
          guidance:
            "Describe here the region's new, better, customer-oriented operating model and especially its core content",
        },
      },
    },
    // Slide 10.
    {
      number: 6,
      text: {
        fi: {
          title: "Uuden toimintamallin edut",
          guidance:
            "Kuvaile mitkä ovat uuden toimintamallin keskeisimmät edut: miksi uusi toimintamalli on nykyistä " +
            "parempi? Mitä etua se tuo asiakkaalle? Miten prosessit, kustannustehokkuus ja vaikuttavuus paranevat",
        },
        sv: {
          title: "Fördelarna med den nya verksamhetsmodellen",
          guidance:
            "Beskriv vilka de viktigaste fördelarna med den nya verksamhetsmodellen är: varför är den nya " +
            "verksamhetsmodellen bättre än den nuvarande? Vilken nytta har kunden av den? Hur förbättras " +
            "processerna, kostnadseffektiviteten och verkningsfullheten",
        },
        en: {
          title: "Benefits of the new operating model",
          guidance:
            "Describe the main benefits of the new operating model: why is the new operating model better than the " +
            "current one? What does it offer the customer? How will processes, cost-effectiveness and impact improve",
        },
      },
    },
    // Slide 11.
    {
      number: 7,
      text: {
        fi: {
          title: "Uuden toimintamallin riskit",
          guidance:
            "Kuvaile mitkä ovat uuden toimintamallin / siihen siirtymisen keskeisimmät riskit: mitä uhkia uuteen " +
            "toimintamalliin liittyy? Entä siirtymävaiheessa, millaisia riskejä siihen liittyy? Onko muutoksessa " +
            "erityisiä riskejä asiakkaalle?",
        },
        sv: {
          title: "Riskerna med den nya verksamhetsmodellen",
          guidance:
            "Beskriv vilka de viktigaste riskerna med den nya verksamhetsmodellen / övergången till den är: vilka " +
            "hot är förknippade med den nya verksamhetsmodellen? Och under övergångsskedet, vilka risker är " +
            "förknippade med det? Innebär förändringen särskilda risker för kunden?",
        },
        en: {
          title: "Risks of the new operating model",
          guidance:
            "Describe the main risks of the new operating model / of the transition to it: what threats does the new " +
            "operating model involve? And during the transition phase, what risks does it involve? Does the change " +
            "carry particular risks for the customer?",
        },
      },
    },
    // Slide 12.
    {
      number: 8,
      text: {
        fi: {
          title: "Esitys digitaalisten palveluiden hyödyntämisestä",
          guidance: "kuvaa miten uudessa toimintamallissa voidaan hyödyntää digitaalisia palveluja",
        },
        sv: {
          title: "Förslag om användningen av digitala tjänster",
          guidance: "beskriv hur digitala tjänster kan utnyttjas i den nya verksamhetsmodellen",
        },
        en: {
          title: "Proposal on the use of digital services",
          guidance: "describe how digital services can be used in the new operating model",
        },
      },
    },
    // Slide 13. The seed writes the dash of the title as " - " and has spaces before both question marks.
    {
      number: 9,
      text: {
        fi: {
          title: "Tarkennettu esitys valmistelun etenemisestä – Keskeisimmät ratkaistavat asiat",
          guidance:
            "kuvaile keskeiset ratkaistavat asiat aikatauluineen, miten valmistelu etenee, mitkä ovat keskeisimpiä " +
            "ratkaistavia asioita väliaikaishallinnossa? Entä käynnistymisvaiheessa?",
        },
        sv: {
          title: "Preciserat förslag om hur beredningen framskrider – De viktigaste frågorna att lösa",
          guidance:
            "beskriv de centrala frågorna att lösa med tidsplan, hur beredningen framskrider, vilka är de viktigaste " +
            "frågorna att lösa under interimsförvaltningen? Och under startskedet?",
        },
        en: {
          title: "Detailed proposal on the progress of the preparation – Key issues to resolve",
          guidance:
            "describe the key issues to resolve with their timetable, how the preparation will progress, which are " +
            "the most important issues to resolve during the interim administration? And during the start-up phase?",
        },
      },
    },
    // Slide 14.
    {
      number: 10,
      text: {
        fi: {
          title: "Tarkennettu esitys keskeisten yhdyspintojen ratkaisemisesta: työnjako valtio – maakunta",
          guidance:
            "työnjako: kuvaile mitkä ovat keskeisiä yhdyspintoja valtion ja maakunnan välillä, mitä tehtäviä hoitaa " +
            "jatkossa valtio, mitä maakunta, onko näissä jotain epäselvää, erikseen sovittavia/selvitettäviä tai " +
            "ratkaistavia asioita",
        },
        sv: {
          title: "Preciserat förslag om hur de centrala gränsytorna ska lösas: arbetsfördelningen stat – landskap",
          guidance:
            "arbetsfördelning: beskriv vilka de centrala gränsytorna mellan staten och landskapet är, vilka " +
            "uppgifter staten sköter i fortsättningen och vilka landskapet, om något i dessa är oklart eller om det " +
            "finns frågor som ska avtalas/utredas separat eller lösas",
        },
        en: {
          title: "Detailed proposal on resolving the key interfaces: division of work state – region",
          guidance:
            "division of work: describe the key interfaces between the state and the region, which tasks the state " +
            "will handle in future and which the region, whether anything in these is unclear, or there are matters " +
            "to be agreed/investigated separately or resolved",
        },
      },
    },
    // Slide 15. The seed writes the dash of the title as " - ".
    {
      number: 11,
      text: {
        fi: {
          title: "Tarkennettu esitys keskeisten yhdyspintojen ratkaisemisesta: työnjako maakunta – kunta",
          guidance:
            "työnjako: kuvaile mitkä ovat keskeisiä yhdyspintoja maakunnan ja kunnan välillä, mitä tehtäviä hoitaa " +
            "jatkossa maakunta, mitä kunta, onko näissä jotain epäselvää, mitkä ovat työnjaossa tärkeimpiä erikseen " +
            "sovittavia/selvitettäviä tai ratkaistavia asioita",
        },
        sv: {
          title: "Preciserat förslag om hur de centrala gränsytorna ska lösas: arbetsfördelningen landskap – kommun",
          guidance:
            "arbetsfördelning: beskriv vilka de centrala gränsytorna mellan landskapet och kommunen är, vilka " +
            "uppgifter landskapet sköter i fortsättningen och vilka kommunen, om något i dessa är oklart, vilka de " +
            "viktigaste frågorna i arbetsfördelningen är som ska avtalas/utredas separat eller lösas",
        },
        en: {
          title: "Detailed proposal on resolving the key interfaces: division of work region – municipality",
          guidance:
            "division of work: describe the key interfaces between the region and the municipality, which tasks the " +
            "region will handle in future and which the municipality, whether anything in these is unclear, which " +
            "are the most important matters in the division of work to be agreed/investigated separately or resolved",
        },
      },
    },
    // Slide 16.
    {
      number: 12,
      text: {
        fi: {
          title: "Keskeisimmät erikseen päätettävät asiat",
          guidance:
            "kuvaile, mitkä ovat kriittisimpiä ratkaistavia asioita toimintamallin kannalta, mitä asioita " +
            "jatkovalmistelussa on erityisesti päätettävä",
        },
        sv: {
          title: "De viktigaste frågorna som ska beslutas separat",
          guidance:
            "beskriv vilka de mest kritiska frågorna att lösa är med tanke på verksamhetsmodellen, vilka frågor som " +
            "särskilt måste beslutas i den fortsatta beredningen",
        },
        en: {
          title: "Key matters to be decided separately",
          guidance:
            "describe the most critical issues to resolve for the operating model, which matters must in particular " +
            "be decided in the further preparation",
        },
      },
    },
    // Slide 17. The seed has a space before the comma of the instruction.
    {
      number: 13,
      text: {
        fi: {
          title: "Yhteisen toimintamallin/kokeilun/pilotin käynnistäminen 2017-2018",
          guidance:
            "mikäli toimintamalli tai siihen liittyvä kokeilu/pilotti voidaan käynnistää, kuvaa se mahdollisuuksien " +
            "mukaan tähän",
        },
        sv: {
          title: "Start av en gemensam verksamhetsmodell/ett försök/ett pilotprojekt 2017-2018",
          guidance:
            "om verksamhetsmodellen eller ett försök/pilotprojekt i anslutning till den kan startas, beskriv det här " +
            "om möjligt",
        },
        en: {
          title: "Launching a joint operating model/trial/pilot 2017-2018",
          guidance: "if the operating model or a related trial/pilot can be launched, describe it here where possible",
        },
      },
    },
    // Slide 18: two bracketed parts, kept as two lines.
    {
      number: 14,
      text: {
        fi: {
          title: "Talous ja henkilöstö",
          guidance:
            "1. Arvio nykytilasta: budjetti, henkilöstö\n2. Arvio uuden toimintamallin taloudesta ja henkilöstöstä",
        },
        sv: {
          title: "Ekonomi och personal",
          guidance:
            "1. Bedömning av nuläget: budget, personal\n" +
            "2. Bedömning av den nya verksamhetsmodellens ekonomi och personal",
        },
        en: {
          title: "Finances and staff",
          guidance:
            "1. Assessment of the current situation: budget, staff\n" +
            "2. Assessment of the finances and staff of the new operating model",
        },
      },
    },
    // Slide 19: two bracketed parts, kept as two lines.
    {
      number: 15,
      text: {
        fi: {
          title: "Sopimukset",
          guidance: "1. Arvio nykytilasta: sopimukset\n2. Arvio uuden toimintamallin tarvitsemista sopimuksista",
        },
        sv: {
          title: "Avtal",
          guidance: "1. Bedömning av nuläget: avtal\n2. Bedömning av vilka avtal den nya verksamhetsmodellen behöver",
        },
        en: {
          title: "Contracts",
          guidance:
            "1. Assessment of the current situation: contracts\n" +
            "2. Assessment of the contracts the new operating model needs",
        },
      },
    },
    // Slide 20. The seed has a space before the closing bracket.
    {
      number: 16,
      text: {
        fi: {
          title: "Esitys mahdollisesta henkilöstön koulutustarpeesta",
          guidance: "Esitys mahdollisesta henkilöstön koulutustarpeesta, joka tulisi toteuttaa",
        },
        sv: {
          title: "Förslag om eventuellt utbildningsbehov hos personalen",
          guidance: "Förslag om eventuellt utbildningsbehov hos personalen som borde tillgodoses",
        },
        en: {
          title: "Proposal on possible staff training needs",
          guidance: "Proposal on any staff training needs that should be met",
        },
      },
    },
    // Slide 21.
    {
      number: 17,
      text: {
        fi: {
          title: "Valtakunnallinen valmistelu",
          guidance:
            "onko valtakunnallisessa valmistelussa jotain oleellista ja toimintamallin kanssa erityistä, josta olisi " +
            "hyvä tietää: esim. miten valtakunnallinen valmistelu etenee, mitkä ovat Pohjois-Karjalan kannalta " +
            "kriittisiä asioita, onko meidän uusi toimintamalli synkronoitu valtakunnallisen valmistelun kanssa",
        },
        sv: {
          title: "Den nationella beredningen",
          guidance:
            "finns det något väsentligt i den nationella beredningen, särskilt med tanke på verksamhetsmodellen, som " +
            "vore bra att känna till: t.ex. hur den nationella beredningen framskrider, vilka frågor som är kritiska " +
            "för Norra Karelen, om vår nya verksamhetsmodell är synkroniserad med den nationella beredningen",
        },
        en: {
          title: "National preparation",
          guidance:
            "is there anything essential in the national preparation, and particular to the operating model, that " +
            "would be good to know: e.g. how the national preparation is progressing, which issues are critical for " +
            "North Karelia, whether our new operating model is synchronised with the national preparation",
        },
      },
    },
    // Slide 22.
    {
      number: 18,
      text: {
        fi: {
          title: "Esitykset valtakunnalliseen valmisteluun",
          guidance: "mitkä ovat keskeisiä muutostarpeita valtakunnalliseen valmisteluun",
        },
        sv: {
          title: "Förslag till den nationella beredningen",
          guidance: "vilka centrala ändringar behövs i den nationella beredningen",
        },
        en: {
          title: "Proposals to the national preparation",
          guidance: "what are the key changes needed in the national preparation",
        },
      },
    },
    // Slide 23.
    {
      number: 19,
      text: {
        fi: {
          title: "Muuta huomioitavaa",
          guidance:
            "miten uusi toimintamalli liittyy laajemmin uuden maakunnan tehtäväkokonaisuuksiin, onko siellä asioita " +
            "joita ei ole vielä käsitelty, onko jotain muuta, mitä pitää huomioida tai on noussut vahvasti esiin " +
            "vaikkapa työryhmän keskusteluissa",
        },
        sv: {
          title: "Övrigt att beakta",
          guidance:
            "hur hänger den nya verksamhetsmodellen mer allmänt ihop med det nya landskapets uppgiftshelheter, finns " +
            "det frågor där som ännu inte har behandlats, finns det något annat som bör beaktas eller som har kommit " +
            "starkt fram till exempel i arbetsgruppens diskussioner",
        },
        en: {
          title: "Other considerations",
          guidance:
            "how does the new operating model relate more broadly to the new region's areas of responsibility, are " +
            "there matters there that have not yet been dealt with, is there anything else that should be taken " +
            "into account or that has come up strongly, for example in the working group's discussions",
        },
      },
    },
    // Slide 24.
    {
      number: 20,
      text: {
        fi: {
          title: "Seuraava askel",
          guidance: "mikä on ensimmäinen ja tärkein seuraava askel toimintamallin valmistelussa",
        },
        sv: {
          title: "Nästa steg",
          guidance: "vilket är det första och viktigaste nästa steget i beredningen av verksamhetsmodellen",
        },
        en: {
          title: "Next step",
          guidance: "what is the first and most important next step in preparing the operating model",
        },
      },
    },
  ],
};

/**
 * The strategy working group's own example content from the seed, per section number, in Finnish: for the demo's
 * half-filled deliverable. Sections 14 (Talous ja henkilöstö) and 15 (Sopimukset) have none in the seed. The slide
 * text is lightly cleaned into sentences and "- " bullet lines: a few verbs the slides leave out are added ("joka
 * kattaa kaikki", "mahdollista vaikuttaa", "ei ole", "eivät ole") and the typo "Strategiaprossiin" is corrected.
 */
export const operatingModelExample: Record<number, string> = {
  1: [
    "Maakuntalaki 35 § (maakuntastrategia):",
    "- Maakunnassa on yksi strategia, joka kattaa kaikki maakunnan tehtäväalat.",
    "- Maakuntastrategian velvoittavuus on luonteeltaan poliittista (ei oikeudellisesti sitova eikä " +
      "valituskelpoinen): se ohjaa päätösvalmistelua ja päätöksentekoa, mihin resurssit suunnataan.",
    "",
    "Maakuntastrategiassa (35 §):",
    "- Asukkaiden hyvinvoinnin edistämistä koskevat tavoitteet",
    "- Palvelujen järjestämistä ja tuottamista koskevat strategiset linjaukset ja tavoitteet",
    "- Alueiden, alueiden käytön, elinympäristön laadun ja alueen elinkeinojen kehittämisen strategiset tavoitteet",
    "- Maakunnan omistajapolitiikkaa koskevat linjaukset",
    "- Maakunnan henkilöstöpolitiikkaa koskevat linjaukset",
    "- Asukkaiden osallistumis- ja vaikuttamismahdollisuuksia koskevat linjaukset",
  ].join("\n"),
  2: [
    "Kullakin nykyisellä organisaatiolla on omat strategiansa:",
    "- Maakuntaliitto: maakuntastrategia ja maakuntaohjelma + toteuttamissuunnitelma",
    "- Siun sote: strategia (ml. pelastuslaitos ja ympäristöterveys)",
    "- Pohjois-Karjalan ELY-keskus: tulostavoitteet",
    "- Kunnat (maaseudun yhteistoiminta-alueet, lomitus)",
  ].join("\n"),
  3: [
    "Keskeinen maakunnan tehtävä, jota ei tässä muodossa ole aiemmin ollut.",
    "Strategialla ohjataan maakunnan toimintaa, jolloin keskeistä on:",
    "- miten strategia valmistellaan",
    "- miten kirkastetaan keskeiset tavoitteet ja seurantaindikaattorit",
    "Liittymäpinta maakuntien ohjausprosessiin (keskustelut ministeriöiden kanssa, JTS-neuvottelu).",
  ].join("\n"),
  4: [
    "Kyseessä on kunkin maakunnan oma strategia, jossa määritellään linjaukset ja omat painotukset " +
      "ylimaakunnallisesti hoidettaviin asioihin ja otetaan huomioon yhteistyösopimuksissa sovittujen asioiden " +
      "hoitaminen.",
    "- Valtakunnalliset palvelukeskukset?",
    "- Sote-alue?",
  ].join("\n"),
  5: [
    "Tuloksena on tiivis, keskeiset maakunnalliset tavoitteet ja linjaukset sisältävä ohjaava strategia ja siihen " +
      "sisältyvät seurantaindikaattorit.",
    "Tausta-asiakirjana on napakka toimintaympäristöanalyysi (nykytila, tulevat muutokset ja niiden vaikutukset).",
    "Valmisteluprosessi on avoin, osallistava ja digitaalinen.",
    "Keskeistä: mikä on oleellista, mikä ei.",
    "- Palvelulupaus: miten se otetaan huomioon?",
    "- Luottamushenkilöhallinto, johto, henkilöstö: määriteltävä, miten asukkaat ja maakunnan toimijat osallistuvat.",
    "- Miten kirjataan ne asiat, joihin halutaan vaikuttaa mutta joita ei itse voi päättää?",
  ].join("\n"),
  6: [
    "- Keskeinen ohjausväline maakunnan toimintaan",
    "- Keskeinen väline sitouttamisen näkökulmasta",
    "- Maakunnassa mahdollista vaikuttaa aiempaa enemmän toiminnan painotuksiin valtuustokausittain",
    "- Mahdollisuus tarkastella maakuntaa kokonaisvaltaisemmin",
  ].join("\n"),
  7: [
    "- Toimintaympäristöanalyysi ja mahdollisten muutosten arviointi ei ole realistista, tai sitä ei oteta " +
      "huomioon strategiassa",
    "- Strategian tavoitteet ja linjaukset eivät ole selkeitä ja ohjaavia, tai niitä on liikaa",
    "- Pienten kuntien näkökulmasta mahdollisuudet paikalliseen vaikuttamiseen heikkenevät, mikä vaikuttaa kunnan " +
      "vetovoimaisuuteen",
  ].join("\n"),
  8: "Strategian käsittely digitaalisesti on keskeistä.",
  9: [
    "- Kuvaus toimintaympäristöanalyysin sisällöstä",
    "- Strategian sisältörungon laatiminen",
    "- Valmisteluprosessin kuvaus (aikataulu, kuulemismenettelyt, päätöksentekomenettely yms.)",
  ].join("\n"),
  10: [
    "- Keskustelut ja neuvottelut ministeriöiden kanssa: määriteltävä itsehallinnon rajat – missä tehtävissä " +
      "ohjausta, missä keskustelua",
    "- Yhdyspinta maakunnan ja valtion lupa- ja valvontaviranomaisen kanssa – työnjako ympäristöasioissa",
  ].join("\n"),
  11: [
    "- Valtuustokausittain käytävä neuvottelu kuntien kanssa, jossa käydään maakunnan ja kuntien yhdyspinnat " +
      "lävitse – kytkentä strategiaprosessiin?",
    "- Kuntien mukanaolo strategiaprosessissa: yhdyspintoina terveyden ja hyvinvoinnin edistäminen, elinvoima, " +
      "yhteiset palvelukeskukset",
    "- Yhteyshenkilöt ovat kansalaisille tarpeellisia; asia tulee selvittää ja ratkaista",
  ].join("\n"),
  12: [
    "- Kuvaus maakuntastrategian valmistelusta – aikataulutus, osalliset, runko",
    "- Kytkentä valtakunnalliseen ja kunnalliseen valmisteluun",
  ].join("\n"),
  13:
    "Talousarvion ja ohjauksen simulointiprosessi (syksy 2017 – kevät 2018): samanaikaisesti strategiaprosessin " +
    "ja sisällön karkea simulointi.",
  16: [
    "- Strategiaprosessin käynnistäminen on osa koulutusta",
    "- Strategiaprosessiin tulee valmistautua hyvin, ja siihen valmistautumista tarvitaan",
  ].join("\n"),
  17: [
    "- Valtakunnalliset palvelukeskukset osana strategiaprosessia?",
    "- Strategiaprosessin kytkeminen talous- ja ohjausprosesseihin",
  ].join("\n"),
  18: "Talousarvion simulointiprosessiin kytkettävä esitys maakuntastrategian valmistelun simuloinnista.",
  19: "Maakuntavaalien hyödyntäminen strategiaprosessiin valmistautumisessa.",
  20: "Strategiaprosessin simulointi.",
};

/**
 * The deliverable timeline of the seed: the implementation phases of slide 25 ("Toimeenpanon vaiheet"), in order.
 * The seed leaves the phases' dates blank ("( saakka)", "( – )", "( alkaen)"), so none are given here. The
 * descriptions draw on slides 2, 13 and 26: the groups work in 2–6/2017 and report to the coordination group in
 * 6/2017, and the deliverable proposes to the interim administration how the preparation proceeds in two stages,
 * the interim administration and the start-up phase.
 */
export const implementationPhases: ImplementationPhaseData[] = [
  {
    key: "pre_preparation",
    name: { fi: "Esivalmistelu", sv: "Förhandsberedning", en: "Pre-preparation" },
    description: {
      fi:
        "Maakuntauudistuksen esivalmistelu. Valmisteluryhmät laativat uusien toimintamallien kuvaukset 2–6/2017 ja " +
        "raportoivat koordinaatioryhmälle 6/2017.",
      sv:
        "Förhandsberedningen av landskapsreformen. Beredningsgrupperna utarbetar beskrivningarna av de nya " +
        "verksamhetsmodellerna 2–6/2017 och rapporterar till koordineringsgruppen 6/2017.",
      en:
        "Pre-preparation of the regional reform. The working groups draw up the descriptions of the new operating " +
        "models in 2–6/2017 and report to the coordination group in 6/2017.",
    },
  },
  {
    key: "interim_administration",
    name: { fi: "Väliaikaishallinto", sv: "Interimsförvaltning", en: "Interim administration" },
    description: {
      fi:
        "Maakunnan toimintaa valmisteleva väliaikaishallinto (väliaikainen valmistelutoimielin). Toimintamallin " +
        "kuvaus antaa sille tarkennetun esityksen valmistelun etenemisestä ja keskeisistä ratkaistavista asioista " +
        "aikatauluineen.",
      sv:
        "Interimsförvaltningen som bereder landskapets verksamhet (tillfälligt beredningsorgan). Beskrivningen av " +
        "verksamhetsmodellen ger den ett preciserat förslag om hur beredningen framskrider och om de centrala " +
        "frågorna att lösa med tidsplan.",
      en:
        "The interim administration preparing the region's operations (a temporary preparatory body). The operating " +
        "model description gives it a detailed proposal on how the preparation will progress and on the key issues " +
        "to resolve, with their timetable.",
    },
  },
  {
    key: "start_up",
    name: { fi: "Käynnistymisvaihe", sv: "Startskede", en: "Start-up phase" },
    description: {
      fi: "Maakunnan käynnistymisvaihe. Toimintamallin kuvaus nimeää myös tämän vaiheen keskeiset ratkaistavat asiat.",
      sv:
        "Landskapets startskede. Beskrivningen av verksamhetsmodellen anger också de centrala frågorna att lösa i " +
        "detta skede.",
      en:
        "The region's start-up phase. The operating model description also names the key issues to resolve in this " +
        "phase.",
    },
  },
  {
    key: "first_operating_period",
    name: {
      fi: "Ensimmäinen varsinainen toimintakausi",
      sv: "Första egentliga verksamhetsperioden",
      en: "First full operating period",
    },
    description: {
      fi: "Uuden maakunnan ensimmäinen varsinainen toimintakausi.",
      sv: "Det nya landskapets första egentliga verksamhetsperiod.",
      en: "The new region's first full operating period.",
    },
  },
];

// The built-in template "Toimintaympäristön analyysi" (operating-environment analysis): the background document of a
// regional strategy (issue 9, point 5): the current state, the coming changes and their effects. Plain data: no
// database imports, safe for the browser.

import type { DeliverableTemplateData } from "./operating-model.ts";

export const operatingEnvironmentTemplateKey = "operating-environment";

export const operatingEnvironmentTemplate: DeliverableTemplateData = {
  key: operatingEnvironmentTemplateKey,
  name: {
    fi: "Toimintaympäristön analyysi",
    sv: "Analys av verksamhetsmiljön",
    en: "Operating environment analysis",
  },
  description: {
    fi: "Maakuntastrategian taustaosa: toimintaympäristön nykytila, tulevat muutokset ja niiden vaikutukset maakuntaan.",
    sv: "Bakgrundsdelen till landskapsstrategin: verksamhetsmiljöns nuläge, kommande förändringar och deras konsekvenser för landskapet.",
    en: "The background document of the regional strategy: the current state of the operating environment, the coming changes and their effects on the region.",
  },
  sections: [
    {
      number: 1,
      text: {
        fi: {
          title: "Nykytila",
          guidance:
            "kuvaa tähän maakunnan toimintaympäristön nykytila: väestö, hyvinvointi, elinkeinot, palvelut ja talous tilastojen valossa",
        },
        sv: {
          title: "Nuläge",
          guidance:
            "beskriv här nuläget i landskapets verksamhetsmiljö: befolkning, välfärd, näringar, tjänster och ekonomi i ljuset av statistiken",
        },
        en: {
          title: "Current state",
          guidance:
            "describe here the current state of the region's operating environment: population, well-being, business, services and finances as the statistics show them",
        },
      },
    },
    {
      number: 2,
      text: {
        fi: {
          title: "Tulevat muutokset",
          guidance:
            "kuvaa tähän strategiakaudella odotettavat muutokset: väestörakenne, lainsäädäntö, talous, teknologia, ilmasto ja muut muutosvoimat",
        },
        sv: {
          title: "Kommande förändringar",
          guidance:
            "beskriv här de förändringar som väntas under strategiperioden: befolkningsstruktur, lagstiftning, ekonomi, teknik, klimat och andra förändringskrafter",
        },
        en: {
          title: "Coming changes",
          guidance:
            "describe here the changes expected during the strategy period: population structure, legislation, the economy, technology, the climate and other forces of change",
        },
      },
    },
    {
      number: 3,
      text: {
        fi: {
          title: "Muutosten vaikutukset",
          guidance:
            "kuvaa tähän, miten muutokset vaikuttavat maakuntaan, sen asukkaisiin ja tehtäviin, ja mitä niistä seuraa strategian tavoitteille",
        },
        sv: {
          title: "Förändringarnas konsekvenser",
          guidance:
            "beskriv här hur förändringarna påverkar landskapet, dess invånare och uppgifter, och vad de innebär för strategins mål",
        },
        en: {
          title: "Effects of the changes",
          guidance:
            "describe here how the changes affect the region, its residents and its tasks, and what they mean for the strategy's goals",
        },
      },
    },
  ],
};

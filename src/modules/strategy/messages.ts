import type { Catalog } from "../../i18n/catalog.ts";

/**
 * The strategy module's texts. Finnish is the source of keys; the other languages must match it. The pages use
 * the category, status and direction names and the status rule (strategy.statusRule.*), which status.ts implements.
 */
export const strategyFi = {
  "audit.modules.strategy": "Maakuntastrategia",

  // The six parts of the regional act's strategy section, in the act's order.
  "strategy.category.wellbeing": "Asukkaiden hyvinvointi",
  "strategy.category.services": "Palvelujen järjestäminen ja tuottaminen",
  "strategy.category.regional_development": "Alueen kehittäminen, maankäyttö, elinympäristö ja elinkeinot",
  "strategy.category.ownership": "Omistajapolitiikka",
  "strategy.category.personnel": "Henkilöstöpolitiikka",
  "strategy.category.participation": "Asukkaiden osallistuminen ja vaikuttaminen",

  "strategy.strategyStatus.draft": "Luonnos",
  "strategy.strategyStatus.consultation": "Lausunnolla",
  "strategy.strategyStatus.adopted": "Hyväksytty",
  "strategy.strategyStatus.archived": "Arkistoitu",

  "strategy.direction.higher_better": "Suurempi on parempi",
  "strategy.direction.lower_better": "Pienempi on parempi",

  "strategy.indicatorStatus.on_track": "Tavoitteessa",
  "strategy.indicatorStatus.behind": "Jäljessä",
  "strategy.indicatorStatus.off_track": "Selvästi jäljessä",
  "strategy.indicatorStatus.no_data": "Ei mittauksia",

  "strategy.statusRule.title": "Miten tila lasketaan",
  "strategy.statusRule.path":
    "Tavoitepolku on suora viiva lähtötasosta (päivä ja arvo) tavoitteeseen (päivä ja arvo). Jos vuosille on asetettu välitavoitteita, polku kulkee niiden kautta; välitavoite on vuoden viimeisen päivän arvo. Ennen lähtötason päivää polun arvo on lähtötaso ja tavoitepäivän jälkeen tavoite.",
  "strategy.statusRule.compare":
    "Indikaattorin viimeisintä mittausta verrataan polun arvoon mittauksen päivänä. Muutos lasketaan lähtötasosta parempaan suuntaan: suuremmaksi, jos suurempi on parempi, pienemmäksi, jos pienempi on parempi.",
  "strategy.statusRule.on_track": "Tavoitteessa: mittaus on polun arvossa tai sitä parempi.",
  "strategy.statusRule.behind":
    "Jäljessä: mittaus on polun arvoa huonompi, mutta muutos lähtötasosta on vähintään {percent} % siitä muutoksesta, jota polku edellyttää siihen päivään mennessä.",
  "strategy.statusRule.off_track":
    "Selvästi jäljessä: muutos on alle {percent} % polun edellyttämästä, kehitys on kulkenut väärään suuntaan tai polku ei edellytä siihen päivään mennessä parannusta ja mittaus jää sen arvosta.",
  "strategy.statusRule.no_data": "Ei mittauksia: indikaattorille ei ole vielä kirjattu yhtään mittausta.",

  "strategy.value.notNumber": "Anna arvo lukuna, esimerkiksi 12,5.",
  "strategy.value.tooLarge": "Luku on liian suuri: siinä saa olla enintään 15 numeroa ennen desimaalipilkkua.",
  "strategy.value.tooPrecise": "Luvussa saa olla enintään 6 desimaalia.",
  "strategy.period.endBeforeStart": "Kauden päättymisvuoden pitää olla alkamisvuosi tai sen jälkeen.",
  "strategy.period.excludesMeasurements": "Kaudelta jäisi pois mittauksia ({first}–{last}). Muuta tai poista ne ensin.",
  "strategy.category.unknown": "Tuntematon luokka. Valitse jokin maakuntastrategian kuudesta luokasta.",
  "strategy.responsible.both": "Valitse vastuulle joko työryhmä tai henkilö, ei molempia.",
  "strategy.responsible.groupNotFound": "Työryhmää ei löytynyt.",
  "strategy.responsible.personNotFound": "Henkilöä ei löytynyt.",
  "strategy.indicator.targetBeforeBaseline": "Tavoitepäivän pitää olla lähtötason päivän ({date}) jälkeen.",
  "strategy.indicator.intermediateYear": "Välitavoitteen vuosi kirjoitetaan neljällä numerolla, esimerkiksi 2023.",
  "strategy.indicator.intermediateOutside":
    "Välitavoitteen vuoden {year} viimeisen päivän pitää olla lähtötason ja tavoitteen päivien välissä.",
  "strategy.measurement.outsidePeriod": "Mittauksen päivän pitää olla strategiakaudella {start}–{end}.",
  "strategy.measurement.duplicate":
    "Indikaattorilla on jo mittaus päivälle {date}. Korjaa se tai valitse toinen päivä.",
} as const;

export type StrategyMessageKey = keyof typeof strategyFi;

export const strategySv: Catalog<StrategyMessageKey> = {
  "audit.modules.strategy": "Landskapsstrategi",

  "strategy.category.wellbeing": "Invånarnas välfärd",
  "strategy.category.services": "Ordnande och produktion av tjänster",
  "strategy.category.regional_development": "Regional utveckling, markanvändning, livsmiljö och näringsliv",
  "strategy.category.ownership": "Ägarpolitik",
  "strategy.category.personnel": "Personalpolitik",
  "strategy.category.participation": "Invånarnas delaktighet och inflytande",

  "strategy.strategyStatus.draft": "Utkast",
  "strategy.strategyStatus.consultation": "På remiss",
  "strategy.strategyStatus.adopted": "Godkänd",
  "strategy.strategyStatus.archived": "Arkiverad",

  "strategy.direction.higher_better": "Större är bättre",
  "strategy.direction.lower_better": "Mindre är bättre",

  "strategy.indicatorStatus.on_track": "Enligt målet",
  "strategy.indicatorStatus.behind": "Efter",
  "strategy.indicatorStatus.off_track": "Klart efter",
  "strategy.indicatorStatus.no_data": "Inga mätningar",

  "strategy.statusRule.title": "Hur statusen räknas",
  "strategy.statusRule.path":
    "Målbanan är en rak linje från utgångsläget (dag och värde) till målet (dag och värde). Om delmål har satts för vissa år går banan genom dem; ett delmål är värdet årets sista dag. Före utgångslägets dag är banans värde utgångsläget och efter måldagen målet.",
  "strategy.statusRule.compare":
    "Indikatorns senaste mätning jämförs med banans värde på mätningens dag. Förändringen räknas från utgångsläget i den bättre riktningen: uppåt om större är bättre, nedåt om mindre är bättre.",
  "strategy.statusRule.on_track": "Enligt målet: mätningen är på banans värde eller bättre.",
  "strategy.statusRule.behind":
    "Efter: mätningen är sämre än banans värde, men förändringen från utgångsläget är minst {percent} % av den förändring banan förutsätter till den dagen.",
  "strategy.statusRule.off_track":
    "Klart efter: förändringen är under {percent} % av den banan förutsätter, utvecklingen har gått åt fel håll, eller banan förutsätter ingen förbättring till den dagen och mätningen är sämre än dess värde.",
  "strategy.statusRule.no_data": "Inga mätningar: ingen mätning har ännu förts in för indikatorn.",

  "strategy.value.notNumber": "Ange värdet som ett tal, till exempel 12,5.",
  "strategy.value.tooLarge": "Talet är för stort: högst 15 siffror före decimalkommat.",
  "strategy.value.tooPrecise": "Talet får ha högst 6 decimaler.",
  "strategy.period.endBeforeStart": "Periodens slutår ska vara samma som startåret eller senare.",
  "strategy.period.excludesMeasurements":
    "Mätningar ({first}–{last}) skulle hamna utanför perioden. Ändra eller ta bort dem först.",
  "strategy.category.unknown": "Okänd kategori. Välj en av landskapsstrategins sex kategorier.",
  "strategy.responsible.both": "Välj antingen en arbetsgrupp eller en person som ansvarig, inte båda.",
  "strategy.responsible.groupNotFound": "Arbetsgruppen hittades inte.",
  "strategy.responsible.personNotFound": "Personen hittades inte.",
  "strategy.indicator.targetBeforeBaseline": "Måldagen ska vara efter utgångslägets dag ({date}).",
  "strategy.indicator.intermediateYear": "Skriv delmålets år med fyra siffror, till exempel 2023.",
  "strategy.indicator.intermediateOutside":
    "Sista dagen av delmålets år {year} ska ligga mellan utgångslägets och målets dagar.",
  "strategy.measurement.outsidePeriod": "Mätningens dag ska ligga inom strategiperioden {start}–{end}.",
  "strategy.measurement.duplicate": "Indikatorn har redan en mätning för {date}. Rätta den eller välj en annan dag.",
};

export const strategyEn: Catalog<StrategyMessageKey> = {
  "audit.modules.strategy": "Regional strategy",

  "strategy.category.wellbeing": "Residents' well-being",
  "strategy.category.services": "Organising and producing services",
  "strategy.category.regional_development": "Regional development, land use, living environment and business",
  "strategy.category.ownership": "Ownership policy",
  "strategy.category.personnel": "Personnel policy",
  "strategy.category.participation": "Residents' participation and influence",

  "strategy.strategyStatus.draft": "Draft",
  "strategy.strategyStatus.consultation": "In consultation",
  "strategy.strategyStatus.adopted": "Adopted",
  "strategy.strategyStatus.archived": "Archived",

  "strategy.direction.higher_better": "Higher is better",
  "strategy.direction.lower_better": "Lower is better",

  "strategy.indicatorStatus.on_track": "On track",
  "strategy.indicatorStatus.behind": "Behind",
  "strategy.indicatorStatus.off_track": "Off track",
  "strategy.indicatorStatus.no_data": "No data",

  "strategy.statusRule.title": "How the status is worked out",
  "strategy.statusRule.path":
    "The target path is a straight line from the baseline (date and value) to the target (date and value). With intermediate targets for some years, the path goes through them; an intermediate target is the value on the last day of its year. Before the baseline date the path's value is the baseline, after the target date the target.",
  "strategy.statusRule.compare":
    "The indicator's latest measurement is compared with the path's value on the measurement's date. Change is counted from the baseline in the better direction: up when higher is better, down when lower is better.",
  "strategy.statusRule.on_track": "On track: the measurement is at the path's value or better.",
  "strategy.statusRule.behind":
    "Behind: the measurement is worse than the path's value, but the change from the baseline is at least {percent} % of the change the path expects by that date.",
  "strategy.statusRule.off_track":
    "Off track: the change is less than {percent} % of what the path expects, it went the wrong way, or the path expects no improvement by that date and the measurement falls short of its value.",
  "strategy.statusRule.no_data": "No data: no measurement has been entered for the indicator yet.",

  "strategy.value.notNumber": "Give the value as a number, for example 12.5.",
  "strategy.value.tooLarge": "The number is too large: at most 15 digits before the decimal point.",
  "strategy.value.tooPrecise": "The number may have at most 6 decimals.",
  "strategy.period.endBeforeStart": "The period's end year must be its start year or later.",
  "strategy.period.excludesMeasurements":
    "Measurements ({first}–{last}) would fall outside the period. Change or delete them first.",
  "strategy.category.unknown": "Unknown category. Choose one of the regional strategy's six categories.",
  "strategy.responsible.both": "Choose either a working group or a person as responsible, not both.",
  "strategy.responsible.groupNotFound": "The working group was not found.",
  "strategy.responsible.personNotFound": "The person was not found.",
  "strategy.indicator.targetBeforeBaseline": "The target date must be after the baseline date ({date}).",
  "strategy.indicator.intermediateYear": "Write an intermediate target's year in four digits, for example 2023.",
  "strategy.indicator.intermediateOutside":
    "The last day of the intermediate target's year {year} must lie between the baseline and target dates.",
  "strategy.measurement.outsidePeriod": "The measurement's date must be within the strategy period {start}–{end}.",
  "strategy.measurement.duplicate":
    "The indicator already has a measurement for {date}. Correct that one or choose another date.",
};

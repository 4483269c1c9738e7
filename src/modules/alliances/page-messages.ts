import type { Catalog } from "../../i18n/catalog.ts";

/** Texts of the alliance page's charts and downloads (merged into the module's catalog in messages.ts). */
export const alliancePagesFi = {
  "alliances.chart.books.title": "Budjetti ja toteuma {year}",
  "alliances.chart.books.description":
    "Pylväät vertaavat jokaisen osapuolen budjettia (umpinainen pylväs) ja toteutunutta kustannusta (vinoviivoitettu pylväs) vuonna {year}; summat ovat myös taulukossa.",
  "alliances.chart.budget": "Budjetti",
  "alliances.chart.actual": "Toteuma",
  "alliances.chart.party": "Osapuoli",
  "alliances.chart.amount": "Summa",
  "alliances.chart.cumulative.title": "Kertynyt kustannus ja tavoitekustannus",
  "alliances.chart.cumulative.description":
    "Tavoitekustannukseen laskettava kustannus kuukausittain kertyneenä (yhtenäinen viiva, ympyrät) tavoitekustannusta vastaan, joka on jaettu tasan vuoden kuukausille (katkoviiva), sekä tavoitealueen raja-arvot (pisteviivat, neliöt ja kolmiot), jos mallissa on niitä.",
  "alliances.chart.month": "Kuukausi",
  "alliances.chart.cumulativeActual": "Kertynyt toteuma",
  "alliances.chart.target": "Tavoitekustannus",
  "alliances.chart.floor": "Alueen alaraja",
  "alliances.chart.ceiling": "Alueen yläraja (katto)",
  "alliances.chart.kra.title": "Avaintulosalueiden pisteet",
  "alliances.chart.kra.poolDescription":
    "Avaintulosalueiden painotettu kokonaispistemäärä (−100…+100) ja jokaisen alueen pisteet vuosittain uusimman selvityksen mukaan.",
  "alliances.chart.kra.pointsDescription":
    "Laatupisteet vuosittain: luvatut pisteet (umpinainen pylväs) ja saavutetut pisteet (vinoviivoitettu pylväs) uusimman selvityksen mukaan.",
  "alliances.chart.kra.score": "Kokonaispisteet",
  "alliances.chart.kra.points": "Pisteet",
  "alliances.chart.kra.promised": "Luvatut pisteet",
  "alliances.chart.kra.achieved": "Saavutetut pisteet",
  "alliances.chart.year": "Vuosi",
  "alliances.chart.kra.none": "Avaintulosalueiden pisteitä ei ole vielä, koska selvitystä ei ole laskettu.",
  "alliances.page.charts": "Kuvaajat",
} as const;

export type AlliancePagesMessageKey = keyof typeof alliancePagesFi;

export const alliancePagesSv: Catalog<AlliancePagesMessageKey> = {
  "alliances.chart.books.title": "Budget och utfall {year}",
  "alliances.chart.books.description":
    "Staplarna jämför varje parts budget (hel stapel) och utfall (snedstreckad stapel) år {year}; beloppen finns också i tabellen.",
  "alliances.chart.budget": "Budget",
  "alliances.chart.actual": "Utfall",
  "alliances.chart.party": "Part",
  "alliances.chart.amount": "Belopp",
  "alliances.chart.cumulative.title": "Ackumulerad kostnad och målkostnad",
  "alliances.chart.cumulative.description":
    "Kostnaden som räknas mot målkostnaden ackumulerad månad för månad (heldragen linje, cirklar) mot målkostnaden fördelad jämnt på årets månader (streckad linje) och målintervallets gränser (prickade linjer, kvadrater och trianglar), om modellen har sådana.",
  "alliances.chart.month": "Månad",
  "alliances.chart.cumulativeActual": "Ackumulerat utfall",
  "alliances.chart.target": "Målkostnad",
  "alliances.chart.floor": "Intervallets nedre gräns",
  "alliances.chart.ceiling": "Intervallets övre gräns (tak)",
  "alliances.chart.kra.title": "Nyckelresultatområdenas poäng",
  "alliances.chart.kra.poolDescription":
    "Nyckelresultatområdenas viktade totalpoäng (−100…+100) och varje områdes poäng per år enligt den senaste avräkningen.",
  "alliances.chart.kra.pointsDescription":
    "Kvalitetspoäng per år: utlovade poäng (hel stapel) och uppnådda poäng (snedstreckad stapel) enligt den senaste avräkningen.",
  "alliances.chart.kra.score": "Totalpoäng",
  "alliances.chart.kra.points": "Poäng",
  "alliances.chart.kra.promised": "Utlovade poäng",
  "alliances.chart.kra.achieved": "Uppnådda poäng",
  "alliances.chart.year": "År",
  "alliances.chart.kra.none": "Nyckelresultatområdenas poäng finns inte ännu, eftersom ingen avräkning har gjorts.",
  "alliances.page.charts": "Diagram",
};

export const alliancePagesEn: Catalog<AlliancePagesMessageKey> = {
  "alliances.chart.books.title": "Budget and actual {year}",
  "alliances.chart.books.description":
    "The bars compare each party's budget (plain bar) with its actual cost (hatched bar) in {year}; the amounts are also in the table.",
  "alliances.chart.budget": "Budget",
  "alliances.chart.actual": "Actual",
  "alliances.chart.party": "Party",
  "alliances.chart.amount": "Amount",
  "alliances.chart.cumulative.title": "Cumulative cost against the target cost",
  "alliances.chart.cumulative.description":
    "The cost counting toward the target, accumulated month by month (solid line, circles), against the target cost spread evenly over each year's months (dashed line) and the target band's limits (dotted lines, squares and triangles) where the model has them.",
  "alliances.chart.month": "Month",
  "alliances.chart.cumulativeActual": "Cumulative actual",
  "alliances.chart.target": "Target cost",
  "alliances.chart.floor": "Band's lower limit",
  "alliances.chart.ceiling": "Band's upper limit (ceiling)",
  "alliances.chart.kra.title": "Key result area scores",
  "alliances.chart.kra.poolDescription":
    "The key result areas' weighted total score (−100…+100) and each area's score by year, as the newest settlement has them.",
  "alliances.chart.kra.pointsDescription":
    "Quality points by year: the points promised (plain bar) and achieved (hatched bar), as the newest settlement has them.",
  "alliances.chart.kra.score": "Total score",
  "alliances.chart.kra.points": "Points",
  "alliances.chart.kra.promised": "Points promised",
  "alliances.chart.kra.achieved": "Points achieved",
  "alliances.chart.year": "Year",
  "alliances.chart.kra.none": "No key result area scores yet: no settlement has been worked out.",
  "alliances.page.charts": "Charts",
};

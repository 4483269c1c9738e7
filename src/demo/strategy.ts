import { eq } from "drizzle-orm";
import type { Caller } from "../core/caller.ts";
import type { Db } from "../db/client.ts";
import { workingGroups } from "../modules/groups/schema.ts";
import type { GoalCategory, IndicatorDirection } from "../modules/strategy/constants.ts";
import { createStrategyService } from "../modules/strategy/service.ts";

type Actor = NonNullable<Caller["actor"]>;

/** Said on the strategy page (its vision) and in every measurement's source: the figures are made up. */
export const illustrativeNote =
  "Demoaineisto: tavoitteet ovat esimerkkejä ja kaikki luvut havainnollistavia, eivät todellisia tilastoja.";

interface DemoIndicator {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: string;
  target: string;
  intermediate?: Record<string, string>;
  dataSource: string;
  /** At the end of 2021, 2022 and 2023 (fewer: not measured yet). */
  measured: string[];
}

interface DemoGoal {
  category: GoalCategory;
  title: string;
  description: string;
  /** The strategy working group of seed 001 (demo/groups.ts) is responsible. */
  byStrategyGroup?: boolean;
  indicators: DemoIndicator[];
}

/**
 * Seed 001 (North Karelia): "one strategy steering all the region's tasks, with its key goals and follow-up
 * indicators" ("keskeiset tavoitteet ja seurantaindikaattorit"), in the six parts of the regional act's strategy
 * section. The goals and their figures are invented for the demo.
 */
const demoGoals: DemoGoal[] = [
  {
    category: "wellbeing",
    title: "Hyvinvointi- ja terveyserot kapenevat",
    description:
      "Sairastavuus laskee kohti maan keskitasoa; ennaltaehkäisy painottuu kunnan ja maakunnan yhdyspinnalla.",
    indicators: [
      {
        name: "Kelan ikävakioitu sairastavuusindeksi",
        unit: "indeksi",
        direction: "lower_better",
        baseline: "128.5",
        target: "120",
        dataSource: "Kela, THL (Sotkanet)",
        measured: ["127.9", "126.8", "126.1"],
      },
    ],
  },
  {
    category: "wellbeing",
    title: "Lapset ja nuoret voivat hyvin",
    description: "Nuorten kokema terveys ja osallisuus koulussa paranevat.",
    indicators: [
      {
        name: "Terveytensä hyväksi kokevat 8.–9.-luokkalaiset",
        unit: "%",
        direction: "higher_better",
        baseline: "60.2",
        target: "66",
        dataSource: "THL, Kouluterveyskysely",
        measured: ["59.4", "60.8", "61.5"],
      },
    ],
  },
  {
    category: "services",
    title: "Palvelut saa ajallaan",
    description: "Kiireettömään hoitoon pääsee viikossa; jonot puretaan Siun soten kanssa sovitussa järjestyksessä.",
    indicators: [
      {
        name: "Odotusaika kiireettömään lääkärin vastaanottoon (mediaani)",
        unit: "vrk",
        direction: "lower_better",
        baseline: "21",
        target: "10",
        intermediate: { "2023": "15" },
        dataSource: "Siun sote, potilastietojärjestelmä",
        measured: ["19", "17", "16"],
      },
    ],
  },
  {
    category: "services",
    title: "Digitaalinen asiointi on ensisijainen kanava",
    description:
      "Sähköiset palvelut ovat ensisijainen asiointikanava, ja niiden rinnalla säilyy henkilökohtainen palvelu.",
    indicators: [
      {
        name: "Sähköisen asioinnin osuus yhteydenotoista",
        unit: "%",
        direction: "higher_better",
        baseline: "18",
        target: "45",
        intermediate: { "2023": "30" },
        dataSource: "Maakunnan asiointipalvelujen tilasto",
        measured: ["22", "27", "31"],
      },
    ],
  },
  {
    category: "services",
    title: "Ikääntyneet asuvat kotona",
    description: "Kotona asumista tuetaan kotihoidolla, etäpalveluilla ja omaishoidolla.",
    indicators: [
      {
        name: "Kotona asuvat 75 vuotta täyttäneet",
        unit: "%",
        direction: "higher_better",
        baseline: "91.2",
        target: "93",
        dataSource: "THL (Sotkanet)",
        measured: ["91.4", "91.3", "91.1"],
      },
    ],
  },
  {
    category: "regional_development",
    title: "Työllisyys kasvaa",
    description: "Elinkeinojen uudistuminen ja osaavan työvoiman saatavuus nostavat työllisyysastetta.",
    indicators: [
      {
        name: "Työllisyysaste (20–64-vuotiaat)",
        unit: "%",
        direction: "higher_better",
        baseline: "68.1",
        target: "72",
        dataSource: "Tilastokeskus, työssäkäyntitilasto",
        measured: ["69", "70.3", "70.1"],
      },
    ],
  },
  {
    category: "regional_development",
    title: "Maakunta on vähähiilinen",
    description: "Päästöt vähenevät liikenteessä, lämmityksessä ja maataloudessa; uusiutuvan energian osuus kasvaa.",
    indicators: [
      {
        name: "Kasvihuonekaasupäästöt",
        unit: "kt CO₂-ekv.",
        direction: "lower_better",
        baseline: "1450",
        target: "1150",
        dataSource: "Suomen ympäristökeskus, ALas-päästölaskenta",
        measured: ["1410", "1352", "1310"],
      },
    ],
  },
  {
    category: "regional_development",
    title: "Yhteydet ovat nopeat",
    description: "Kiinteä laajakaista kattaa haja-asutusalueet.",
    indicators: [
      {
        name: "Kotitaloudet, joille on saatavilla 100 Mbit/s yhteys",
        unit: "%",
        direction: "higher_better",
        baseline: "62",
        target: "85",
        dataSource: "Traficom",
        measured: ["66", "71", "74"],
      },
    ],
  },
  {
    category: "ownership",
    title: "Omistukset tukevat strategiaa",
    description: "Jokaiselle konserniyhteisölle asetetaan strategiasta johdetut omistajaohjauksen tavoitteet.",
    byStrategyGroup: true,
    indicators: [
      {
        name: "Konserniyhteisöt, joille on asetettu omistajaohjauksen tavoitteet",
        unit: "%",
        direction: "higher_better",
        baseline: "40",
        target: "100",
        dataSource: "Maakunnan konsernihallinto",
        measured: ["55", "75", "85"],
      },
    ],
  },
  {
    category: "ownership",
    title: "Toimitilat ovat tehokkaassa käytössä",
    description: "Tilat yhdistetään ja ylimääräisistä luovutaan hallitusti.",
    indicators: [
      {
        name: "Toimitilojen käyttöaste",
        unit: "%",
        direction: "higher_better",
        baseline: "72",
        target: "85",
        dataSource: "Maakunnan tilapalvelut",
        measured: ["73", "76", "78"],
      },
    ],
  },
  {
    category: "personnel",
    title: "Henkilöstö voi hyvin",
    description: "Johtaminen, työn kuormitus ja muutoksen tuki arvioidaan vuosittain.",
    indicators: [
      {
        name: "Sairauspoissaolopäivät henkilötyövuotta kohden",
        unit: "pv",
        direction: "lower_better",
        baseline: "17.8",
        target: "14",
        dataSource: "Henkilöstöraportti",
        measured: ["18.2", "17.1", "16.5"],
      },
    ],
  },
  {
    category: "personnel",
    title: "Osaavaa työvoimaa riittää",
    description:
      "Vakituiset tehtävät saadaan täytettyä; rekrytointia ja osaamisen kehittämistä tehdään yhdessä oppilaitosten kanssa.",
    indicators: [
      {
        name: "Ensimmäisellä haulla täytetyt vakituiset tehtävät",
        unit: "%",
        direction: "higher_better",
        baseline: "92",
        target: "97",
        dataSource: "Rekrytointijärjestelmä",
        measured: ["91.5", "92.4", "93.8"],
      },
    ],
  },
  {
    category: "participation",
    title: "Asukkaat osallistuvat strategian valmisteluun",
    description:
      "Strategia valmistellaan avoimesti, osallistavasti ja digitaalisesti: kuulemiset, verkkokommentointi ja alueelliset tilaisuudet.",
    byStrategyGroup: true,
    indicators: [
      {
        name: "Osallistumistilaisuuksien ja verkkokuulemisten osallistujat",
        unit: "henkeä",
        direction: "higher_better",
        baseline: "800",
        target: "3000",
        dataSource: "Uudistamon tilaisuudet ja kommenttiseinät",
        measured: ["1150", "1720", "2260"],
      },
    ],
  },
  {
    category: "participation",
    title: "Nuorten ääni kuuluu päätöksissä",
    description: "Nuorisovaltuustojen aloitteet käsitellään ja niihin vastataan.",
    indicators: [
      {
        name: "Käsitellyt nuorisovaltuustojen aloitteet",
        unit: "%",
        direction: "higher_better",
        baseline: "50",
        target: "90",
        dataSource: "Maakuntahallituksen pöytäkirjat",
        measured: [],
      },
    ],
  },
];

const measuredYears = ["2021", "2022", "2023"];

/**
 * Seed 001's regional strategy work as a draft strategy 2021–2025 (staff see it once signed in): two or three
 * goals in each of the six categories, each with an indicator from the end of 2020 to the end of 2025 and its
 * measurements at the end of 2021–2023. Everything through the strategy service, audited like real use.
 */
export async function seedDemoStrategy(db: Db, admin: Actor): Promise<void> {
  const strategies = createStrategyService({ db });
  const caller: Caller = { actor: admin, locale: "fi" };
  const [group] = await db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(eq(workingGroups.name, "Maakuntastrategia"));
  const strategy = await strategies.create(caller, {
    name: "Pohjois-Karjalan maakuntastrategia 2021–2025",
    startYear: 2021,
    endYear: 2025,
    status: "draft",
    vision: [
      "**Pohjois-Karjala on elinvoimainen, hyvinvoiva ja vähähiilinen maakunta, jossa asukkaat osallistuvat.**",
      "",
      "Yksi strategia ohjaa kaikkia maakunnan tehtäviä. Sen tavoitteilla on seurantaindikaattorit, ja taustana on toimintaympäristöanalyysi (nykytila, tulevat muutokset ja niiden vaikutukset).",
      "",
      `*${illustrativeNote}*`,
    ].join("\n"),
  });
  for (const goal of demoGoals) {
    const created = await strategies.createGoal(caller, strategy.id, {
      category: goal.category,
      title: goal.title,
      description: goal.description,
      responsibleGroupId: goal.byStrategyGroup ? (group?.id ?? null) : null,
    });
    for (const i of goal.indicators) {
      const { indicator } = await strategies.createIndicator(caller, created.id, {
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        baselineValue: i.baseline,
        baselineDate: "2020-12-31",
        targetValue: i.target,
        targetDate: "2025-12-31",
        intermediateTargets: i.intermediate ?? {},
        dataSource: `${i.dataSource} (havainnollistava esimerkki)`,
      });
      for (const [n, value] of i.measured.entries()) {
        await strategies.createMeasurement(caller, indicator.id, {
          date: `${measuredYears[n]}-12-31`,
          value,
          source: "Havainnollistava luku, ei tilasto",
        });
      }
    }
  }
}

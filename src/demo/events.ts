import { eq, inArray } from "drizzle-orm";
import type { Actor, Caller } from "../core/caller.ts";
import type { Db } from "../db/client.ts";
import { events, workshopGroups } from "../modules/events/schema.ts";
import type { EventService } from "../modules/events/service.ts";
import { walls } from "../modules/walls/schema.ts";

type Agenda = {
  time: string;
  title: string;
  kind?: "item" | "break" | "workshop";
  description?: string;
  speakers?: [string, string, string][];
};

/** Seed 000's programme (the speakers are public officials named in the seed's programme). */
const seminarAgenda: Agenda[] = [
  { time: "08:45", title: "Aamukahvi", kind: "break" },
  {
    time: "09:00",
    title: "Tilaisuuden avaus",
    speakers: [["Jaakko Mikkola", "maakuntajohtaja", "Kymenlaakson Liitto"]],
  },
  {
    time: "09:30",
    title: "Valmistelutilanteen esittely",
    description: "Sote-projekti ja maakuntapalvelut-projekti",
    speakers: [
      ["Annikki Niiranen", "toimitusjohtaja", "Carea"],
      ["Jorma Haapanen", "palvelujohtaja", "Kotkan kaupunki"],
      ["Jaakko Mikkola", "maakuntajohtaja", "Kymenlaakson Liitto"],
      ["Leena Gunnar", "ylijohtaja", "Kaakkois-Suomen ELY-keskus"],
    ],
  },
  { time: "10:30", title: "Virvokkeita", kind: "break" },
  {
    time: "10:45",
    title: "Tukiryhmien tilannekatsaukset",
    description: "Hankinta, henkilöstö, talous, tietohallinto ja ICT, toimitilat ja kiinteistöt",
    speakers: [
      ["Marja-Liisa Jyrkilä", "hankintapäällikkö", "Kouvola"],
      ["Päivi Karhu", "henkilöstöjohtaja", "Kouvola"],
      ["Tuukka Forssell", "talousjohtaja", "Kouvola"],
      ["Sirpa Mäntynen", "tietohallintojohtaja", "Kouvola"],
      ["Matti Filppu", "kehitysjohtaja", "Hamina"],
    ],
  },
  { time: "11:30", title: "Kymenlaakson maakunnan tulevaisuus" },
  {
    time: "12:00",
    title: "Lounas",
    kind: "break",
    description: "Alustavan tulevaisuuskuvan esittely, aluekehittämisen konsulttitoimisto MDI",
  },
  { time: "13:00", title: "Työstöosuus I: Sukellus Kymenlaakson sote- ja maakuntauudistukseen", kind: "workshop" },
  { time: "14:00", title: "Kahvit", kind: "break" },
  { time: "15:00", title: "Työosuus II: Valmistelun jatkotavoitteet sekä osallisuus ja viestintä", kind: "workshop" },
  {
    time: "15:45",
    title: "Seminaaripäivän yhteenveto ja loppukeskustelu",
    description: "Keskustelun summaus ja konkreettiset yhteiset tavoitteet esivalmisteluvaiheelle",
  },
  {
    time: "17:00",
    title: "Salaattibuffet",
    kind: "break",
    description: "Keskustelu maakuntauudistuksen valmistelusta jatkuu vapaamuotoisemmin",
  },
  { time: "19:00", title: "Tilaisuus päättyy" },
];

/** Seed 002's regional tour of six discussion events on growth services (2018). */
const tour: { city: string; date: string; regions: string[] }[] = [
  { city: "Rovaniemi", date: "2018-03-13", regions: ["Kainuu", "Pohjois-Pohjanmaa", "Lappi"] },
  { city: "Kouvola", date: "2018-03-14", regions: ["Päijät-Häme", "Kanta-Häme", "Kymenlaakso", "Etelä-Karjala"] },
  { city: "Varkaus", date: "2018-03-15", regions: ["Keski-Suomi", "Pohjois-Karjala", "Etelä-Savo", "Pohjois-Savo"] },
  { city: "Ylihärmä", date: "2018-03-20", regions: ["Etelä-Pohjanmaa", "Keski-Pohjanmaa", "Pohjanmaa"] },
  { city: "Helsinki", date: "2018-03-23", regions: ["Uusimaa"] },
  // The seed names the regions and the date of the sixth event but not its town.
  { city: "", date: "2018-04-12", regions: ["Pirkanmaa", "Satakunta", "Varsinais-Suomi"] },
];

/**
 * The seminar of seed 000 with its programme and both workshop sessions, using
 * the walls seedDemoWalls made, and seed 002's regional tour as a series.
 */
export async function seedDemoEvents(db: Db, service: EventService, admin: Actor): Promise<void> {
  const caller: Caller = { actor: admin, locale: "fi" };
  const seminar = await service.create(caller, {
    title: "Kymenlaakson maakuntauudistusseminaari",
    description:
      "Esitellään maakuntahallituksen hyväksymä organisointi ja uudistuksen tavoitteet, valmisteluryhmien tilanne ja Kymenlaakson tulevaisuuskuva, ja sovitaan esivalmisteluvaiheen yhteiset tavoitteet.",
    date: "2016-08-31",
    startTime: "08:45",
    endTime: "19:00",
    place: "Kotka",
    city: "Kotka",
    organiser: "Kymenlaakson Liitto",
    joinCode: "KYME-2016",
  });
  for (const item of seminarAgenda) {
    await service.addAgendaItem(caller, seminar.id, {
      time: item.time,
      title: item.title,
      kind: item.kind ?? "item",
      description: item.description ?? "",
      speakers: (item.speakers ?? []).map(([name, title, organisation]) => ({ name, title, organisation })),
    });
  }

  // The seminar's walls already exist: the event uses them instead of new ones.
  const slugs = ["kyme-seminaari", "kyme-sote", "kyme-maakunta", "kyme-tuki1", "kyme-tuki2", "kyme-itsehallinto"];
  const demoWalls = await db.select().from(walls).where(inArray(walls.slug, slugs));
  const bySlug = new Map(demoWalls.map((w) => [w.slug, w]));
  if (seminar.wallId) await db.delete(walls).where(eq(walls.id, seminar.wallId));
  await db
    .update(events)
    .set({ wallId: bySlug.get("kyme-seminaari")?.id ?? null })
    .where(eq(events.id, seminar.id));
  await db
    .update(walls)
    .set({ ownerType: "event", ownerId: seminar.id, joinCode: seminar.joinCode })
    .where(inArray(walls.slug, slugs));

  const groupWalls = slugs
    .slice(1)
    .map((slug) => bySlug.get(slug))
    .filter((w) => w !== undefined);
  for (const session of [
    {
      title: "Työstöosuus I: Sukellus Kymenlaakson sote- ja maakuntauudistukseen",
      assignment:
        "Valmisteluryhmien työn läpikäynti ryhmissä ja valmistelun tärkeimpien kysymysten esiin nostaminen. Ryhmät kiertävät valmisteluryhmien seiniltä toisille.",
      steps: [
        { instructions: "Valmisteluryhmän työn esittely", minutes: 15 },
        { instructions: "Keskustelu ja kommentit ryhmän seinälle", minutes: 30 },
        { instructions: "Tärkeimpien kysymysten nostaminen ja äänestys", minutes: 15 },
      ],
    },
    {
      title: "Työosuus II: Valmistelun jatkotavoitteet sekä osallisuus ja viestintä",
      assignment: "Valmisteluryhmittäin käydään keskustelua jatkovalmistelusta.",
      steps: [
        { instructions: "Jatkovalmistelun tavoitteet ryhmittäin", minutes: 25 },
        { instructions: "Osallisuus ja viestintä: miten asukkaat ja kunnat mukaan?", minutes: 15 },
        { instructions: "Ryhmien tiivistykset yhteiselle seinälle", minutes: 5 },
      ],
    },
  ]) {
    const workshop = await service.addWorkshop(caller, seminar.id, { ...session, groups: [] });
    await db
      .insert(workshopGroups)
      .values(groupWalls.map((w, position) => ({ workshopId: workshop.id, position, name: w.title, wallId: w.id })));
  }

  const series = await service.createSeries(caller, {
    name: "Kasvupalvelujen aluekierros 2018",
    description:
      "Kuusi keskustelutilaisuutta kasvupalvelun keskeisistä kysymyksistä: yhteensovitus ja allianssi, kilpailullisuus, digitaalisuus. Maakuntatoimijat, kunnat, palveluntuottajat ja muut sidosryhmät luomassa yhteistä tulkintaa ennen kasvupalvelulain eduskuntakäsittelyä.",
  });
  for (const stop of tour) {
    await service.create(caller, {
      title: `Kasvupalvelujen aluekierros${stop.city ? `: ${stop.city}` : `: ${stop.regions.join(", ")}`}`,
      description: "Yhteensovitus ja allianssi, kilpailullisuus, digitaalisuus.",
      date: stop.date,
      startTime: "12:00",
      endTime: "16:00",
      city: stop.city,
      organiser: "Työ- ja elinkeinoministeriö",
      regions: stop.regions,
      seriesId: series.id,
    });
  }
}

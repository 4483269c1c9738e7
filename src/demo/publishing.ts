import { eq } from "drizzle-orm";
import type { Caller } from "../core/caller.ts";
import type { Db } from "../db/client.ts";
import type { PostInput } from "../modules/publishing/inputs.ts";
import { createOfficeService } from "../modules/publishing/office.ts";
import { posts } from "../modules/publishing/schema.ts";
import { createPostService } from "../modules/publishing/service.ts";

type Actor = NonNullable<Caller["actor"]>;

interface DemoPost {
  title: string;
  summary: string;
  body: string;
  tags: string[];
  /** Invented people, in the seed's organisations and roles. */
  author: { name: string; organisation: string; title: string };
  /** Helsinki time, ISO 8601 with the offset. */
  publishedAt: string;
}

const ely = "Kaakkois-Suomen ELY-keskus";
const region = "Kymenlaakson Liitto";
const carea = "Carea – Kymenlaakson sairaanhoito- ja sosiaalipalvelujen kuntayhtymä";

/**
 * Seed 004's blog page (Kymenlaakso, 2016–2018): its titles and the opening of each text, by invented authors with
 * the seed's organisations and roles (the seed names real officials; the demo does not).
 */
const demoPosts: DemoPost[] = [
  {
    title: "ELYistä tärkeä osa tulevia maakuntia",
    summary: "ELY-keskuksiin koottiin vuonna 2010 valtion alueelliset kehittämistehtävät saman katon alle.",
    body: "Vuonna 2010 aloittaneisiin ELY-keskuksiin yhdistettiin aiemmat TE-keskusten ja tiepiirien sekä osia ympäristökeskusten ja lääninhallitusten palveluista. Johtava ajatus oli koota valtion alueelliset kehittämistehtävät saman katon alle. Puhuttiin suurimmasta hallintouudistuksesta sataan vuoteen.",
    tags: ["maakuntauudistus", "ely-keskus"],
    author: { name: "Helena Saarinen", organisation: ely, title: "Ylijohtaja" },
    publishedAt: "2016-10-12T09:00:00+03:00",
  },
  {
    title: "100 päivää maakuntajohtajana – ”Kymenlaakso 2.0”",
    summary: "Sata päivää maakuntajohtajana: työkenttä laajeni maakuntauudistuksen myötä reformin koordinointiin.",
    body: "Sata päivääni maakuntajohtajana Kymenlaakson liitossa tuli täyteen marraskuun alkupäivinä. Palasin tuttuun taloon elokuun 2016 alussa – alkoi ”Kymenlaakso 2.0”. Hyvä henki – osaava henkilökunta.\n\nTyökenttäni laajentui maakuntauudistuksen myötä **reformin koordinointiin**. Maakunnan liitot perivät valmisteluvastuun kaikkialla maassa.",
    tags: ["maakuntauudistus"],
    author: { name: "Markku Rantanen", organisation: region, title: "Maakuntajohtaja" },
    publishedAt: "2016-11-10T10:00:00+02:00",
  },
  {
    title: "Kasvua ja töitä",
    summary: "Kasvun agenda tarkoittaa työpolitiikassa jossain määrin paradigman muutosta.",
    body: "Maakuntauudistuksen myötä Työ- ja elinkeinoministeriö päätti uudistaa ajatteluaan elinkeinopolitiikassa ja työpolitiikassa. Uudeksi ohjenuoraksi otettiin Kasvun agenda.\n\n- Pienimpiä yrityksiä autetaan palkkaamaan ensimmäinen työntekijä.\n- Pk-yrityksiä autetaan lähtemään vientimarkkinoille.\n- Yrityskaupoissa ja sukupolvenvaihdoksissa tuetaan.",
    tags: ["kasvupalvelut", "tyollisyys"],
    author: {
      name: "Riitta Koskinen",
      organisation: ely,
      title: "Elinkeinot, työllisyys ja osaaminen -vastuualueen johtaja",
    },
    publishedAt: "2016-12-14T09:30:00+02:00",
  },
  {
    title: "Katsaus sote-valmisteluun",
    summary: "Sote-uudistus on Suomen historian suurin hallinnon uudistus; Kymenlaaksossa järjestäjä on maakunta.",
    body: "Viime vuoden aikana maakunnallinen SOTE Projektiryhmä on kartoittanut Kymenlaakson palvelujen nykytilan. Valmistelutyötä tehdään kolmessa elämänkaareen perustuvassa kohderyhmässä: lasten ja nuorten palvelut, aikuisten palvelut ja ikääntyneiden palvelut.",
    tags: ["sote"],
    author: { name: "Tuomas Leinonen", organisation: carea, title: "Sote-projektijohtaja" },
    publishedAt: "2017-01-18T12:00:00+02:00",
  },
  {
    title: "Maakunnassa saavutettu sotesopu",
    summary: "Maakuntauudistuksen johtoryhmä linjasi periaatteet tammikuun 2017 kokouksessaan.",
    body: "Maakunnan sote-työryhmä pääsi yksimielisyyteen sosiaali- ja terveydenhuollon järjestämisestä maakunnassa. Sotesovun syntymistä oli kauan odotettu – ja nyt on saavutetulle yksimielisyydelle annettava kaikki tuki.",
    tags: ["sote", "maakuntauudistus"],
    author: { name: "Kari Heinonen", organisation: region, title: "Maakuntahallituksen puheenjohtaja" },
    publishedAt: "2017-02-06T08:00:00+02:00",
  },
  {
    title: "Puhutaan maakunnan muttamisesta",
    summary: "Kuullun ja luetun ymmärtämistä pukkaa virkamiehelle pitkin vuotta aina ministeriöistä saakka.",
    body: "Kevään ylioppilaskirjoitukset alkavat perinteisesti kuullun ymmärtämiskokeilla. Myös luetun ymmärtämistä testataan. Tuttu tilanne ympäri vuoden näin virkamiehenä.",
    tags: ["maakuntauudistus"],
    author: { name: "Anu Vainio", organisation: region, title: "Muutosjohtaja" },
    publishedAt: "2017-03-15T09:00:00+02:00",
  },
  {
    title: "Kohti digitalisaatiota",
    summary:
      "Digitalisaatio on uudistuksen tärkeä väline; tiukka aikataulu pakottaa priorisoimaan ICT:n osakokonaisuuksia.",
    body: "Sote- ja maakuntauudistuksessa puhutaan paljon digiloikasta. Uudistuksen tavoitteena on toiminnan muutos ja sen tärkeänä välineenä on digitalisaatio. Tietohallinto ja tietojärjestelmät tukevat uudistuksen toteuttamista.",
    tags: ["digitalisaatio"],
    author: { name: "Jari Salo", organisation: carea, title: "Tietohallintojohtaja" },
    publishedAt: "2017-04-20T10:00:00+03:00",
  },
  {
    title: "Asiakkaiden tarpeista uudenlaiseen asiakasohjaukseen",
    summary: "Keskitetyn asiakasohjauksen kehittämishanke on käynnistynyt osana I&O-kärkihanketta.",
    body: "Kymenlaaksossa on käynnistynyt myös keskitetyn asiakasohjauksen kehittämishanke osana I&O-kärkihanketta. Kehittämisen edetessä olen useasti miettinyt, miten yhteinen ymmärrys asiakasohjauksesta luodaan ja miten erilaiset toimintakulttuurit vaikuttavat ajattelutapoihimme.",
    tags: ["sote", "asiakasohjaus"],
    author: { name: "Minna Lahtinen", organisation: carea, title: "Kehittämispäällikkö" },
    publishedAt: "2017-06-07T09:00:00+03:00",
  },
  {
    title: "Asiakkaan parhaaksi",
    summary: "Kymenlaakso on oikean kokoinen maakunta järjestämään sote-palvelut esimerkillisesti.",
    body: "Sote- ja maakuntauudistus ja sen yhteydessä kehittyvä lainsäädäntö antavat maakunnille ainutlaatuisen mahdollisuuden sosiaali- ja terveydenhuollon palveluiden uudistamiseen. Emme ole kovin pieni, emmekä liian iso.",
    tags: ["sote"],
    author: { name: "Petri Aaltonen", organisation: carea, title: "Kuntayhtymän johtaja" },
    publishedAt: "2017-08-16T09:00:00+03:00",
  },
  {
    title: "300 päivää käyttöönottoon",
    summary: "Effica Lifecare -järjestelmän käyttöönottoon 1.7.2018 on 300 päivää.",
    body: "Kirjoittaessani tätä blogitekstiä on täsmälleen 300 päivää jäljellä Effica Lifecare -järjestelmän käyttöönottoon, joka tapahtuu 1.7.2018 eli samaan aikaan kuin valinnanvapauskokeilu aloitetaan maakunnassa.",
    tags: ["digitalisaatio", "sote"],
    author: { name: "Sari Jokinen", organisation: carea, title: "Tietojärjestelmäprojektin projektipäällikkö" },
    publishedAt: "2017-09-04T09:00:00+03:00",
  },
  {
    title: "Osaammeko katsoa sotea ihmisen näkökulmasta?",
    summary: "Kunnalliset markkinoivat itseään rakennusten kuvilla, yksityiset ihmisillä.",
    body: "Silmiini tökkäsi kuvaotsikko Helsingin Sanomissa: kunnalliset markkinoivat itseään rakennusten kuvilla, yksityiset ihmisillä. Ei ole helppoa sijoittaa ihmistä julkisten palveluiden ytimeen – laitetaan keskiöön ennemmin rakennus.",
    tags: ["sote", "asiakkaan-kymenlaakso"],
    author: { name: "Outi Karjalainen", organisation: "Kotkan kaupunki", title: "Perusturvajohtaja" },
    publishedAt: "2017-11-02T09:00:00+02:00",
  },
  {
    title: "Allianssilla hyvää palvelua saumattomasti",
    summary:
      "Päällekkäisyyksien välttämiseksi on ehdotettu allianssimallia: mikä allianssi on ja miten sitä voisi soveltaa jatkuvassa toiminnassa?",
    body: "Maakunnalla on Kasvupalveluissa vastuu huolehtia, ettei järjestetä päällekkäisiä palveluita kuntien tai valtion kanssa.\n\nKunnat kehittävät nyt elinvoimapalveluitaan, maakunnat ja valtio taas Kasvupalveluita. Päällekkäisyyksien välttämiseksi on hallituksen taholta ehdotettu **allianssimallia**. Allianssi edellyttää eri tahojen yhteistä tavoitetilaa ja luottamusta, molemmilta panoksia ja tuotto-odotuksia.\n\nHyviä hiihtokelejä toivotellen",
    tags: ["kasvupalvelut", "allianssi"],
    author: {
      name: "Riitta Koskinen",
      organisation: ely,
      title: "Elinkeinot, työllisyys ja osaaminen -vastuualueen johtaja",
    },
    publishedAt: "2018-02-21T09:00:00+02:00",
  },
];

/** Seed 004's office: the regional council's address and opening hours, the change office's address. */
const demoOffice = {
  name: "Kymenlaakson liitto – Muutostoimisto",
  address:
    "Kymenlaakson liitto: PL 35, 48601 Kotka (käyntiosoite Karhulantie 36 B)\nMuutostoimisto: Karhulantie 30, 2. krs, 48600 Kotka",
  email: "muutostoimisto@uudistamo.example",
  openingHours: {
    fi: "Toimisto on avoinna arkisin ma–pe klo 9–15",
    sv: "Kontoret är öppet vardagar mån–fre kl. 9–15",
    en: "The office is open on weekdays, Mon–Fri 9 am–3 pm",
  },
};

/**
 * The demo's blog (seed 004) and the office's contact details, written through the publishing services as the
 * demo admin. Posts are published through the service and then dated to the seed's years: the service publishes
 * now and refuses a schedule in the past, which is right for new posts; an archive brought in from an earlier site
 * keeps its own dates.
 */
export async function seedDemoPublishing(db: Db, admin: Actor): Promise<void> {
  const caller: Caller = { actor: admin, locale: "fi" };
  const service = createPostService({ db });
  for (const demo of demoPosts) {
    const input: PostInput = {
      kind: "blog",
      locale: "fi",
      title: demo.title,
      summary: demo.summary,
      body: demo.body,
      tags: demo.tags,
      authorName: demo.author.name,
      authorOrganisation: demo.author.organisation,
      authorTitle: demo.author.title,
    };
    const { post } = await service.create(caller, input);
    await service.publish(caller, post.id);
    const at = new Date(demo.publishedAt);
    await db.update(posts).set({ publishAt: at, createdAt: at, updatedAt: at }).where(eq(posts.id, post.id));
  }
  await createOfficeService({ db }).set(caller, demoOffice);
}

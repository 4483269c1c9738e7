import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Caller } from "../core/caller.ts";
import type { Db } from "../db/client.ts";
import type { WallHub } from "../modules/walls/hub.ts";
import { createPostService } from "../modules/walls/posts.ts";
import { walls } from "../modules/walls/schema.ts";
import type { WallService } from "../modules/walls/service.ts";
import type { WallViewer } from "../modules/walls/viewer.ts";

type DemoPost = {
  kind?: "comment" | "question" | "remark";
  title?: string;
  body: string;
  author?: string;
  section?: number;
  likes?: number;
};

/** The seminar of seed 000 (Kotka 31.8.2016): its own wall and one wall per preparation group. */
const demoWalls: {
  slug: string;
  title: string;
  description: string;
  layout: "masonry" | "columns";
  sections?: string[];
  posts: DemoPost[];
}[] = [
  {
    slug: "kyme-seminaari",
    title: "Kymenlaakson maakuntauudistusseminaari 31.8.2016",
    description:
      "Seminaarin kommenttiseinä: kommentit, kysymykset ja muut huomiot päivän aikana, nimettömänä tai omalla nimellä.",
    layout: "columns",
    sections: [
      "Työstöosuus I: Sukellus Kymenlaakson sote- ja maakuntauudistukseen",
      "Työosuus II: Valmistelun jatkotavoitteet",
      "Osallisuus ja viestintä",
    ],
    posts: [
      {
        kind: "question",
        body: "Miten kuntien elinkeinopalvelut ja maakunnan kasvupalvelut sovitetaan yhteen, ettei tehdä päällekkäistä työtä?",
        section: 0,
        likes: 7,
      },
      {
        kind: "comment",
        body: "Järjestäjä–tuottaja-malli pitää toteuttaa joustavasti. Kymenlaakson tarpeet ovat erilaiset kuin isoissa maakunnissa.",
        author: "Aino Heikkinen",
        section: 0,
        likes: 4,
      },
      {
        kind: "question",
        body: "Mikä on esivalmistelun aikataulu suhteessa **sote-valmisteluun**? Synkronointi on riski.",
        section: 0,
        likes: 9,
      },
      { kind: "remark", body: "Rakennerahastojen päätöksenteko pitää säilyttää maakunnassa.", section: 0, likes: 3 },
      {
        kind: "comment",
        body: "Tukipalveluryhmien tilannekatsaukset olivat hyviä – ICT:n aikataulu huolestuttaa.",
        author: "Juha Korhonen",
        section: 0,
      },
      {
        kind: "question",
        body: "Kuka vastaa henkilöstön siirtojen valmistelusta väliaikaishallinnon aikana?",
        section: 1,
        likes: 6,
      },
      {
        kind: "comment",
        body: "Konkreettinen tavoite esivalmisteluvaiheelle: yhteinen palvelukartta kaikista kunnista vuoden loppuun mennessä.",
        section: 1,
        likes: 5,
      },
      {
        kind: "comment",
        body: "Asiakasnäkökulma ja palvelujen vaikuttavuus mukaan mittareihin heti alusta.",
        author: "Elina Nieminen",
        section: 1,
        likes: 2,
      },
      {
        kind: "remark",
        body: "Toivon, että valmisteluryhmien muistiot julkaistaan avoimesti verkossa.",
        section: 2,
        likes: 8,
      },
      {
        kind: "question",
        body: "Miten asukkaat pääsevät osallistumaan tulevaisuuskuvan työstämiseen?",
        section: 2,
        likes: 4,
      },
      {
        kind: "comment",
        body: "Kommenttiseinä toimii hyvin – samaa kannattaa käyttää myös kuntien omissa tilaisuuksissa.",
        section: 2,
      },
    ],
  },
  {
    slug: "kyme-sote",
    title: "SOTE-valmisteluryhmä",
    description: "Terveiset sosiaali- ja terveyspalvelujen valmisteluryhmän työhön.",
    layout: "masonry",
    posts: [
      { kind: "question", body: "Miten Carean ja kuntien nykyiset sopimukset siirtyvät?", likes: 3 },
      { kind: "comment", body: "Kotihoidon ja ensihoidon yhteistyö on hyvä esimerkki, jota kannattaa laajentaa." },
      {
        kind: "remark",
        body: "Digitaaliset palvelut eivät saa syrjäyttää niitä, jotka eivät käytä verkkoa.",
        author: "Ville Hyvönen",
        likes: 2,
      },
    ],
  },
  {
    slug: "kyme-maakunta",
    title: "Maakuntapalvelut",
    description: "Terveiset maakuntapalvelujen projektiryhmälle.",
    layout: "masonry",
    posts: [
      { kind: "comment", body: "ELY-keskuksen ja liiton tehtävien yhdistämisessä on paljon mahdollisuuksia." },
      { kind: "question", body: "Mitkä ylimaakunnalliset tehtävät jäävät valtiolle?", likes: 2 },
      {
        kind: "comment",
        body: "Kasvupalveluissa yrittäjien ääni pitää saada kuuluviin alusta asti.",
        author: "Aino Heikkinen",
      },
    ],
  },
  {
    slug: "kyme-tuki1",
    title: "Tukipalvelut 1: tietohallinto ja ICT, kiinteistöt ja toimitilat, hankinta",
    description: "Terveiset tukipalveluryhmälle 1.",
    layout: "masonry",
    posts: [
      {
        kind: "question",
        body: "Onko toimitilojen nykytilasta (kunto, esteettömyys) jo yhteinen rekisteri?",
        likes: 2,
      },
      { kind: "comment", body: "Hankintojen yhteinen kalenteri auttaisi välttämään päällekkäisiä kilpailutuksia." },
    ],
  },
  {
    slug: "kyme-tuki2",
    title: "Tukipalvelut 2: talous, henkilöstö",
    description: "Terveiset tukipalveluryhmälle 2.",
    layout: "masonry",
    posts: [
      {
        kind: "question",
        body: "Miten henkilöstön edustajat otetaan mukaan valmisteluun?",
        author: "Ville Hyvönen",
        likes: 5,
      },
      { kind: "remark", body: "Taloustietojen yhteismitallisuus kunnittain on välttämätöntä ennen vertailuja." },
    ],
  },
  {
    slug: "kyme-itsehallinto",
    title: "Itsehallinto, demokratia ja osallisuus",
    description: "Terveiset itsehallinnon, demokratian ja osallisuuden valmisteluun.",
    layout: "masonry",
    posts: [
      { kind: "comment", body: "Maakuntavaltuuston ja kuntien välinen vuoropuhelu tarvitsee pysyvän foorumin." },
      { kind: "question", body: "Tuleeko maakuntaan nuorisovaltuusto?", likes: 3 },
    ],
  },
];

const demoViewer = (actor: Caller["actor"], participant: string): WallViewer => ({
  actor,
  locale: "fi",
  participantHash: `demo-${participant}`,
  addressHash: "demo",
  hasJoinCode: () => true,
});

/** Adds the demo walls with their posts, through the same services as real use (so the change logs are right). */
export async function seedDemoWalls(
  db: Db,
  admin: NonNullable<Caller["actor"]>,
  hub: WallHub,
  wallService: WallService,
): Promise<number> {
  const posts = createPostService({
    db,
    hub,
    limits: {
      postsPerParticipant: 1000,
      postsPerAddress: 1000,
      reactionsPerParticipant: 1000,
      reactionsPerAddress: 100_000,
    },
  });
  const caller: Caller = { actor: admin, locale: "fi" };
  let count = 0;
  for (const demo of demoWalls) {
    const wall = await wallService.create(caller, {
      title: demo.title,
      description: demo.description,
      layout: demo.layout,
      sections: demo.sections ?? [],
    });
    await db.update(walls).set({ slug: demo.slug }).where(eq(walls.id, wall.id));
    for (const [i, post] of demo.posts.entries()) {
      const writer = demoViewer(null, `${demo.slug}-${i}`);
      const { post: created } = await posts.create(writer, wall.id, {
        kind: post.kind ?? "comment",
        body: post.body,
        authorName: post.author ?? "",
        sectionId: post.section !== undefined ? wall.sections[post.section]?.id : undefined,
        idempotencyKey: randomUUID(),
      });
      for (let n = 0; n < (post.likes ?? 0); n++) {
        await posts.react(demoViewer(null, `${demo.slug}-${i}-fan-${n}`), created.id, {
          kind: post.kind === "question" ? "upvote" : "like",
        });
      }
      count += 1;
    }
  }
  return count;
}

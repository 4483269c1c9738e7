import type { Catalog } from "../../i18n/catalog.ts";
import { publishingPagesEn, publishingPagesFi, publishingPagesSv } from "./page-messages.ts";

/** The publishing module's texts (blog, news, feeds, front page, search). Finnish is the source of keys. */
export const publishingFi = {
  ...publishingPagesFi,
  "audit.modules.publishing": "Julkaisut",
  "publishing.author.required": "Anna kirjoittaja: henkilö tai vieraileva kirjoittaja nimineen.",
  "publishing.author.unknown": "Kirjoittajaa ei löydy.",
  "publishing.cover.altRequired": "Anna kansikuvalle vaihtoehtoinen teksti.",
  "publishing.cover.unknown": "Kansikuvaa ei löydy tai se on jo käytössä. Lataa kuva uudelleen.",
  "publishing.body.imageAlt": "Jokaisella kuvalla pitää olla vaihtoehtoinen teksti: ![kuvaus](osoite).",
  "publishing.tags.invalid": "Aihetunnisteissa saa olla vain pieniä kirjaimia, numeroita ja yhdysmerkkejä.",
  "publishing.publishAt.past": "Julkaisuaika on jo mennyt. Valitse tuleva aika tai julkaise heti.",
  "publishing.feed.unknownTag": "Aihetta ”{tag}” ei ole. Katso aiheet blogin sivulta.",
  "publishing.feed.unknownLocale": "Tällä kielellä ei ole syötettä.",
  "publishing.feed.title": "Muutostoimiston blogi ja uutiset",
  "publishing.feed.description": "Uudistuksen valmistelun blogikirjoitukset ja uutiset",
  "publishing.locale.fi": "suomeksi",
  "publishing.locale.sv": "ruotsiksi",
  "publishing.locale.en": "englanniksi",
  "publishing.cover.tooLarge": "Kuva on liian suuri: enintään {limit}.",
  "publishing.cover.missing": "Valitse kuvatiedosto.",
  "publishing.cover.notImage": "Kansikuvan pitää olla JPEG-, PNG-, WebP- tai GIF-kuva.",
  "publishing.cover.unreadable": "Kuvaa ei voi lukea tai se on liian suuri.",
} as const;

export type PublishingMessageKey = keyof typeof publishingFi;

export const publishingSv: Catalog<PublishingMessageKey> = {
  ...publishingPagesSv,
  "audit.modules.publishing": "Publikationer",
  "publishing.author.required": "Ange skribenten: en person eller en gästskribent med namn.",
  "publishing.author.unknown": "Skribenten hittas inte.",
  "publishing.cover.altRequired": "Ge omslagsbilden en alternativ text.",
  "publishing.cover.unknown": "Omslagsbilden hittas inte eller används redan. Ladda upp bilden igen.",
  "publishing.body.imageAlt": "Varje bild måste ha en alternativ text: ![beskrivning](adress).",
  "publishing.tags.invalid": "Ämnesord får bara innehålla små bokstäver, siffror och bindestreck.",
  "publishing.publishAt.past": "Publiceringstiden har redan passerat. Välj en kommande tid eller publicera nu.",
  "publishing.feed.unknownTag": "Ämnet ”{tag}” finns inte. Se ämnena på bloggsidan.",
  "publishing.feed.unknownLocale": "Det finns inget flöde på det här språket.",
  "publishing.feed.title": "Förändringskontorets blogg och nyheter",
  "publishing.feed.description": "Bloggtexter och nyheter om reformens beredning",
  "publishing.locale.fi": "på finska",
  "publishing.locale.sv": "på svenska",
  "publishing.locale.en": "på engelska",
  "publishing.cover.tooLarge": "Bilden är för stor: högst {limit}.",
  "publishing.cover.missing": "Välj en bildfil.",
  "publishing.cover.notImage": "Omslagsbilden måste vara en JPEG-, PNG-, WebP- eller GIF-bild.",
  "publishing.cover.unreadable": "Bilden kan inte läsas eller är för stor.",
};

export const publishingEn: Catalog<PublishingMessageKey> = {
  ...publishingPagesEn,
  "audit.modules.publishing": "Publishing",
  "publishing.author.required": "Give the author: a person, or a guest author with a name.",
  "publishing.author.unknown": "The author cannot be found.",
  "publishing.cover.altRequired": "Give the cover image its alternative text.",
  "publishing.cover.unknown": "The cover image cannot be found or is already in use. Upload it again.",
  "publishing.body.imageAlt": "Every image needs its alternative text: ![description](address).",
  "publishing.tags.invalid": "Tags may hold only lower-case letters, digits and hyphens.",
  "publishing.publishAt.past": "The publishing time has already passed. Choose a time to come, or publish now.",
  "publishing.feed.unknownTag": "There is no topic “{tag}”. See the topics on the blog page.",
  "publishing.feed.unknownLocale": "There is no feed in this language.",
  "publishing.feed.title": "The reform office’s blog and news",
  "publishing.feed.description": "Blog posts and news on preparing the reform",
  "publishing.locale.fi": "in Finnish",
  "publishing.locale.sv": "in Swedish",
  "publishing.locale.en": "in English",
  "publishing.cover.tooLarge": "The image is too large: at most {limit}.",
  "publishing.cover.missing": "Choose an image file.",
  "publishing.cover.notImage": "The cover must be a JPEG, PNG, WebP or GIF image.",
  "publishing.cover.unreadable": "The image cannot be read or is too large.",
};

import type { Catalog } from "../i18n/catalog.ts";

/** The domain primitives' texts (money, paging, holidays). Finnish is the source of keys. */
export const primitivesFi = {
  "money.invalid": "Kirjoita summa numeroina, esimerkiksi 1 234,56.",
  "money.tooManyDecimals": "Summassa voi olla enintään kaksi desimaalia (senttiä), esimerkiksi 1 234,56.",
  "money.outOfRange": "Summa on liian suuri.",
  "money.negative": "Summa ei voi olla negatiivinen.",
  "money.tooSmall": "Summa on liian pieni.",

  "pagination.badCursor": "Sivutuslinkki on virheellinen tai vanhentunut. Aloita ensimmäiseltä sivulta.",
  "pagination.first": "Ensimmäinen sivu",
  "pagination.label": "Sivutus",

  "holidays.newYearsDay": "Uudenvuodenpäivä",
  "holidays.epiphany": "Loppiainen",
  "holidays.goodFriday": "Pitkäperjantai",
  "holidays.easterSunday": "Pääsiäispäivä",
  "holidays.easterMonday": "2. pääsiäispäivä",
  "holidays.mayDay": "Vappu",
  "holidays.ascensionDay": "Helatorstai",
  "holidays.whitSunday": "Helluntaipäivä",
  "holidays.midsummerEve": "Juhannusaatto",
  "holidays.midsummerDay": "Juhannuspäivä",
  "holidays.allSaintsDay": "Pyhäinpäivä",
  "holidays.independenceDay": "Itsenäisyyspäivä",
  "holidays.christmasEve": "Jouluaatto",
  "holidays.christmasDay": "Joulupäivä",
  "holidays.stStephensDay": "Tapaninpäivä",
} as const;

export type PrimitivesMessageKey = keyof typeof primitivesFi;

export const primitivesSv: Catalog<PrimitivesMessageKey> = {
  "money.invalid": "Skriv beloppet med siffror, till exempel 1 234,56.",
  "money.tooManyDecimals": "Beloppet kan ha högst två decimaler (cent), till exempel 1 234,56.",
  "money.outOfRange": "Beloppet är för stort.",
  "money.negative": "Beloppet kan inte vara negativt.",
  "money.tooSmall": "Beloppet är för litet.",

  "pagination.badCursor": "Sidlänken är felaktig eller föråldrad. Börja från första sidan.",
  "pagination.first": "Första sidan",
  "pagination.label": "Sidor",

  "holidays.newYearsDay": "Nyårsdagen",
  "holidays.epiphany": "Trettondagen",
  "holidays.goodFriday": "Långfredagen",
  "holidays.easterSunday": "Påskdagen",
  "holidays.easterMonday": "Annandag påsk",
  "holidays.mayDay": "Första maj",
  "holidays.ascensionDay": "Kristi himmelsfärdsdag",
  "holidays.whitSunday": "Pingstdagen",
  "holidays.midsummerEve": "Midsommarafton",
  "holidays.midsummerDay": "Midsommardagen",
  "holidays.allSaintsDay": "Alla helgons dag",
  "holidays.independenceDay": "Självständighetsdagen",
  "holidays.christmasEve": "Julafton",
  "holidays.christmasDay": "Juldagen",
  "holidays.stStephensDay": "Annandag jul",
};

export const primitivesEn: Catalog<PrimitivesMessageKey> = {
  "money.invalid": "Enter the amount in figures, for example 1234.56.",
  "money.tooManyDecimals": "An amount can have at most two decimals (cents), for example 1234.56.",
  "money.outOfRange": "The amount is too large.",
  "money.negative": "The amount cannot be negative.",
  "money.tooSmall": "The amount is too small.",

  "pagination.badCursor": "The page link is invalid or out of date. Start from the first page.",
  "pagination.first": "First page",
  "pagination.label": "Pages",

  "holidays.newYearsDay": "New Year's Day",
  "holidays.epiphany": "Epiphany",
  "holidays.goodFriday": "Good Friday",
  "holidays.easterSunday": "Easter Sunday",
  "holidays.easterMonday": "Easter Monday",
  "holidays.mayDay": "May Day",
  "holidays.ascensionDay": "Ascension Day",
  "holidays.whitSunday": "Whit Sunday",
  "holidays.midsummerEve": "Midsummer Eve",
  "holidays.midsummerDay": "Midsummer Day",
  "holidays.allSaintsDay": "All Saints' Day",
  "holidays.independenceDay": "Independence Day",
  "holidays.christmasEve": "Christmas Eve",
  "holidays.christmasDay": "Christmas Day",
  "holidays.stStephensDay": "St Stephen's Day",
};

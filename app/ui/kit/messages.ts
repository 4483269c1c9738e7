import type { Catalog } from "../../../src/i18n/catalog.ts";

/** The UI kit's own texts (tables, fields, charts). Finnish is the source of keys. */
export const kitFi = {
  "kit.table.sortAscending": "lajittele nousevaan järjestykseen",
  "kit.table.sortDescending": "lajittele laskevaan järjestykseen",
  "kit.table.sortedAscending": "lajiteltu nousevaan järjestykseen",
  "kit.table.sortedDescending": "lajiteltu laskevaan järjestykseen",
  "kit.table.pages": "{caption}: sivut",
  "kit.table.nextPage": "Seuraava sivu",
  "kit.table.previousPage": "Edellinen sivu",
  "kit.field.required": "pakollinen",
  "kit.chart.noValue": "ei arvoa",
  "kit.chart.noData": "Kaaviossa ei ole vielä lukuja.",
} as const;

export type KitMessageKey = keyof typeof kitFi;

export const kitSv: Catalog<KitMessageKey> = {
  "kit.table.sortAscending": "sortera i stigande ordning",
  "kit.table.sortDescending": "sortera i fallande ordning",
  "kit.table.sortedAscending": "sorterad i stigande ordning",
  "kit.table.sortedDescending": "sorterad i fallande ordning",
  "kit.table.pages": "{caption}: sidor",
  "kit.table.nextPage": "Nästa sida",
  "kit.table.previousPage": "Föregående sida",
  "kit.field.required": "obligatorisk",
  "kit.chart.noValue": "inget värde",
  "kit.chart.noData": "Diagrammet har ännu inga siffror.",
};

export const kitEn: Catalog<KitMessageKey> = {
  "kit.table.sortAscending": "sort ascending",
  "kit.table.sortDescending": "sort descending",
  "kit.table.sortedAscending": "sorted ascending",
  "kit.table.sortedDescending": "sorted descending",
  "kit.table.pages": "{caption}: pages",
  "kit.table.nextPage": "Next page",
  "kit.table.previousPage": "Previous page",
  "kit.field.required": "required",
  "kit.chart.noValue": "no value",
  "kit.chart.noData": "The chart has no numbers yet.",
};

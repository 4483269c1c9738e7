import type { OrganisationKind } from "../modules/people/schema.ts";

/** Organisations named in the seed documents (../shared/seeds), with their kinds. */
export const demoOrganisations: { name: string; kind: OrganisationKind }[] = [
  { name: "Kymenlaakson Liitto", kind: "region" },
  { name: "Kotkan kaupunki", kind: "municipality" },
  { name: "Kouvolan kaupunki", kind: "municipality" },
  { name: "Haminan kaupunki", kind: "municipality" },
  { name: "Carea – Kymenlaakson sairaanhoito- ja sosiaalipalvelujen kuntayhtymä", kind: "joint_authority" },
  { name: "Kaakkois-Suomen ELY-keskus", kind: "ely_centre" },
  { name: "Pohjois-Karjalan maakuntaliitto", kind: "region" },
  { name: "Pohjois-Karjalan ELY-keskus", kind: "ely_centre" },
  { name: "Siun sote – Pohjois-Karjalan sosiaali- ja terveyspalvelujen kuntayhtymä", kind: "joint_authority" },
  { name: "Joensuun kaupunki", kind: "municipality" },
  { name: "Kontiolahden kunta", kind: "municipality" },
  { name: "Valtimon kunta", kind: "municipality" },
  { name: "Tohmajärven kunta", kind: "municipality" },
  { name: "Pohjois-Pohjanmaan liitto", kind: "region" },
  { name: "Uudenmaan liitto", kind: "region" },
  { name: "Työ- ja elinkeinoministeriö", kind: "state_agency" },
  { name: "Aluekehittämisen konsulttitoimisto MDI", kind: "company" },
  { name: "Henkilöstöjärjestöjen yhteistyöjärjestö", kind: "association" },
];

/** Invented people (the brief asks for invented names) in the seeds' organisations. */
export const demoPeople: {
  name: string;
  email: string;
  role: "staff" | "member";
  title: string;
  organisation: string;
}[] = [
  {
    name: "Sanna Virtanen",
    email: "sanna.virtanen@uudistamo.example",
    role: "staff",
    title: "Valmistelija",
    organisation: "Kymenlaakson Liitto",
  },
  {
    name: "Mikko Laine",
    email: "mikko.laine@uudistamo.example",
    role: "staff",
    title: "Viestintäsuunnittelija",
    organisation: "Kymenlaakson Liitto",
  },
  {
    name: "Aino Heikkinen",
    email: "aino.heikkinen@uudistamo.example",
    role: "member",
    title: "Palvelujohtaja",
    organisation: "Kotkan kaupunki",
  },
  {
    name: "Juha Korhonen",
    email: "juha.korhonen@uudistamo.example",
    role: "member",
    title: "Kehitysjohtaja",
    organisation: "Haminan kaupunki",
  },
  {
    name: "Elina Nieminen",
    email: "elina.nieminen@uudistamo.example",
    role: "member",
    title: "Yksikön päällikkö",
    organisation: "Kaakkois-Suomen ELY-keskus",
  },
  {
    name: "Pekka Turunen",
    email: "pekka.turunen@uudistamo.example",
    role: "staff",
    title: "Suunnittelujohtaja",
    organisation: "Pohjois-Karjalan maakuntaliitto",
  },
  {
    name: "Laura Mäkelä",
    email: "laura.makela@uudistamo.example",
    role: "member",
    title: "Elinkeinopäällikkö",
    organisation: "Joensuun kaupunki",
  },
  {
    name: "Ville Hyvönen",
    email: "ville.hyvonen@uudistamo.example",
    role: "member",
    title: "Henkilöstön edustaja",
    organisation: "Henkilöstöjärjestöjen yhteistyöjärjestö",
  },
];

export const demoAdmin = {
  name: "Kaisa Lindqvist",
  email: "muutosjohtaja@uudistamo.example",
  title: "Muutosjohtaja",
  organisation: "Kymenlaakson Liitto",
};

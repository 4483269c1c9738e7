import type { Catalog } from "../../i18n/catalog.ts";

/** The deliverable templates' texts. Finnish is the source of keys; the other languages must match it. Keys keep the "groups." prefix they had when these were one module. */
export const templatesFi = {
  "audit.modules.templates": "Tuotospohjat",

  "groups.templates.title": "Tuotospohjat",
  "groups.templates.lead":
    "Pohja määrää tuotoksen osiot. Jokaisella osiolla on otsikko ja ohje siitä, mitä osioon kirjoitetaan, suomeksi ja tarvittaessa ruotsiksi ja englanniksi.",
  "groups.templates.none": "Pohjia ei ole.",
  "groups.templates.sectionCount": "{count, plural, one {# osio} other {# osiota}}",
  "groups.templates.builtIn": "Työtilan mukana tullut pohja",
  "groups.templates.new": "Uusi pohja",
  "groups.templates.create": "Luo pohja",
  "groups.templates.edit": "Muokkaa pohjaa: {name}",
  "groups.templates.saved": "Pohja tallennettu.",
  "groups.templates.nameIn": "Nimi {language}",
  "groups.templates.descriptionIn": "Kuvaus {language}",
  "groups.templates.section": "Osio {number}",
  "groups.templates.newSection": "Uusi osio",
  "groups.templates.titleIn": "Otsikko {language}",
  "groups.templates.guidanceIn": "Ohje {language}",
  "groups.templates.position": "Järjestysnumero",
  "groups.templates.removeSection": "Poista osio",
  "groups.templates.sectionsHint":
    "Tyhjiksi jätetyt uudet osiot ohitetaan. Tarvitsetko lisää osioita? Tallenna, niin lomakkeen loppuun tulee uusia tyhjiä osioita. Järjestysnumerolla voit siirtää osion toiseen kohtaan.",
  "groups.templates.languagesHint":
    "Ruotsin- ja englanninkieliset tekstit ovat valinnaisia: tyhjän tilalla käytetään suomenkielistä.",
  "groups.templates.copiesKept": "Muutokset koskevat uusia tuotoksia; jo tehdyt tuotokset säilyttävät omat osionsa.",
  "groups.in.fi": "suomeksi",
  "groups.in.sv": "ruotsiksi",
  "groups.in.en": "englanniksi",
} as const;

export type TemplatesMessageKey = keyof typeof templatesFi;

export const templatesSv: Catalog<TemplatesMessageKey> = {
  "audit.modules.templates": "Leveransmallar",

  "groups.templates.title": "Leveransmallar",
  "groups.templates.lead":
    "Mallen bestämmer leveransens avsnitt. Varje avsnitt har en rubrik och en anvisning om vad som ska skrivas i avsnittet, på finska och vid behov på svenska och engelska.",
  "groups.templates.none": "Det finns inga mallar.",
  "groups.templates.sectionCount": "{count, plural, one {# avsnitt} other {# avsnitt}}",
  "groups.templates.builtIn": "Mall som följer med arbetsrummet",
  "groups.templates.new": "Ny mall",
  "groups.templates.create": "Skapa mall",
  "groups.templates.edit": "Redigera mallen: {name}",
  "groups.templates.saved": "Mallen har sparats.",
  "groups.templates.nameIn": "Namn {language}",
  "groups.templates.descriptionIn": "Beskrivning {language}",
  "groups.templates.section": "Avsnitt {number}",
  "groups.templates.newSection": "Nytt avsnitt",
  "groups.templates.titleIn": "Rubrik {language}",
  "groups.templates.guidanceIn": "Anvisning {language}",
  "groups.templates.position": "Ordningsnummer",
  "groups.templates.removeSection": "Ta bort avsnittet",
  "groups.templates.sectionsHint":
    "Nya avsnitt som lämnas tomma hoppas över. Behöver du fler avsnitt? Spara, så kommer nya tomma avsnitt i slutet av formuläret. Med ordningsnumret kan du flytta ett avsnitt.",
  "groups.templates.languagesHint":
    "Texterna på svenska och engelska är frivilliga: i stället för en tom text används den finska.",
  "groups.templates.copiesKept":
    "Ändringarna gäller nya leveranser; redan skapade leveranser behåller sina egna avsnitt.",
  "groups.in.fi": "på finska",
  "groups.in.sv": "på svenska",
  "groups.in.en": "på engelska",
};

export const templatesEn: Catalog<TemplatesMessageKey> = {
  "audit.modules.templates": "Deliverable templates",

  "groups.templates.title": "Deliverable templates",
  "groups.templates.lead":
    "A template sets a deliverable's sections. Each section has a title and guidance on what to write in it, in Finnish and where needed in Swedish and English.",
  "groups.templates.none": "There are no templates.",
  "groups.templates.sectionCount": "{count, plural, one {# section} other {# sections}}",
  "groups.templates.builtIn": "Template that came with the workspace",
  "groups.templates.new": "New template",
  "groups.templates.create": "Create template",
  "groups.templates.edit": "Edit template: {name}",
  "groups.templates.saved": "Template saved.",
  "groups.templates.nameIn": "Name {language}",
  "groups.templates.descriptionIn": "Description {language}",
  "groups.templates.section": "Section {number}",
  "groups.templates.newSection": "New section",
  "groups.templates.titleIn": "Title {language}",
  "groups.templates.guidanceIn": "Guidance {language}",
  "groups.templates.position": "Order number",
  "groups.templates.removeSection": "Remove the section",
  "groups.templates.sectionsHint":
    "New sections left empty are skipped. Need more sections? Save, and new empty sections appear at the end of the form. Change the order number to move a section.",
  "groups.templates.languagesHint":
    "The Swedish and English texts are optional: an empty one is replaced by the Finnish.",
  "groups.templates.copiesKept": "Changes apply to new deliverables; existing deliverables keep their own sections.",
  "groups.in.fi": "in Finnish",
  "groups.in.sv": "in Swedish",
  "groups.in.en": "in English",
};

import type { Catalog } from "../../i18n/catalog.ts";

/** The programme timeline's texts (phases, milestones). Finnish is the source of keys; the other languages must match it. Keys keep the "groups." prefix they had when these were one module. */
export const programmeFi = {
  "audit.modules.programme": "Valmistelun aikataulu",

  "groups.endBeforeStart": "Päättymispäivän pitää olla alkamispäivänä tai sen jälkeen.",

  "groups.timeline.title": "Valmistelun aikataulu",
  "groups.timeline.lead": "Toimeenpanon vaiheet, välitavoitteet ja työryhmien tuotosten määräajat aikajärjestyksessä.",
  "groups.timeline.entries": "Aikajana",
  "groups.timeline.none": "Aikajanalla ei ole vielä päivättyjä tapahtumia.",
  "groups.timeline.date": "Päivämäärä",
  "groups.timeline.kind": "Laji",
  "groups.timeline.what": "Mitä",
  "groups.timeline.kind.phase": "Vaihe alkaa",
  "groups.timeline.kind.milestone": "Välitavoite",
  "groups.timeline.kind.deadline": "Tuotoksen määräaika",
  "groups.timeline.phases": "Toimeenpanon vaiheet",
  "groups.timeline.phase": "Vaihe",
  "groups.timeline.starts": "Alkaa",
  "groups.timeline.ends": "Päättyy",
  "groups.timeline.undecided": "Ei vielä päätetty",
  "groups.timeline.until": "päättyy {date}",
  "groups.timeline.addMilestone": "Lisää välitavoite",
  "groups.timeline.milestoneTitle": "Välitavoite",
  "groups.timeline.milestoneDescription": "Kuvaus",
  "groups.timeline.noPhase": "Ei mihinkään vaiheeseen",
  "groups.timeline.removeMilestone": "Poista välitavoite",
  "groups.timeline.editPhase": "Muokkaa vaihetta",
  "groups.timeline.savePhase": "Tallenna vaihe",
  "groups.timeline.newPhase": "Uusi vaihe",
  "groups.timeline.createPhase": "Lisää vaihe",
  "groups.timeline.manage": "Aikataulun ylläpito",
  "groups.timeline.saved": "Aikataulu päivitetty.",
} as const;

export type ProgrammeMessageKey = keyof typeof programmeFi;

export const programmeSv: Catalog<ProgrammeMessageKey> = {
  "audit.modules.programme": "Beredningens tidsplan",

  "groups.endBeforeStart": "Slutdatumet ska vara samma dag som startdatumet eller senare.",

  "groups.timeline.title": "Beredningens tidsplan",
  "groups.timeline.lead":
    "Genomförandets skeden, delmål och arbetsgruppernas tidsfrister för leveranser i tidsordning.",
  "groups.timeline.entries": "Tidslinje",
  "groups.timeline.none": "Tidslinjen har inga daterade händelser ännu.",
  "groups.timeline.date": "Datum",
  "groups.timeline.kind": "Typ",
  "groups.timeline.what": "Vad",
  "groups.timeline.kind.phase": "Skede börjar",
  "groups.timeline.kind.milestone": "Delmål",
  "groups.timeline.kind.deadline": "Leveransens tidsfrist",
  "groups.timeline.phases": "Genomförandets skeden",
  "groups.timeline.phase": "Skede",
  "groups.timeline.starts": "Börjar",
  "groups.timeline.ends": "Slutar",
  "groups.timeline.undecided": "Inte beslutat ännu",
  "groups.timeline.until": "slutar {date}",
  "groups.timeline.addMilestone": "Lägg till delmål",
  "groups.timeline.milestoneTitle": "Delmål",
  "groups.timeline.milestoneDescription": "Beskrivning",
  "groups.timeline.noPhase": "Inget skede",
  "groups.timeline.removeMilestone": "Ta bort delmålet",
  "groups.timeline.editPhase": "Redigera skedet",
  "groups.timeline.savePhase": "Spara skedet",
  "groups.timeline.newPhase": "Nytt skede",
  "groups.timeline.createPhase": "Lägg till skede",
  "groups.timeline.manage": "Underhåll av tidsplanen",
  "groups.timeline.saved": "Tidsplanen har uppdaterats.",
};

export const programmeEn: Catalog<ProgrammeMessageKey> = {
  "audit.modules.programme": "Preparation timeline",

  "groups.endBeforeStart": "The end date must be on or after the start date.",

  "groups.timeline.title": "Preparation timeline",
  "groups.timeline.lead":
    "The implementation phases, milestones and the working groups' deliverable deadlines in date order.",
  "groups.timeline.entries": "Timeline",
  "groups.timeline.none": "The timeline has no dated events yet.",
  "groups.timeline.date": "Date",
  "groups.timeline.kind": "Kind",
  "groups.timeline.what": "What",
  "groups.timeline.kind.phase": "Phase starts",
  "groups.timeline.kind.milestone": "Milestone",
  "groups.timeline.kind.deadline": "Deliverable deadline",
  "groups.timeline.phases": "Implementation phases",
  "groups.timeline.phase": "Phase",
  "groups.timeline.starts": "Starts",
  "groups.timeline.ends": "Ends",
  "groups.timeline.undecided": "Not decided yet",
  "groups.timeline.until": "ends {date}",
  "groups.timeline.addMilestone": "Add milestone",
  "groups.timeline.milestoneTitle": "Milestone",
  "groups.timeline.milestoneDescription": "Description",
  "groups.timeline.noPhase": "No phase",
  "groups.timeline.removeMilestone": "Remove milestone",
  "groups.timeline.editPhase": "Edit the phase",
  "groups.timeline.savePhase": "Save the phase",
  "groups.timeline.newPhase": "New phase",
  "groups.timeline.createPhase": "Add phase",
  "groups.timeline.manage": "Keeping the timeline",
  "groups.timeline.saved": "Timeline updated.",
};

import type { Catalog } from "../../i18n/catalog.ts";

/** Texts of the edit pages of secondments, grants, cost entries and ramp-down decisions. Finnish is the source of keys. */
export const editFi = {
  "commitments.edit.link": "Muokkaa",
  "commitments.edit.secondment": "Muokkaa henkilösiirtoa",
  "commitments.edit.secondmentLink": "Muokkaa henkilösiirtoa: {name}",
  "commitments.edit.everyone": "Kaikki henkilösiirrot",
  "commitments.edit.share": "Työajasta",
  "commitments.edit.period": "Kausi",
  "commitments.edit.grant": "Muokkaa avustusta",
  "commitments.edit.grantHint":
    "Kun tukikelpoisuuskausi tai määräpäivät muuttuvat, jokaisen kustannuksen tukikelpoisuus ratkaistaan uudelleen.",
  "commitments.edit.cost": "Muokkaa kustannusta",
  "commitments.edit.costLink": "Muokkaa kustannusta: {name}",
  "commitments.edit.costDecided":
    "Nyt: {rule} Tallennettaessa tukikelpoisuus ratkaistaan uudelleen näistä tiedoista ja avustuksen määräpäivistä.",
  "commitments.edit.saveCost": "Tallenna kustannus",
  "commitments.edit.decision": "Muokkaa päätöstä",
  "commitments.edit.decisionLink": "Muokkaa päätöstä: {name}",
  "commitments.edit.saveDecision": "Tallenna päätös",
} as const;

export type EditMessageKey = keyof typeof editFi;

export const editSv: Catalog<EditMessageKey> = {
  "commitments.edit.link": "Redigera",
  "commitments.edit.secondment": "Redigera personalöverföringen",
  "commitments.edit.secondmentLink": "Redigera personalöverföringen: {name}",
  "commitments.edit.everyone": "Alla personalöverföringar",
  "commitments.edit.share": "Av arbetstiden",
  "commitments.edit.period": "Period",
  "commitments.edit.grant": "Redigera understödet",
  "commitments.edit.grantHint":
    "När stödperioden eller skäringsdagarna ändras avgörs varje kostnads stödberättigande på nytt.",
  "commitments.edit.cost": "Redigera kostnaden",
  "commitments.edit.costLink": "Redigera kostnaden: {name}",
  "commitments.edit.costDecided":
    "Nu: {rule} När den sparas avgörs stödberättigandet på nytt utifrån dessa uppgifter och understödets skäringsdagar.",
  "commitments.edit.saveCost": "Spara kostnaden",
  "commitments.edit.decision": "Redigera beslutet",
  "commitments.edit.decisionLink": "Redigera beslutet: {name}",
  "commitments.edit.saveDecision": "Spara beslutet",
};

export const editEn: Catalog<EditMessageKey> = {
  "commitments.edit.link": "Edit",
  "commitments.edit.secondment": "Edit the secondment",
  "commitments.edit.secondmentLink": "Edit the secondment: {name}",
  "commitments.edit.everyone": "All secondments",
  "commitments.edit.share": "Of working time",
  "commitments.edit.period": "Period",
  "commitments.edit.grant": "Edit the grant",
  "commitments.edit.grantHint":
    "When the eligibility period or the cut-off dates change, every cost entry's eligibility is decided again.",
  "commitments.edit.cost": "Edit the cost entry",
  "commitments.edit.costLink": "Edit the cost entry: {name}",
  "commitments.edit.costDecided":
    "Now: {rule} When saved, its eligibility is decided again from these facts and the grant's cut-off dates.",
  "commitments.edit.saveCost": "Save the cost entry",
  "commitments.edit.decision": "Edit the decision",
  "commitments.edit.decisionLink": "Edit the decision: {name}",
  "commitments.edit.saveDecision": "Save the decision",
};

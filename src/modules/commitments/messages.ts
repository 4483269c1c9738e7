import type { Catalog } from "../../i18n/catalog.ts";
import { finalEn, finalFi, finalSv } from "./messages-final.ts";
import { registerIoEn, registerIoFi, registerIoSv } from "./messages-register-io.ts";

/** The commitments module's texts (the contract register). Finnish is the source of keys. */
export const commitmentsFi = {
  ...finalFi,
  ...registerIoFi,
  "audit.modules.commitments": "Sitoumukset",

  "commitments.type.contract": "Sopimus",
  "commitments.type.framework_agreement": "Puitesopimus",
  "commitments.type.secondment_agreement": "Virka-/työvapaasopimus (siirto)",
  "commitments.type.cooperation_agreement": "Yhteistyösopimus",
  "commitments.type.procurement": "Hankinta",
  "commitments.type.lease": "Vuokrasopimus",
  "commitments.type.licence": "Lisenssi",
  "commitments.type.unknown": "Valitse sopimustyyppi luettelosta.",

  "commitments.status.draft": "Luonnos",
  "commitments.status.active": "Voimassa",
  "commitments.status.ending": "Päättymässä",
  "commitments.status.ended": "Päättynyt",

  "commitments.confidentiality.public": "Julkinen",
  "commitments.confidentiality.confidential": "Salassa pidettävä",

  "commitments.partyRole.buyer": "Tilaaja",
  "commitments.partyRole.supplier": "Toimittaja",
  "commitments.partyRole.partner": "Kumppani",
  "commitments.partyRole.funder": "Rahoittaja",
  "commitments.partyRole.lessor": "Vuokranantaja",
  "commitments.partyRole.lessee": "Vuokralainen",
  "commitments.partyRole.licensor": "Lisenssinantaja",
  "commitments.partyRole.licensee": "Lisenssinsaaja",
  "commitments.partyRole.other": "Muu",

  "commitments.noticeUnit.months": "kuukautta",
  "commitments.noticeUnit.days": "päivää",

  "commitments.documentKind.signed": "Allekirjoitettu sopimus",
  "commitments.documentKind.annex": "Liite",

  "commitments.reminderKind.start": "Alkamispäivä",
  "commitments.reminderKind.end": "Päättymispäivä",
  "commitments.reminderKind.option_end": "Optiokauden päättyminen",
  "commitments.reminderKind.notice_deadline": "Irtisanomisen määräpäivä",

  "commitments.date.invalid": "Kirjoita päivämäärä muodossa VVVV-KK-PP (päivän on oltava olemassa).",
  "commitments.period.endBeforeStart": "Päättymispäivä ei voi olla ennen alkamispäivää.",
  "commitments.contract.endBeforeStart": "Päättymispäivä ei voi olla ennen alkamispäivää {start}.",
  "commitments.contract.endRequired": "Anna päättymispäivä tai merkitse sopimus toistaiseksi voimassa olevaksi.",
  "commitments.contract.openEndedWithEnd": "Toistaiseksi voimassa olevalla sopimuksella ei ole päättymispäivää.",
  "commitments.contract.noticeLongerThanContract":
    "Irtisanomisaika on pidempi kuin sopimuskausi: irtisanominen olisi tehtävä {deadline}, ennen sopimuksen alkua {start}.",
  "commitments.contract.numberTaken": "Kansiossa on jo sopimus numerolla {number}.",
  "commitments.contract.groundRequired": "Kerro salassapidon peruste, esimerkiksi ”JulkL 24 § 1 mom. 17 k”.",
  "commitments.contract.groundOnlyConfidential":
    "Salassapidon peruste annetaan vain salassa pidettävälle sopimukselle.",
  "commitments.contract.folderNotFound": "Kansiota ei löydy.",
  "commitments.contract.masterNotFound": "Pääsopimusta ei löydy.",
  "commitments.contract.masterSelf": "Sopimus ei voi olla oma pääsopimuksensa.",
  "commitments.contract.masterCycle": "Pääsopimus ei voi olla tämän sopimuksen alasopimus.",
  "commitments.contract.deputyIsResponsible": "Vastuuhenkilö ei voi olla myös varahenkilö.",
  "commitments.contract.deputyTwice": "Sama henkilö on varahenkilönä kahdesti.",
  "commitments.person.notFound": "Henkilöä ei löydy.",
  "commitments.folder.nameTaken": "Samanniminen kansio on jo olemassa.",
  "commitments.party.businessIdInvalid":
    "Y-tunnus on muotoa 1234567-8 ja sen viimeinen numero on tarkiste; tarkista tunnus.",
  "commitments.party.roleUnknown": "Valitse osapuolen rooli luettelosta.",
  "commitments.party.organisationNotFound": "Organisaatiota ei löydy.",
  "commitments.metadata.tooMany": "Lisätietoja voi olla enintään 50.",
  "commitments.document.kindUnknown": "Valitse, onko asiakirja allekirjoitettu sopimus vai liite.",
  "commitments.file.missing": "Valitse tiedosto.",
  "commitments.file.typeRefused":
    "Tiedoston on oltava PDF tai Office-asiakirja (docx, xlsx, pptx, odt, ods, odp). Tyyppi luetaan tiedoston sisällöstä.",
  "commitments.file.tooLarge": "Tiedosto on liian suuri (enintään {limit}).",
} as const;

export type CommitmentsMessageKey = keyof typeof commitmentsFi;

export const commitmentsSv: Catalog<CommitmentsMessageKey> = {
  ...finalSv,
  ...registerIoSv,
  "audit.modules.commitments": "Åtaganden",

  "commitments.type.contract": "Avtal",
  "commitments.type.framework_agreement": "Ramavtal",
  "commitments.type.secondment_agreement": "Avtal om utlåning av personal",
  "commitments.type.cooperation_agreement": "Samarbetsavtal",
  "commitments.type.procurement": "Upphandling",
  "commitments.type.lease": "Hyresavtal",
  "commitments.type.licence": "Licens",
  "commitments.type.unknown": "Välj avtalstyp i listan.",

  "commitments.status.draft": "Utkast",
  "commitments.status.active": "Gällande",
  "commitments.status.ending": "Upphör",
  "commitments.status.ended": "Upphört",

  "commitments.confidentiality.public": "Offentligt",
  "commitments.confidentiality.confidential": "Sekretessbelagt",

  "commitments.partyRole.buyer": "Beställare",
  "commitments.partyRole.supplier": "Leverantör",
  "commitments.partyRole.partner": "Partner",
  "commitments.partyRole.funder": "Finansiär",
  "commitments.partyRole.lessor": "Hyresvärd",
  "commitments.partyRole.lessee": "Hyresgäst",
  "commitments.partyRole.licensor": "Licensgivare",
  "commitments.partyRole.licensee": "Licenstagare",
  "commitments.partyRole.other": "Annan",

  "commitments.noticeUnit.months": "månader",
  "commitments.noticeUnit.days": "dagar",

  "commitments.documentKind.signed": "Undertecknat avtal",
  "commitments.documentKind.annex": "Bilaga",

  "commitments.reminderKind.start": "Startdag",
  "commitments.reminderKind.end": "Slutdag",
  "commitments.reminderKind.option_end": "Optionsperiodens slut",
  "commitments.reminderKind.notice_deadline": "Sista dag för uppsägning",

  "commitments.date.invalid": "Skriv datumet i formen ÅÅÅÅ-MM-DD (dagen måste finnas).",
  "commitments.period.endBeforeStart": "Slutdagen kan inte vara före startdagen.",
  "commitments.contract.endBeforeStart": "Slutdagen kan inte vara före startdagen {start}.",
  "commitments.contract.endRequired": "Ange slutdag eller markera avtalet som gällande tills vidare.",
  "commitments.contract.openEndedWithEnd": "Ett avtal som gäller tills vidare har ingen slutdag.",
  "commitments.contract.noticeLongerThanContract":
    "Uppsägningstiden är längre än avtalsperioden: uppsägningen borde göras {deadline}, före avtalets start {start}.",
  "commitments.contract.numberTaken": "Mappen har redan ett avtal med numret {number}.",
  "commitments.contract.groundRequired": "Ange grunden för sekretess, till exempel ”OffL 24 § 1 mom. 17 p.”.",
  "commitments.contract.groundOnlyConfidential": "Grunden för sekretess anges bara för ett sekretessbelagt avtal.",
  "commitments.contract.folderNotFound": "Mappen finns inte.",
  "commitments.contract.masterNotFound": "Huvudavtalet finns inte.",
  "commitments.contract.masterSelf": "Ett avtal kan inte vara sitt eget huvudavtal.",
  "commitments.contract.masterCycle": "Huvudavtalet kan inte vara ett underavtal till det här avtalet.",
  "commitments.contract.deputyIsResponsible": "Den ansvariga personen kan inte också vara ersättare.",
  "commitments.contract.deputyTwice": "Samma person är ersättare två gånger.",
  "commitments.person.notFound": "Personen finns inte.",
  "commitments.folder.nameTaken": "Det finns redan en mapp med samma namn.",
  "commitments.party.businessIdInvalid":
    "FO-numret har formen 1234567-8 och den sista siffran är en kontrollsiffra; kontrollera numret.",
  "commitments.party.roleUnknown": "Välj partens roll i listan.",
  "commitments.party.organisationNotFound": "Organisationen finns inte.",
  "commitments.metadata.tooMany": "Det kan finnas högst 50 tilläggsuppgifter.",
  "commitments.document.kindUnknown": "Välj om dokumentet är det undertecknade avtalet eller en bilaga.",
  "commitments.file.missing": "Välj en fil.",
  "commitments.file.typeRefused":
    "Filen måste vara en PDF eller ett Office-dokument (docx, xlsx, pptx, odt, ods, odp). Typen läses från filens innehåll.",
  "commitments.file.tooLarge": "Filen är för stor (högst {limit}).",
};

export const commitmentsEn: Catalog<CommitmentsMessageKey> = {
  ...finalEn,
  ...registerIoEn,
  "audit.modules.commitments": "Commitments",

  "commitments.type.contract": "Contract",
  "commitments.type.framework_agreement": "Framework agreement",
  "commitments.type.secondment_agreement": "Secondment agreement",
  "commitments.type.cooperation_agreement": "Cooperation agreement",
  "commitments.type.procurement": "Procurement",
  "commitments.type.lease": "Lease",
  "commitments.type.licence": "Licence",
  "commitments.type.unknown": "Choose the contract type from the list.",

  "commitments.status.draft": "Draft",
  "commitments.status.active": "Active",
  "commitments.status.ending": "Ending",
  "commitments.status.ended": "Ended",

  "commitments.confidentiality.public": "Public",
  "commitments.confidentiality.confidential": "Confidential",

  "commitments.partyRole.buyer": "Buyer",
  "commitments.partyRole.supplier": "Supplier",
  "commitments.partyRole.partner": "Partner",
  "commitments.partyRole.funder": "Funder",
  "commitments.partyRole.lessor": "Lessor",
  "commitments.partyRole.lessee": "Lessee",
  "commitments.partyRole.licensor": "Licensor",
  "commitments.partyRole.licensee": "Licensee",
  "commitments.partyRole.other": "Other",

  "commitments.noticeUnit.months": "months",
  "commitments.noticeUnit.days": "days",

  "commitments.documentKind.signed": "Signed contract",
  "commitments.documentKind.annex": "Annex",

  "commitments.reminderKind.start": "Start date",
  "commitments.reminderKind.end": "End date",
  "commitments.reminderKind.option_end": "End of an option period",
  "commitments.reminderKind.notice_deadline": "Notice deadline",

  "commitments.date.invalid": "Enter the date as YYYY-MM-DD (the day must exist).",
  "commitments.period.endBeforeStart": "The end date cannot be before the start date.",
  "commitments.contract.endBeforeStart": "The end date cannot be before the start date {start}.",
  "commitments.contract.endRequired": "Give an end date or mark the contract as open-ended.",
  "commitments.contract.openEndedWithEnd": "An open-ended contract has no end date.",
  "commitments.contract.noticeLongerThanContract":
    "The notice period is longer than the contract: notice would have to be given by {deadline}, before the contract starts on {start}.",
  "commitments.contract.numberTaken": "The folder already has a contract numbered {number}.",
  "commitments.contract.groundRequired":
    "Give the legal ground for confidentiality, for example “JulkL 24 § 1 mom. 17 k”.",
  "commitments.contract.groundOnlyConfidential": "A legal ground is given only for a confidential contract.",
  "commitments.contract.folderNotFound": "The folder does not exist.",
  "commitments.contract.masterNotFound": "The master contract does not exist.",
  "commitments.contract.masterSelf": "A contract cannot be its own master contract.",
  "commitments.contract.masterCycle": "The master contract cannot be a call-off of this contract.",
  "commitments.contract.deputyIsResponsible": "The responsible person cannot also be a deputy.",
  "commitments.contract.deputyTwice": "The same person is a deputy twice.",
  "commitments.person.notFound": "The person does not exist.",
  "commitments.folder.nameTaken": "A folder with the same name exists already.",
  "commitments.party.businessIdInvalid":
    "A business ID (Y-tunnus) is written 1234567-8 and its last digit is a check digit; check the ID.",
  "commitments.party.roleUnknown": "Choose the party's role from the list.",
  "commitments.party.organisationNotFound": "The organisation does not exist.",
  "commitments.metadata.tooMany": "There can be at most 50 metadata entries.",
  "commitments.document.kindUnknown": "Choose whether the document is the signed contract or an annex.",
  "commitments.file.missing": "Choose a file.",
  "commitments.file.typeRefused":
    "The file must be a PDF or an Office document (docx, xlsx, pptx, odt, ods, odp). Its type is read from its content.",
  "commitments.file.tooLarge": "The file is too large (at most {limit}).",
};

import type { Catalog } from "../../../i18n/catalog.ts";
import { interpolate, type MessageParams } from "../../../i18n/interpolate.ts";
import type { Locale } from "../../../i18n/locale.ts";

/**
 * The incentive engine's texts: the model's validation messages (each names its
 * field), the settlement's input errors, the rules' names and the steps'
 * sentences. Finnish is the source of keys. The alliances module's module.ts
 * merges these into its catalog (`messages: { fi: { ...own, ...incentiveFi } … }`);
 * until then `incentiveText` reads them directly.
 *
 * Step placeholders are the step's input names and {result}; the values come
 * formatted for the language (steps.ts formatStepValue).
 */
export const incentiveFi = {
  // The model's fields
  "alliances.model.version": "Mallin version numeron pitää olla kokonaisluku 1 tai suurempi.",
  "alliances.model.validFrom": "Anna mallin voimaantulopäivä muodossa VVVV-KK-PP.",
  "alliances.model.year": "Vuoden pitää olla kokonaisluku väliltä 1900–2200.",
  "alliances.model.yearsRequired": "Anna mallille vähintään yksi vuosi tavoitekustannuksineen (enintään 50).",
  "alliances.model.yearsOrder": "Mallin vuosien pitää olla nousevassa järjestyksessä, kukin vain kerran.",
  "alliances.model.baseTargetNegative": "Vuoden tavoitekustannus ei voi olla negatiivinen.",
  "alliances.model.index": "Indeksikorjauksen osoittajan ja nimittäjän pitää olla positiivisia kokonaislukuja.",
  "alliances.model.adjustmentYear": "Tavoitekustannuksen muutoksen vuoden pitää olla jokin mallin vuosista.",
  "alliances.model.adjustmentReason": "Kirjoita tavoitekustannuksen muutoksen peruste (enintään 200 merkkiä).",
  "alliances.model.adjustmentApprovedOn": "Anna tavoitekustannuksen muutoksen hyväksymispäivä muodossa VVVV-KK-PP.",
  "alliances.model.bandsRequired": "Anna hyödyn ja kivun jaolle 1–20 porrasta.",
  "alliances.model.bandLimit":
    "Jakoportaan rajan pitää olla kokonaisluku peruspisteinä tavoitekustannuksesta (1–1 000 000).",
  "alliances.model.bandsOrder":
    "Jakoportaiden rajojen pitää kasvaa järjestyksessä, ja vain viimeinen porras jatkuu loppuun asti ilman ylärajaa.",
  "alliances.model.bandShare": "Jakoportaan palveluntuottajien osuuden pitää olla 0–100 % (0–10 000 peruspistettä).",
  "alliances.model.capKind": "Valitse katon laji.",
  "alliances.model.gainCapNegative": "Hyötykatto ei voi olla negatiivinen.",
  "alliances.model.painCapNegative": "Kipukatto ei voi olla negatiivinen.",
  "alliances.model.annualGainCap":
    "Vuosittaisen hyötykaton pitää olla 0–100 % tavoitekustannuksesta (0–10 000 peruspistettä).",
  "alliances.model.partyId": "Valitse osapuoli.",
  "alliances.model.share": "Osapuolen osuuden pitää olla 0–100 % (0–10 000 peruspistettä).",
  "alliances.model.providerSharesSum": "Palveluntuottajien osuuksien summan pitää olla tasan 100 %.",
  "alliances.model.ownerSharesSum": "Tilaajien osuuksien summan pitää olla tasan 100 %.",
  "alliances.model.partyTwice": "Sama osapuoli on jaossa kahdesti.",
  "alliances.model.kraKind": "Valitse avaintulosalueiden kannustimen laji.",
  "alliances.model.kraAreasRequired": "Anna vähintään yksi avaintulosalue.",
  "alliances.model.kraMeasuresRequired": "Anna avaintulosalueelle vähintään yksi mittari.",
  "alliances.model.kraId": "Avaintulosalueen tai mittarin tunniste puuttuu.",
  "alliances.model.kraIdTwice": "Sama avaintulosalueen tai mittarin tunniste on kahdesti.",
  "alliances.model.kraName": "Kirjoita avaintulosalueen tai mittarin nimi (enintään 200 merkkiä).",
  "alliances.model.kraWeight": "Painon pitää olla 0–100 % (0–10 000 peruspistettä).",
  "alliances.model.kraAreaWeightsSum": "Avaintulosalueiden painojen summan pitää olla tasan 100 %.",
  "alliances.model.kraMeasureWeightsSum": "Avaintulosalueen mittarien painojen summan pitää olla tasan 100 %.",
  "alliances.model.kraLevel": "Kirjoita mittarin taso numeroina, esimerkiksi 78,5.",
  "alliances.model.kraLevelsOrder":
    "Mittarin tasojen pitää olla järjestyksessä heikko, tavoite, erinomainen (joko nousevasti tai laskevasti).",
  "alliances.model.kraPoolNegative": "Avaintulosalueiden kannustinpotti ei voi olla negatiivinen.",
  "alliances.model.kraPoints": "Kirjoita luvatut pisteet numeroina, esimerkiksi 76.",
  "alliances.model.kraRate": "Bonus- ja sanktiokertoimen pitää olla 0–10 000 peruspistettä pistettä kohden.",

  // Settlement input
  "alliances.settle.yearNotInModel": "Kannustinmallissa ei ole tätä vuotta.",
  "alliances.settle.yearsInOrder":
    "Vuodet lasketaan järjestyksessä mallin ensimmäisestä vuodesta alkaen ilman aukkoja.",
  "alliances.settle.pointsMissing": "Anna vuoden arvioidut laatupisteet.",
  "alliances.settle.measureMissing": "Anna jokaisen mittarin tulos.",
  "alliances.settle.carriedInNegative": "Edelliseltä vuodelta siirtyvä hyöty ei voi olla negatiivinen.",

  // Rules
  "alliances.rule.rounding": "Pyöristys ja jako",
  "alliances.rule.target": "Tavoitekustannus",
  "alliances.rule.adjustments": "Hyväksytyt tavoitekustannuksen muutokset",
  "alliances.rule.index": "Indeksikorjaus",
  "alliances.rule.actual": "Toteutuneet kustannukset (avoimet kirjat)",
  "alliances.rule.outsideTarget": "Tavoitekustannuksen ulkopuoliset kustannukset",
  "alliances.rule.difference": "Tavoitteen ja toteuman erotus",
  "alliances.rule.gainShare": "Hyödyn jakoportaat",
  "alliances.rule.painShare": "Kivun jakoportaat",
  "alliances.rule.gainCap": "Hyötykatto",
  "alliances.rule.painCap": "Kipukatto",
  "alliances.rule.ownersSide": "Tilaajien osuus hyödystä tai kivusta",
  "alliances.rule.annualGainCap": "Vuosittainen hyötykatto",
  "alliances.rule.carryOver": "Siirto seuraavalle vuodelle",
  "alliances.rule.kraNone": "Ei avaintulosaluekannustinta",
  "alliances.rule.kraPool": "Avaintulosalueiden kannustinpotti",
  "alliances.rule.kraPerPoint": "Bonus tai sanktio pisteeltä",
  "alliances.rule.ownersPayment": "Tilaajien maksu",
  "alliances.rule.providersSplit": "Jako palveluntuottajien kesken",
  "alliances.rule.ownersSplit": "Jako tilaajien kesken",

  // Steps
  "alliances.step.rounding":
    "Jokainen summan ja osuuden, kertoimen tai prosentin tulo pyöristetään kerran sentteihin, puoli senttiä nollasta poispäin. Osapuolten kesken jaettaessa kukin saa osuutensa alaspäin pyöristettynä, ja jäljelle jääneet sentit jaetaan yksi kerrallaan suurimmille jakojäännöksille (tasatilanteessa mallissa ensimmäiselle), joten osat ovat yhteensä täsmälleen jaettava summa.",
  "alliances.step.baseTarget": "Vuoden {year} sovittu tavoitekustannus on {result}.",
  "alliances.step.adjustments":
    "Hyväksyttyjä muutoksia {count} kpl, yhteensä {adjustments}: {base} + {adjustments} = {result}.",
  "alliances.step.index": "Indeksikorjaus: {adjusted} × {factor} = {result}.",
  "alliances.step.reimbursed":
    "Tavoitteeseen luettavat korvattavat kustannukset ({count, plural, one {# kirjaus} other {# kirjausta}}): {result}.",
  "alliances.step.fee": "Palveluntuottajien palkkio ({count, plural, one {# kirjaus} other {# kirjausta}}): {result}.",
  "alliances.step.actual": "Toteutunut kustannus: korvattavat kustannukset {reimbursed} + palkkio {fee} = {result}.",
  "alliances.step.outsideTarget":
    "Tavoitteen ulkopuoliset kustannukset ({count, plural, one {# kirjaus} other {# kirjausta}}) {result} eivät vaikuta laskelmaan.",
  "alliances.step.differenceGain": "Tavoite {target} − toteuma {actual} = {result}: tavoite alittui, hyötyä {gain}.",
  "alliances.step.differencePain": "Tavoite {target} − toteuma {actual} = {result}: tavoite ylittyi, kipua {pain}.",
  "alliances.step.differenceNone": "Tavoite {target} − toteuma {actual} = {result}: toteuma osui tavoitteeseen.",
  "alliances.step.band": "Porras {band} ({from}–{to} tavoitteesta): {amount} × {share} = {result}.",
  "alliances.step.bandOpen": "Porras {band} ({from} tavoitteesta eteenpäin): {amount} × {share} = {result}.",
  "alliances.step.providersShare": "Palveluntuottajien osuus portaiden mukaan yhteensä: {result}.",
  "alliances.step.gainCap":
    "Hyötykatto {cap}: palveluntuottajien hyöty on pienempi luvuista {share} ja {cap} eli {result}.",
  "alliances.step.noGainCap": "Hyötykattoa ei ole: palveluntuottajien hyöty on {result}.",
  "alliances.step.painCap":
    "Kipukatto {cap}: palveluntuottajien kipu on pienempi luvuista {share} ja {cap} eli {result}.",
  "alliances.step.painCapFee":
    "Kipukatto on palveluntuottajien palkkio {cap}: palveluntuottajien kipu on pienempi luvuista {share} ja {cap} eli {result}.",
  "alliances.step.noPainCap": "Kipukattoa ei ole: palveluntuottajien kipu on {result}.",
  "alliances.step.ownersGain": "Tilaajille jää hyödystä {gain} − {providers} = {result}.",
  "alliances.step.ownersPain": "Tilaajat kantavat kivusta {pain} − {providers} = {result}.",
  "alliances.step.annualCap":
    "Vuoden kannustin {share} + edelliseltä vuodelta siirtynyt {carriedIn} = {total}; vuosikatto {capShare} tavoitteesta on {cap}, joten maksetaan {result}.",
  "alliances.step.annualCapLastYear":
    "Viimeisenä vuonna ei ole vuosikattoa: vuoden kannustin {share} + edelliseltä vuodelta siirtynyt {carriedIn} = {result} maksetaan.",
  "alliances.step.noAnnualCap": "Vuoden kannustin {share} + edelliseltä vuodelta siirtynyt {carriedIn} = {result}.",
  "alliances.step.carryOver": "Seuraavalle vuodelle siirtyy {total} − {paid} = {result}.",
  "alliances.step.kraNone": "Mallissa ei ole avaintulosaluekannustinta: {result}.",
  "alliances.step.kraMeasure":
    "{measure}: tulos {value} (lähtötaso {baseline}; heikko {poor}, tavoite {target}, erinomainen {outstanding}) antaa {result} pistettä (−100…+100).",
  "alliances.step.kraArea": "Avaintulosalue {area} (paino {weight}): painotettu pistemäärä {result}.",
  "alliances.step.kraScore": "Avaintulosalueiden painotettu pistemäärä yhteensä: {result}.",
  "alliances.step.kraPool": "Kannustinpotti {pool} × {score} / 100 = {result}.",
  "alliances.step.kraBonus":
    "Bonus {rate} × (saavutetut {achieved} − luvatut {promised} pistettä = {difference}) × tavoite {target} = {result}.",
  "alliances.step.kraSanction":
    "Sanktio {rate} × (saavutetut {achieved} − luvatut {promised} pistettä = {difference}) × tavoite {target} = {result}.",
  "alliances.step.ownersPayment":
    "Tilaajat maksavat: korvattavat kustannukset {reimbursed} + palkkio {fee} + palveluntuottajien hyöty {gain} − palveluntuottajien kipu {pain} + avaintulosaluekannustin {kra} = {result}.",
  "alliances.step.providerPart":
    "{party} ({share}): kannustimesta {incentive} osuus {incentivePart} ja avaintulosaluekannustimesta {kra} osuus {kraPart}, yhteensä {result}.",
  "alliances.step.ownerPart": "{party} ({share}) maksaa summasta {payment} osuuden {result}.",
} as const;

export type IncentiveMessageKey = keyof typeof incentiveFi;
export type RuleKey = Extract<IncentiveMessageKey, `alliances.rule.${string}`>;
export type StepTextKey = Extract<IncentiveMessageKey, `alliances.step.${string}`>;

export const incentiveSv: Catalog<IncentiveMessageKey> = {
  "alliances.model.version": "Modellens versionsnummer ska vara ett heltal 1 eller större.",
  "alliances.model.validFrom": "Ange modellens ikraftträdandedag i formen ÅÅÅÅ-MM-DD.",
  "alliances.model.year": "Året ska vara ett heltal mellan 1900 och 2200.",
  "alliances.model.yearsRequired": "Ange minst ett år med målkostnad för modellen (högst 50).",
  "alliances.model.yearsOrder": "Modellens år ska vara i stigande ordning, vart och ett bara en gång.",
  "alliances.model.baseTargetNegative": "Årets målkostnad kan inte vara negativ.",
  "alliances.model.index": "Indexjusteringens täljare och nämnare ska vara positiva heltal.",
  "alliances.model.adjustmentYear": "Året för ändringen av målkostnaden ska vara ett av modellens år.",
  "alliances.model.adjustmentReason": "Skriv grunden för ändringen av målkostnaden (högst 200 tecken).",
  "alliances.model.adjustmentApprovedOn": "Ange dagen då ändringen av målkostnaden godkändes i formen ÅÅÅÅ-MM-DD.",
  "alliances.model.bandsRequired": "Ange 1–20 steg för delningen av vinst och förlust.",
  "alliances.model.bandLimit": "Stegets gräns ska vara ett heltal i baspunkter av målkostnaden (1–1 000 000).",
  "alliances.model.bandsOrder":
    "Stegens gränser ska växa i ordning, och bara det sista steget fortsätter till slutet utan övre gräns.",
  "alliances.model.bandShare": "Leverantörernas andel i steget ska vara 0–100 % (0–10 000 baspunkter).",
  "alliances.model.capKind": "Välj typ av tak.",
  "alliances.model.gainCapNegative": "Vinsttaket kan inte vara negativt.",
  "alliances.model.painCapNegative": "Förlusttaket kan inte vara negativt.",
  "alliances.model.annualGainCap": "Det årliga vinsttaket ska vara 0–100 % av målkostnaden (0–10 000 baspunkter).",
  "alliances.model.partyId": "Välj part.",
  "alliances.model.share": "Partens andel ska vara 0–100 % (0–10 000 baspunkter).",
  "alliances.model.providerSharesSum": "Leverantörernas andelar ska tillsammans vara exakt 100 %.",
  "alliances.model.ownerSharesSum": "Beställarnas andelar ska tillsammans vara exakt 100 %.",
  "alliances.model.partyTwice": "Samma part finns två gånger i fördelningen.",
  "alliances.model.kraKind": "Välj typ av incitament för nyckelresultatområdena.",
  "alliances.model.kraAreasRequired": "Ange minst ett nyckelresultatområde.",
  "alliances.model.kraMeasuresRequired": "Ange minst en mätare för nyckelresultatområdet.",
  "alliances.model.kraId": "Nyckelresultatområdets eller mätarens id saknas.",
  "alliances.model.kraIdTwice": "Samma id för nyckelresultatområde eller mätare finns två gånger.",
  "alliances.model.kraName": "Skriv nyckelresultatområdets eller mätarens namn (högst 200 tecken).",
  "alliances.model.kraWeight": "Vikten ska vara 0–100 % (0–10 000 baspunkter).",
  "alliances.model.kraAreaWeightsSum": "Nyckelresultatområdenas vikter ska tillsammans vara exakt 100 %.",
  "alliances.model.kraMeasureWeightsSum":
    "Vikterna för nyckelresultatområdets mätare ska tillsammans vara exakt 100 %.",
  "alliances.model.kraLevel": "Skriv mätarens nivå med siffror, till exempel 78,5.",
  "alliances.model.kraLevelsOrder":
    "Mätarens nivåer ska vara i ordningen svag, mål, utmärkt (antingen stigande eller sjunkande).",
  "alliances.model.kraPoolNegative": "Incitamentspotten för nyckelresultatområdena kan inte vara negativ.",
  "alliances.model.kraPoints": "Skriv de utlovade poängen med siffror, till exempel 76.",
  "alliances.model.kraRate": "Bonus- och sanktionskoefficienten ska vara 0–10 000 baspunkter per poäng.",

  "alliances.settle.yearNotInModel": "Incitamentsmodellen har inte detta år.",
  "alliances.settle.yearsInOrder": "Åren räknas i ordning från modellens första år utan luckor.",
  "alliances.settle.pointsMissing": "Ange årets bedömda kvalitetspoäng.",
  "alliances.settle.measureMissing": "Ange resultatet för varje mätare.",
  "alliances.settle.carriedInNegative": "Vinsten som överförs från föregående år kan inte vara negativ.",

  "alliances.rule.rounding": "Avrundning och fördelning",
  "alliances.rule.target": "Målkostnad",
  "alliances.rule.adjustments": "Godkända ändringar av målkostnaden",
  "alliances.rule.index": "Indexjustering",
  "alliances.rule.actual": "Faktiska kostnader (öppna böcker)",
  "alliances.rule.outsideTarget": "Kostnader utanför målkostnaden",
  "alliances.rule.difference": "Skillnaden mellan mål och utfall",
  "alliances.rule.gainShare": "Steg för delning av vinst",
  "alliances.rule.painShare": "Steg för delning av förlust",
  "alliances.rule.gainCap": "Vinsttak",
  "alliances.rule.painCap": "Förlusttak",
  "alliances.rule.ownersSide": "Beställarnas andel av vinsten eller förlusten",
  "alliances.rule.annualGainCap": "Årligt vinsttak",
  "alliances.rule.carryOver": "Överföring till följande år",
  "alliances.rule.kraNone": "Inget incitament för nyckelresultatområden",
  "alliances.rule.kraPool": "Incitamentspott för nyckelresultatområden",
  "alliances.rule.kraPerPoint": "Bonus eller sanktion per poäng",
  "alliances.rule.ownersPayment": "Beställarnas betalning",
  "alliances.rule.providersSplit": "Fördelning mellan leverantörerna",
  "alliances.rule.ownersSplit": "Fördelning mellan beställarna",

  "alliances.step.rounding":
    "Varje produkt av ett belopp och en andel, koefficient eller procentsats avrundas en gång till cent, en halv cent bort från noll. Vid fördelning mellan parter får var och en sin andel avrundad nedåt, och de cent som blir över delas ut en i taget till de största resterna (vid lika till den som står först i modellen), så att delarna tillsammans är exakt beloppet.",
  "alliances.step.baseTarget": "Den avtalade målkostnaden för år {year} är {result}.",
  "alliances.step.adjustments":
    "Godkända ändringar {count} st, sammanlagt {adjustments}: {base} + {adjustments} = {result}.",
  "alliances.step.index": "Indexjustering: {adjusted} × {factor} = {result}.",
  "alliances.step.reimbursed":
    "Ersättningsbara kostnader som räknas mot målet ({count, plural, one {# post} other {# poster}}): {result}.",
  "alliances.step.fee": "Leverantörernas arvode ({count, plural, one {# post} other {# poster}}): {result}.",
  "alliances.step.actual": "Faktisk kostnad: ersättningsbara kostnader {reimbursed} + arvode {fee} = {result}.",
  "alliances.step.outsideTarget":
    "Kostnader utanför målet ({count, plural, one {# post} other {# poster}}) {result} påverkar inte kalkylen.",
  "alliances.step.differenceGain": "Mål {target} − utfall {actual} = {result}: målet underskreds, vinst {gain}.",
  "alliances.step.differencePain": "Mål {target} − utfall {actual} = {result}: målet överskreds, förlust {pain}.",
  "alliances.step.differenceNone": "Mål {target} − utfall {actual} = {result}: utfallet motsvarade målet.",
  "alliances.step.band": "Steg {band} ({from}–{to} från målet): {amount} × {share} = {result}.",
  "alliances.step.bandOpen": "Steg {band} (från {from} från målet och uppåt): {amount} × {share} = {result}.",
  "alliances.step.providersShare": "Leverantörernas andel enligt stegen sammanlagt: {result}.",
  "alliances.step.gainCap":
    "Vinsttak {cap}: leverantörernas vinst är det mindre av {share} och {cap}, alltså {result}.",
  "alliances.step.noGainCap": "Inget vinsttak: leverantörernas vinst är {result}.",
  "alliances.step.painCap":
    "Förlusttak {cap}: leverantörernas förlust är det mindre av {share} och {cap}, alltså {result}.",
  "alliances.step.painCapFee":
    "Förlusttaket är leverantörernas arvode {cap}: leverantörernas förlust är det mindre av {share} och {cap}, alltså {result}.",
  "alliances.step.noPainCap": "Inget förlusttak: leverantörernas förlust är {result}.",
  "alliances.step.ownersGain": "Beställarna behåller av vinsten {gain} − {providers} = {result}.",
  "alliances.step.ownersPain": "Beställarna bär av förlusten {pain} − {providers} = {result}.",
  "alliances.step.annualCap":
    "Årets incitament {share} + överfört från föregående år {carriedIn} = {total}; årstaket {capShare} av målet är {cap}, så {result} betalas.",
  "alliances.step.annualCapLastYear":
    "Det sista året har inget årstak: årets incitament {share} + överfört från föregående år {carriedIn} = {result} betalas.",
  "alliances.step.noAnnualCap": "Årets incitament {share} + överfört från föregående år {carriedIn} = {result}.",
  "alliances.step.carryOver": "Till följande år överförs {total} − {paid} = {result}.",
  "alliances.step.kraNone": "Modellen har inget incitament för nyckelresultatområden: {result}.",
  "alliances.step.kraMeasure":
    "{measure}: resultatet {value} (utgångsnivå {baseline}; svag {poor}, mål {target}, utmärkt {outstanding}) ger {result} poäng (−100…+100).",
  "alliances.step.kraArea": "Nyckelresultatområdet {area} (vikt {weight}): viktad poäng {result}.",
  "alliances.step.kraScore": "Nyckelresultatområdenas viktade poäng sammanlagt: {result}.",
  "alliances.step.kraPool": "Incitamentspott {pool} × {score} / 100 = {result}.",
  "alliances.step.kraBonus":
    "Bonus {rate} × (uppnådda {achieved} − utlovade {promised} poäng = {difference}) × mål {target} = {result}.",
  "alliances.step.kraSanction":
    "Sanktion {rate} × (uppnådda {achieved} − utlovade {promised} poäng = {difference}) × mål {target} = {result}.",
  "alliances.step.ownersPayment":
    "Beställarna betalar: ersättningsbara kostnader {reimbursed} + arvode {fee} + leverantörernas vinst {gain} − leverantörernas förlust {pain} + incitament för nyckelresultatområden {kra} = {result}.",
  "alliances.step.providerPart":
    "{party} ({share}): av incitamentet {incentive} andelen {incentivePart} och av incitamentet för nyckelresultatområden {kra} andelen {kraPart}, sammanlagt {result}.",
  "alliances.step.ownerPart": "{party} ({share}) betalar av beloppet {payment} andelen {result}.",
};

export const incentiveEn: Catalog<IncentiveMessageKey> = {
  "alliances.model.version": "The model's version number must be a whole number of 1 or more.",
  "alliances.model.validFrom": "Enter the date the model applies from as YYYY-MM-DD.",
  "alliances.model.year": "The year must be a whole number from 1900 to 2200.",
  "alliances.model.yearsRequired": "Give the model at least one year with its target cost (at most 50).",
  "alliances.model.yearsOrder": "The model's years must be in ascending order, each only once.",
  "alliances.model.baseTargetNegative": "The year's target cost cannot be negative.",
  "alliances.model.index": "The index correction's numerator and denominator must be positive whole numbers.",
  "alliances.model.adjustmentYear": "The year of a target cost adjustment must be one of the model's years.",
  "alliances.model.adjustmentReason": "Enter the reason for the target cost adjustment (at most 200 characters).",
  "alliances.model.adjustmentApprovedOn": "Enter the date the target cost adjustment was approved as YYYY-MM-DD.",
  "alliances.model.bandsRequired": "Give 1–20 bands for sharing the gain and the pain.",
  "alliances.model.bandLimit":
    "A band's limit must be a whole number of basis points of the target cost (1–1,000,000).",
  "alliances.model.bandsOrder":
    "The bands' limits must increase in order, and only the last band runs to the end without an upper limit.",
  "alliances.model.bandShare": "The providers' share in a band must be 0–100% (0–10,000 basis points).",
  "alliances.model.capKind": "Choose the kind of cap.",
  "alliances.model.gainCapNegative": "The gain cap cannot be negative.",
  "alliances.model.painCapNegative": "The pain cap cannot be negative.",
  "alliances.model.annualGainCap": "The annual gain cap must be 0–100% of the target cost (0–10,000 basis points).",
  "alliances.model.partyId": "Choose the party.",
  "alliances.model.share": "A party's share must be 0–100% (0–10,000 basis points).",
  "alliances.model.providerSharesSum": "The providers' shares must add up to exactly 100%.",
  "alliances.model.ownerSharesSum": "The owners' shares must add up to exactly 100%.",
  "alliances.model.partyTwice": "The same party is in the split twice.",
  "alliances.model.kraKind": "Choose the kind of key result area incentive.",
  "alliances.model.kraAreasRequired": "Give at least one key result area.",
  "alliances.model.kraMeasuresRequired": "Give the key result area at least one measure.",
  "alliances.model.kraId": "The key result area's or measure's id is missing.",
  "alliances.model.kraIdTwice": "The same key result area or measure id appears twice.",
  "alliances.model.kraName": "Enter the key result area's or measure's name (at most 200 characters).",
  "alliances.model.kraWeight": "A weight must be 0–100% (0–10,000 basis points).",
  "alliances.model.kraAreaWeightsSum": "The key result areas' weights must add up to exactly 100%.",
  "alliances.model.kraMeasureWeightsSum": "The weights of a key result area's measures must add up to exactly 100%.",
  "alliances.model.kraLevel": "Enter the measure's level in figures, for example 78.5.",
  "alliances.model.kraLevelsOrder":
    "A measure's levels must be in the order poor, target, outstanding (either ascending or descending).",
  "alliances.model.kraPoolNegative": "The key result areas' bonus pool cannot be negative.",
  "alliances.model.kraPoints": "Enter the points promised in figures, for example 76.",
  "alliances.model.kraRate": "The bonus and sanction rates must be 0–10,000 basis points per point.",

  "alliances.settle.yearNotInModel": "The incentive model has no such year.",
  "alliances.settle.yearsInOrder": "Years are settled in order from the model's first year, without gaps.",
  "alliances.settle.pointsMissing": "Enter the year's assessed quality points.",
  "alliances.settle.measureMissing": "Enter every measure's result.",
  "alliances.settle.carriedInNegative": "The gain carried over from the previous year cannot be negative.",

  "alliances.rule.rounding": "Rounding and splitting",
  "alliances.rule.target": "Target cost",
  "alliances.rule.adjustments": "Approved target cost adjustments",
  "alliances.rule.index": "Index correction",
  "alliances.rule.actual": "Actual costs (open books)",
  "alliances.rule.outsideTarget": "Costs outside the target cost",
  "alliances.rule.difference": "Difference between target and actual",
  "alliances.rule.gainShare": "Gain share bands",
  "alliances.rule.painShare": "Pain share bands",
  "alliances.rule.gainCap": "Gain cap",
  "alliances.rule.painCap": "Pain cap",
  "alliances.rule.ownersSide": "The owners' part of the gain or pain",
  "alliances.rule.annualGainCap": "Annual gain cap",
  "alliances.rule.carryOver": "Carry-over to the next year",
  "alliances.rule.kraNone": "No key result area incentive",
  "alliances.rule.kraPool": "Key result area bonus pool",
  "alliances.rule.kraPerPoint": "Bonus or sanction per point",
  "alliances.rule.ownersPayment": "The owners' payment",
  "alliances.rule.providersSplit": "Split between the providers",
  "alliances.rule.ownersSplit": "Split between the owners",

  "alliances.step.rounding":
    "Every product of an amount and a share, rate or factor is rounded once to the cent, half a cent away from zero. When an amount is split between parties, each gets its share rounded down and the cents left over go one at a time to the largest remainders (on a tie, to the party listed first in the model), so the parts add up to exactly the amount.",
  "alliances.step.baseTarget": "The target cost agreed for {year} is {result}.",
  "alliances.step.adjustments":
    "{count, plural, one {# approved adjustment} other {# approved adjustments}}, {adjustments} in total: {base} + {adjustments} = {result}.",
  "alliances.step.index": "Index correction: {adjusted} × {factor} = {result}.",
  "alliances.step.reimbursed":
    "Reimbursable costs counting toward the target ({count, plural, one {# entry} other {# entries}}): {result}.",
  "alliances.step.fee": "The providers' fee ({count, plural, one {# entry} other {# entries}}): {result}.",
  "alliances.step.actual": "Actual cost: reimbursable costs {reimbursed} + fee {fee} = {result}.",
  "alliances.step.outsideTarget":
    "Costs outside the target ({count, plural, one {# entry} other {# entries}}) of {result} do not enter the calculation.",
  "alliances.step.differenceGain": "Target {target} − actual {actual} = {result}: an underrun, a gain of {gain}.",
  "alliances.step.differencePain": "Target {target} − actual {actual} = {result}: an overrun, a pain of {pain}.",
  "alliances.step.differenceNone": "Target {target} − actual {actual} = {result}: the actual cost met the target.",
  "alliances.step.band": "Band {band} ({from} to {to} from the target): {amount} × {share} = {result}.",
  "alliances.step.bandOpen": "Band {band} ({from} from the target onwards): {amount} × {share} = {result}.",
  "alliances.step.providersShare": "The providers' share by the bands in total: {result}.",
  "alliances.step.gainCap":
    "Gain cap {cap}: the providers' gain is the smaller of {share} and {cap}, that is {result}.",
  "alliances.step.noGainCap": "No gain cap: the providers' gain is {result}.",
  "alliances.step.painCap":
    "Pain cap {cap}: the providers' pain is the smaller of {share} and {cap}, that is {result}.",
  "alliances.step.painCapFee":
    "The pain cap is the providers' fee of {cap}: the providers' pain is the smaller of {share} and {cap}, that is {result}.",
  "alliances.step.noPainCap": "No pain cap: the providers' pain is {result}.",
  "alliances.step.ownersGain": "The owners keep of the gain {gain} − {providers} = {result}.",
  "alliances.step.ownersPain": "The owners carry of the pain {pain} − {providers} = {result}.",
  "alliances.step.annualCap":
    "The year's incentive {share} + carried over from the previous year {carriedIn} = {total}; the annual cap of {capShare} of the target is {cap}, so {result} is paid.",
  "alliances.step.annualCapLastYear":
    "The last year has no annual cap: the year's incentive {share} + carried over from the previous year {carriedIn} = {result} is paid.",
  "alliances.step.noAnnualCap":
    "The year's incentive {share} + carried over from the previous year {carriedIn} = {result}.",
  "alliances.step.carryOver": "Carried over to the next year: {total} − {paid} = {result}.",
  "alliances.step.kraNone": "The model has no key result area incentive: {result}.",
  "alliances.step.kraMeasure":
    "{measure}: the result {value} (baseline {baseline}; poor {poor}, target {target}, outstanding {outstanding}) scores {result} points (−100 to +100).",
  "alliances.step.kraArea": "Key result area {area} (weight {weight}): weighted score {result}.",
  "alliances.step.kraScore": "The key result areas' weighted score in total: {result}.",
  "alliances.step.kraPool": "Bonus pool {pool} × {score} / 100 = {result}.",
  "alliances.step.kraBonus":
    "Bonus {rate} × (achieved {achieved} − promised {promised} points = {difference}) × target {target} = {result}.",
  "alliances.step.kraSanction":
    "Sanction {rate} × (achieved {achieved} − promised {promised} points = {difference}) × target {target} = {result}.",
  "alliances.step.ownersPayment":
    "The owners pay: reimbursable costs {reimbursed} + fee {fee} + the providers' gain {gain} − the providers' pain {pain} + key result area incentive {kra} = {result}.",
  "alliances.step.providerPart":
    "{party} ({share}): of the incentive {incentive} the part {incentivePart} and of the key result area incentive {kra} the part {kraPart}, {result} in total.",
  "alliances.step.ownerPart": "{party} ({share}) pays of {payment} the part {result}.",
};

export const incentiveCatalogs: Record<Locale, Catalog<IncentiveMessageKey>> = {
  fi: incentiveFi,
  sv: incentiveSv,
  en: incentiveEn,
};

/** One of the engine's texts in the language, placeholders filled in. */
export const incentiveText = (locale: Locale, key: IncentiveMessageKey, params?: MessageParams): string =>
  interpolate(locale, incentiveCatalogs[locale][key], params);

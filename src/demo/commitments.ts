import type { Caller } from "../core/caller.ts";
import { addDays, addMonths, helsinkiDate, type PlainDate } from "../core/dates.ts";
import type { Db } from "../db/client.ts";
import { createGrantService } from "../modules/commitments/grants.ts";
import type { ContractInput, PartyInput } from "../modules/commitments/inputs.ts";
import type { CostInput, SecondmentInput } from "../modules/commitments/inputs-plan.ts";
import { createRampdownService } from "../modules/commitments/rampdown.ts";
import { createSecondmentService } from "../modules/commitments/secondments.ts";
import { createContractService } from "../modules/commitments/service.ts";

type Actor = NonNullable<Caller["actor"]>;

/**
 * Seed 003 (North Ostrobothnia, spring 2019): the preparation stopped on 8.3.2019; 36 people (26.2 FTE) on the
 * base grant and 9+1 (6.3 FTE) on the separate ICT grant return to their home organisations between 1.4. and
 * 30.6.2019 under cooperation agreements mostly valid to 31.12.2019; the state grant of about 4.5 M€ (+10 % own
 * share), about 2.9 M€ used, and the ICT grant of 7.4 M€, about 1.5 M€ used. The people's names, salaries and the
 * contracts are invented for the demo; the totals are the seed's.
 */

const firstNames = [
  "Anna",
  "Juha",
  "Maria",
  "Timo",
  "Liisa",
  "Mika",
  "Sari",
  "Jari",
  "Tiina",
  "Antti",
  "Päivi",
  "Kari",
];
const lastNames = [
  "Niskanen",
  "Kemppainen",
  "Heikkinen",
  "Väisänen",
  "Karjalainen",
  "Jokela",
  "Pesonen",
  "Ojala",
  "Kangas",
];
const nameOf = (i: number) =>
  `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]}`;

/** The sending organisations the seed names: Ouka, the hospital district, other joint authorities, the regional council, municipalities. */
const homes = [
  "Oulun kaupunki",
  "Pohjois-Pohjanmaan sairaanhoitopiiri",
  "Oulunkaaren kuntayhtymä",
  "Peruspalvelukuntayhtymä Selänne",
  "Pohjois-Pohjanmaan liitto",
  "Kempeleen kunta",
  "Raahen kaupunki",
];
/** The return front-loaded, as the sending organisations wanted, from 1.4. to 30.6.2019. */
const returns = ["2019-04-01", "2019-04-01", "2019-05-01", "2019-04-15", "2019-06-01", "2019-06-30"];

/** 36 people = 26.20 FTE: 20 full-time, 6 at 50 %, 2 at 40 % and 8 at 30 %. */
export const baseGrantShares = [
  ...Array(20).fill(100),
  ...Array(6).fill(50),
  ...Array(2).fill(40),
  ...Array(8).fill(30),
];
/** 9 seconded = 6.10 FTE (5 full-time, one at 50 %, three at 20 %) + 1 of the office's own at 20 %: 6.30 FTE. */
export const ictShares = [100, 100, 100, 100, 100, 50, 20, 20, 20];

function secondment(i: number, share: number, funding: "base_grant" | "ict_grant"): SecondmentInput {
  const salary = 380_000 + ((i * 7_919) % 270_000);
  return {
    personName: nameOf(i + (funding === "ict_grant" ? 40 : 0)),
    title: funding === "ict_grant" ? "ICT-asiantuntija" : i % 5 === 0 ? "Valmistelupäällikkö" : "Erityisasiantuntija",
    homeOrganisationName: homes[i % homes.length] ?? "Oulun kaupunki",
    legalForm: i % 4 === 3 ? "leave_fixed_term" : "staff_loan",
    sharePercent: share,
    fte: (share / 100).toFixed(2),
    startDate: i % 3 === 0 ? "2017-09-01" : "2018-01-01",
    agreedEndDate: i % 9 === 8 ? "2019-06-30" : "2019-12-31",
    plannedReturnDate: returns[i % returns.length] ?? "2019-06-30",
    // Monthly salary and the side costs (pension and social security, about 23 %), in cents.
    salaryCents: Math.round((salary * share) / 100),
    sideCostsCents: Math.round((salary * share * 23) / 10_000),
    fundingSource: funding,
    grantEligible: true,
    substitutes:
      i % 6 === 1
        ? [
            { name: `${nameOf(i + 80)} (sijainen)`, post: "palvelupäällikkö" },
            { name: `${nameOf(i + 90)} (sijainen)`, post: "palveluesimies" },
          ]
        : i % 6 === 4
          ? [{ name: `${nameOf(i + 85)} (sijainen)`, post: "suunnittelija" }]
          : [],
  };
}

const party = (name: string, role: PartyInput["role"], businessId: string | null = null): PartyInput => ({
  name,
  role,
  businessId,
});
const ouka = party("Oulun kaupunki", "partner", "0187690-1");
const ppshp = party("Pohjois-Pohjanmaan sairaanhoitopiirin kuntayhtymä", "partner", "0185968-5");

/**
 * A few dozen contracts: the cooperation (framework) agreements with the sending organisations to 31.12.2019,
 * ICT, premises and services; and some of today's contracts whose notice deadline is near, so the register's
 * reminders have something to show.
 */
function demoContracts(folders: Record<string, string>, today: PlainDate, adminId: string): ContractInput[] {
  const list: ContractInput[] = [];
  homes.forEach((home, i) => {
    list.push({
      folderId: folders.staff ?? "",
      type: "cooperation_agreement",
      number: `YS-2018-${i + 1}`,
      name: `Yhteistyösopimus henkilöstön käytöstä ja kustannusten korvaamisesta: ${home}`,
      startDate: "2018-01-01",
      endDate: "2019-12-31",
      notice: { amount: 1, unit: "months" },
      status: "ending",
      parties: [i === 0 ? ouka : i === 1 ? ppshp : party(home, "partner")],
      metadata: { "Sopimuksen kohta 11": "Vastaanottaja voi päättää välittömin vaikutuksin, jos valmistelu päättyy" },
    });
  });
  const services: [string, string, number, string, string][] = [
    ["ICT-1", "Maakuntalaajuinen tietoliikennesopimus", 1_850_000_00, "2018-05-01", "2021-04-30"],
    ["ICT-2", "Tietovarastoratkaisu", 640_000_00, "2018-03-01", "2019-12-31"],
    ["ICT-3", "Sopimustenhallintajärjestelmä (Cloudia), määräaikainen", 48_000_00, "2018-09-01", "2020-12-31"],
    ["ICT-4", "Yhteistyöalustan lisenssit", 22_500_00, "2018-01-01", "2019-12-31"],
    ["ICT-5", "Kuvantamisen tietojärjestelmän laajennusselvitys", 96_000_00, "2018-10-01", "2019-09-30"],
    ["PAL-1", "Markkinaselvitys, pohjoinen yta-alue", 78_000_00, "2018-11-01", "2019-06-30"],
    [
      "PAL-2",
      "Markkinoiden kehittämisen ja innovatiivisten hankintojen selvitys",
      54_000_00,
      "2019-01-15",
      "2019-06-30",
    ],
    ["PAL-3", "Muutosjohtamisen valmennus", 36_000_00, "2017-10-01", "2019-07-31"],
    ["PAL-4", "Viestintäpalvelut", 42_000_00, "2018-02-01", "2019-12-31"],
    ["PAL-5", "Arkistointipalvelu (arkistolain mukainen)", 18_000_00, "2019-04-01", "2019-12-31"],
    ["TIL-1", "Toimitilat, valmisteluorganisaatio", 210_000_00, "2018-01-01", "2019-12-31"],
    ["TIL-2", "Kokoustilat", 12_000_00, "2018-01-01", "2019-12-31"],
  ];
  for (const [number, name, cents, start, end] of services)
    list.push({
      folderId:
        (number.startsWith("ICT") ? folders.ict : number.startsWith("TIL") ? folders.premises : folders.services) ?? "",
      type: number.startsWith("TIL") ? "lease" : number === "ICT-4" ? "licence" : "procurement",
      number,
      name,
      startDate: start,
      endDate: end,
      notice: { amount: 3, unit: "months" },
      value: { cents, currency: "EUR" },
      status: "active",
      parties: [party(`Toimittaja Oy (${number})`, number.startsWith("TIL") ? "lessor" : "supplier")],
    });
  // Today's register: contracts whose notice deadline is days or weeks away (three months' notice).
  [9, 16, 23, 41, 75, 120, 200].forEach((days, i) => {
    const deadline = addDays(today, days);
    list.push({
      folderId: folders.current ?? "",
      type: i % 2 === 0 ? "contract" : "framework_agreement",
      number: `NYT-${i + 1}`,
      name:
        [
          "Tulkkauspalvelut",
          "Tilitoimistopalvelut",
          "Kalustevuokra",
          "Pilvipalvelu",
          "Siivous",
          "Kuljetukset",
          "Painatus",
        ][i] ?? "Palvelu",
      responsibleId: adminId,
      startDate: addMonths(today, -12).toString(),
      endDate: addMonths(deadline, 3).toString(),
      notice: { amount: 3, unit: "months" },
      autoRenewal: i % 3 === 0,
      value: { cents: (12 + i * 7) * 1_000_00, currency: "EUR" },
      status: "active",
      parties: [party(`Palvelu ${i + 1} Oy`, "supplier")],
    });
  });
  return list;
}

const cost = (c: Omit<CostInput, "amountCents"> & { euros: number }): CostInput => {
  const { euros, ...rest } = c;
  return { ...rest, amountCents: euros * 100 };
};

export async function seedDemoCommitments(db: Db, admin: Actor, today: PlainDate = helsinkiDate()) {
  const caller: Caller = { actor: admin, locale: "fi" };
  const contracts = createContractService({ db, today: () => today });
  const secondments = createSecondmentService({ db });
  const grants = createGrantService({ db });
  const rampdown = createRampdownService({ db });

  const folder = async (name: string, description: string) =>
    (await contracts.createFolder(caller, { name, description })).folder.id;
  const folders = {
    staff: await folder("Henkilöstö", "Yhteistyösopimukset henkilöstön käytöstä (puitesopimukset)"),
    ict: await folder("ICT", "Tietojärjestelmät ja -liikenne"),
    services: await folder("Palvelut", "Selvitykset ja ostopalvelut"),
    premises: await folder("Tilat", "Toimitilat"),
    current: await folder("Toimiston sopimukset", "Tämän päivän sopimuksia, irtisanomisaika lähestyy"),
  };
  await contracts.setFolderReminders(caller, folders.current, { noticeDays: 30, endDays: 14 });
  const made: { id: string; number: string }[] = [];
  for (const input of demoContracts(folders, today, admin.id)) {
    const view = await contracts.createContract(caller, input);
    made.push({ id: view.contract.id, number: view.contract.number });
  }

  const people: { id: string; name: string }[] = [];
  for (const [i, share] of baseGrantShares.entries()) {
    const view = await secondments.create(caller, secondment(i, share, "base_grant"));
    people.push({ id: view.secondment.id, name: view.secondment.personName });
  }
  for (const [i, share] of ictShares.entries()) await secondments.create(caller, secondment(i, share, "ict_grant"));
  await secondments.create(caller, {
    ...secondment(9, 20, "ict_grant"),
    personName: "Hanna Rautio",
    homeOrganisationName: "Valmisteluorganisaatio (oma)",
    legalForm: "own_fixed_term",
    substitutes: [],
  });

  const base = await grants.create(caller, {
    name: "Maakunta- ja sote-uudistuksen valmistelu 2017–2018",
    decisionNumber: "VM/1550/2017",
    fundingSource: "base_grant",
    amountCents: 4_500_000_00,
    ownSharePercent: "10",
    eligibleFrom: "2017-01-01",
    eligibleTo: "2019-12-31",
    cutOffs: [
      { kind: "commitments", date: "2019-03-08", label: "Hallitus erosi; uudet sitoumukset" },
      { kind: "report", date: "2020-03-31", label: "Käyttöselvitys" },
    ],
  });
  // Eligible costs 3 222 300 €: less the 10 % own share, the grant used is about 2.9 M€.
  for (const entry of [
    cost({
      category: "personnel",
      description: "Valmistelijoiden palkat 2017",
      costDate: "2017-12-31",
      euros: 780_000,
    }),
    cost({
      category: "personnel",
      description: "Valmistelijoiden palkat 2018",
      costDate: "2018-12-31",
      euros: 1_610_000,
    }),
    cost({ category: "personnel", description: "Palkat 1.1.–30.6.2019", costDate: "2019-06-30", euros: 512_000 }),
    cost({
      category: "services",
      description: "Selvitykset ja konsultointi",
      costDate: "2018-12-31",
      commitmentDate: "2018-02-01",
      euros: 168_000,
    }),
    cost({
      category: "premises",
      description: "Toimitilat 2018–2019",
      costDate: "2019-06-30",
      commitmentDate: "2018-01-01",
      euros: 96_000,
    }),
    cost({ category: "travel", description: "Matkat", costDate: "2018-12-31", euros: 38_300 }),
    cost({
      category: "archiving",
      description: "Arkistolain edellyttämä arkistointi",
      costDate: "2019-09-30",
      commitmentDate: "2019-03-25",
      essentialForEnding: true,
      euros: 12_000,
    }),
    cost({
      category: "reporting",
      description: "Loppukoonti ja käyttöselvitys",
      costDate: "2019-05-31",
      commitmentDate: "2019-03-20",
      essentialForEnding: true,
      euros: 6_000,
    }),
    cost({
      category: "services",
      description: "Uusi markkinaselvitys (tilattu 20.3.2019)",
      costDate: "2019-06-30",
      commitmentDate: "2019-03-20",
      euros: 35_000,
    }),
    cost({
      category: "services",
      description: "Kuntien palvelurakenteen kehittämishanke",
      costDate: "2019-05-15",
      forOtherPublicBody: true,
      euros: 24_000,
    }),
  ])
    await grants.addCost(caller, base.grant.id, entry);

  const ict = await grants.create(caller, {
    name: "ICT-valmistelun erillisrahoitus 2017–2018",
    decisionNumber: "VM/1551/2017",
    fundingSource: "ict_grant",
    amountCents: 7_400_000_00,
    ownSharePercent: "10",
    eligibleFrom: "2017-01-01",
    eligibleTo: "2019-12-31",
    cutOffs: [{ kind: "commitments", date: "2019-03-08", label: "Hallitus erosi; uudet sitoumukset" }],
  });
  // Eligible 1 666 700 €: the grant used is about 1.5 M€.
  for (const entry of [
    cost({ category: "personnel", description: "ICT-valmistelijoiden palkat", costDate: "2018-12-31", euros: 702_700 }),
    cost({
      category: "ict_development",
      description: "Maakuntalaajuinen tietovarasto",
      costDate: "2018-12-31",
      commitmentDate: "2018-03-01",
      euros: 640_000,
    }),
    cost({
      category: "services",
      description: "Tietoliikenteen kilpailutus",
      costDate: "2018-06-30",
      commitmentDate: "2018-01-15",
      euros: 324_000,
    }),
    cost({
      category: "ict_development",
      description: "Kuntayhtymän hoidontukijärjestelmän laajennus",
      costDate: "2018-11-30",
      forOtherPublicBody: true,
      euros: 240_000,
    }),
  ])
    await grants.addCost(caller, ict.grant.id, entry);

  const idOf = (number: string) => made.find((c) => c.number === number)?.id ?? null;
  const decisions = [
    { contractId: idOf("YS-2018-1"), decision: "end" as const, exitCostCents: 0, earliestExitDate: "2019-06-30" },
    {
      contractId: idOf("ICT-1"),
      decision: "transfer" as const,
      transferTo: "Pohjois-Pohjanmaan sairaanhoitopiiri",
      exitCostCents: 0,
      earliestExitDate: "2019-12-31",
    },
    {
      contractId: idOf("ICT-3"),
      decision: "continue" as const,
      exitCostCents: 0,
      note: "Organisaatiot voivat jatkaa sopimusten tallennusta 2020 loppuun.",
    },
    { contractId: idOf("PAL-2"), decision: "end" as const, exitCostCents: 12_000_00, earliestExitDate: "2019-06-30" },
    { contractId: idOf("TIL-1"), decision: "end" as const, exitCostCents: 31_500_00, earliestExitDate: "2019-09-30" },
    { contractId: idOf("PAL-3"), decision: "already_ended" as const, exitCostCents: 0 },
  ];
  for (const d of decisions)
    if (d.contractId)
      await rampdown.decide(caller, { ...d, decidedOn: "2019-03-12", decidedBy: "Johtoryhmä (jory 12.3.2019)" });
  const first = people[0];
  if (first)
    await rampdown.decide(caller, {
      secondmentId: first.id,
      decision: "end",
      decidedOn: "2019-03-20",
      decidedBy: "Maakuntahallitus",
      earliestExitDate: "2019-04-01",
    });

  const checklist = await rampdown.addStandardChecklist(caller);
  const owners: Record<string, [string, "open" | "in_progress" | "done"]> = {
    staff_return: ["Muutosjohtaja", "in_progress"],
    schedule: ["Maakuntahallitus", "done"],
    who_stays: ["Muutosjohtaja", "in_progress"],
    what_continues: ["Maakuntahallitus", "open"],
    contracts_to_finish: ["Hallintojohtaja", "in_progress"],
    data_saved: ["Arkistovastaava", "open"],
    final_report_form: ["Johtoryhmä", "done"],
    special_projects_home: ["Sote-ryhmä", "open"],
    next_government_programme: ["Maakuntajohtaja", "open"],
  };
  for (const item of checklist) {
    const [owner, status] = (item.key && owners[item.key]) || ["", "open"];
    await rampdown.updateChecklistItem(caller, item.id, { owner, status, dueDate: "2019-06-30" });
  }
}

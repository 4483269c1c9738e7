import { eq } from "drizzle-orm";
import type { Caller } from "../core/caller.ts";
import type { Db } from "../db/client.ts";
import { users } from "../modules/accounts/schema.ts";
import { createBooksService } from "../modules/alliances/books.ts";
import { createDecisionService } from "../modules/alliances/decisions.ts";
import { createGateService } from "../modules/alliances/gates.ts";
import { createCostImportService } from "../modules/alliances/import.ts";
import { createInvoiceService } from "../modules/alliances/invoices.ts";
import { createAllianceService } from "../modules/alliances/service.ts";
import { createSettlementService } from "../modules/alliances/settlements.ts";

type Actor = NonNullable<Caller["actor"]>;

/** Invented business IDs (right check digits, no real company's); every figure below is illustrative. */
const ids = {
  region: "9100000-5",
  kotka: "9100137-4",
  kouvola: "9100274-8",
  hamina: "9100411-0",
  companyA: "9100685-3",
  companyB: "9100822-6",
  association: "9100959-5",
};

const euros = (n: number) => n * 100;

/**
 * Seeds 002 and 004: a growth-services alliance ("kasvupalveluallianssi") of the Kymenlaakso region, three of its
 * towns, two companies and an association, with two years of open books (2025 settled and approved, 2026 worked
 * out as the final settlement awaiting the board). Made through the module's own services, as real use would.
 */
export async function seedDemoAlliances(db: Db, admin: Actor): Promise<void> {
  const caller: Caller = { actor: admin, locale: "fi" };
  const alliances = createAllianceService({ db });
  const books = createBooksService({ db });
  const imports = createCostImportService({ db });
  const settlements = createSettlementService({ db });
  const decisions = createDecisionService({ db });
  const gates = createGateService({ db });
  const invoices = createInvoiceService({ db });

  const { alliance, parties } = await alliances.create(caller, {
    name: "Kymenlaakson kasvupalveluallianssi",
    kind: "service",
    description:
      "Maakunta, kunnat sekä yksityiset ja kolmannen sektorin palveluntuottajat suunnittelevat ja toteuttavat työllisyys- ja yrityspalvelut yhdessä: yhteinen tavoitetila, avoimet kirjat, yhteiset päätökset, jaetut riskit ja hyödyt. Demoaineisto: luvut ovat havainnollistavia.",
    goals: [
      "Saumaton palvelupolku: yritys kasvaa ja työnhakija työllistyy",
      "Ei päällekkäisiä palveluja kunnan, maakunnan ja valtion kesken",
      "Pitkäaikaistyöttömyys vähenee neljänneksellä kahdessa vuodessa",
    ],
    segments: [
      { name: "Maahanmuuttajat", expectedVolume: 600 },
      { name: "Aloittavat yrittäjät", expectedVolume: 250 },
      { name: "Nuoret", expectedVolume: 900 },
      { name: "Pitkäaikaistyöttömät", expectedVolume: 1200 },
    ],
    phases: [
      { name: "development", start: "2025-01-01", end: "2025-03-31" },
      { name: "implementation", start: "2025-04-01", end: "2026-10-31" },
      { name: "afterCare", start: "2026-11-01", end: "2026-12-31" },
    ],
    startDate: "2025-01-01",
    endDate: "2026-12-31",
    published: true,
    parties: [
      {
        name: "Kymenlaakson Liitto",
        businessId: ids.region,
        side: "owner",
        role: "Järjestäjä",
        shareBasisPoints: 5000,
      },
      { name: "Kotkan kaupunki", businessId: ids.kotka, side: "owner", role: "Kunta", shareBasisPoints: 2000 },
      { name: "Kouvolan kaupunki", businessId: ids.kouvola, side: "owner", role: "Kunta", shareBasisPoints: 2000 },
      { name: "Haminan kaupunki", businessId: ids.hamina, side: "owner", role: "Kunta", shareBasisPoints: 1000 },
      {
        name: "Kasvupolku Oy",
        businessId: ids.companyA,
        side: "provider",
        role: "Työnhakijapalvelut",
        shareBasisPoints: 5000,
      },
      {
        name: "Yrityskiihdyttämö Kymi Oy",
        businessId: ids.companyB,
        side: "provider",
        role: "Yrityspalvelut",
        shareBasisPoints: 3000,
      },
      {
        name: "Kymenlaakson Työllisyysyhdistys ry",
        businessId: ids.association,
        side: "provider",
        role: "Nuorten ja pitkäaikaistyöttömien palvelut",
        shareBasisPoints: 2000,
      },
    ],
  });
  const party = (name: string) => parties.find((p) => p.name === name)?.id ?? "";
  const person = async (email: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id;

  // The board: the admin for the region, a town's and the staff's representatives.
  await alliances.setMember(caller, alliance.id, {
    personId: admin.id,
    partyId: party("Kymenlaakson Liitto"),
    manager: true,
    board: true,
  });
  for (const [email, name, manager] of [
    ["sanna.virtanen@uudistamo.example", "Kymenlaakson Liitto", true],
    ["aino.heikkinen@uudistamo.example", "Kotkan kaupunki", false],
    ["juha.korhonen@uudistamo.example", "Haminan kaupunki", false],
  ] as const) {
    const personId = await person(email);
    if (personId)
      await alliances.setMember(caller, alliance.id, { personId, partyId: party(name), manager, board: true });
  }

  // The gates: the board's decisions open the implementation phase and the after-care.
  const board = (await alliances.get(caller, alliance.id)).members.filter((m) => m.board);
  for (const [phase, subject, proposal, decidedOn] of [
    [
      "development",
      "Siirtyminen toteutusvaiheeseen",
      "Kehitysvaiheen tulokset hyväksytään, tavoitekustannus vahvistetaan ja allianssi siirtyy toteutusvaiheeseen 1.4.2025.",
      "2025-03-26",
    ],
    [
      "implementation",
      "Siirtyminen jälkihoitoon",
      "Toteutusvaihe päätetään 31.10.2026 ja allianssi siirtyy jälkihoitovaiheeseen.",
      "2026-10-28",
    ],
  ] as const) {
    const decision = await decisions.record(caller, alliance.id, {
      subject,
      proposal,
      decidedOn,
      requiresUnanimity: true,
      positions: board.map((m) => ({ personId: m.personId, position: "for" })),
      made: true,
    });
    await gates.decide(caller, alliance.id, { phase, decisionId: decision.id });
  }

  for (const year of [2025, 2026]) {
    await alliances.addContribution(caller, alliance.id, {
      partyId: party("Kymenlaakson Liitto"),
      year,
      kind: "money",
      amount: euros(1_200_000),
    });
    await alliances.addContribution(caller, alliance.id, {
      partyId: party("Kotkan kaupunki"),
      year,
      kind: "staff",
      fte: "2",
      people: ["Työllisyyskoordinaattori", "Yritysneuvoja"],
      amount: euros(130_000),
    });
    await alliances.addContribution(caller, alliance.id, {
      partyId: party("Kouvolan kaupunki"),
      year,
      kind: "premises",
      description: "Palvelupiste kaupungintalolla",
      amount: euros(40_000),
    });
    await alliances.addContribution(caller, alliance.id, {
      partyId: party("Kymenlaakson Työllisyysyhdistys ry"),
      year,
      kind: "competence",
      description: "Nuorten etsivä työ ja vertaistuki",
    });
  }

  // Two years of books: each provider's monthly costs and fee, and a town's own cost outside the target.
  const monthly = [
    { name: "Kasvupolku Oy", cost: 70_000, fee: 5_000 },
    { name: "Yrityskiihdyttämö Kymi Oy", cost: 38_000, fee: 3_000 },
    { name: "Kymenlaakson Työllisyysyhdistys ry", cost: 22_000, fee: 1_500 },
  ];
  for (const year of [2025, 2026]) {
    for (const m of monthly)
      await books.addBudgetLine(caller, alliance.id, {
        partyId: party(m.name),
        year,
        category: "reimbursable",
        amount: euros(m.cost * 12),
      });
    // The year's ledger lines come in as one import, as the providers' bookkeeping would send them.
    const lines = ["party;date;category;amount;audit reference;description"];
    for (let month = 1; month <= 12; month++) {
      const day = `${year}-${String(month).padStart(2, "0")}-28`;
      for (const [i, m] of monthly.entries()) {
        // Costs vary a little month to month (a deterministic pattern), more in the second year.
        const variation = ((month * 7 + i * 3) % 9) - 4;
        const cost = m.cost + variation * (year === 2025 ? 400 : 900);
        const ref = `${m.name.slice(0, 3).toUpperCase()}-${year}-${String(month).padStart(2, "0")}`;
        const kind = month % 4 === 0 ? "subcontract;" : "reimbursable;";
        const what = month % 4 === 0 ? "Alihankittu valmennus" : "Palvelutuotannon kustannukset";
        lines.push(`${m.name};${day};${kind}${cost};${ref};${what}`, `${m.name};${day};fee;${m.fee};${ref}-P;Palkkio`);
      }
    }
    await imports.commit(caller, alliance.id, new TextEncoder().encode(lines.join("\n")), "csv");
    await books.addCostEntry(caller, alliance.id, {
      partyId: party("Kotkan kaupunki"),
      bookedOn: `${year}-06-15`,
      category: "ownerOutside",
      amount: euros(25_000),
      description: "Kaupungin oma viestintä",
      auditReference: `KOTKA-${year}-VIESTINTA`,
    });
  }

  const providers = parties.filter((p) => p.side === "provider");
  const owners = parties.filter((p) => p.side === "owner");
  await settlements.createModel(caller, alliance.id, {
    version: 1,
    validFrom: "2025-01-01",
    years: [
      { year: 2025, baseTarget: euros(1_660_000) },
      { year: 2026, baseTarget: euros(1_660_000) },
    ],
    adjustments: [
      { year: 2026, amount: euros(30_000), reason: "Nuorten palvelujen laajennus Haminaan", approvedOn: "2025-11-20" },
    ],
    gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 3000 }],
    painBands: [
      { toBasisPointsOfTarget: 1000, providersShareBasisPoints: 3000 },
      { toBasisPointsOfTarget: null, providersShareBasisPoints: 10000 },
    ],
    painCap: { kind: "fee" },
    annualGainCap: { basisPointsOfTarget: 300 },
    providerShares: providers.map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints })),
    ownerShares: owners.map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints })),
    kra: { kind: "perPoint", promisedPoints: "76", bonusBasisPointsPerPoint: 13, sanctionBasisPointsPerPoint: 33 },
  });

  const interim = await settlements.calculate(caller, alliance.id, {
    year: 2025,
    kraResults: { "2025": { achievedPoints: "78" } },
    note: "Vuoden 2025 väliselvitys",
  });
  const view = await alliances.get(caller, alliance.id);
  const decision = await decisions.record(caller, alliance.id, {
    subject: "Vuoden 2025 väliselvitys",
    proposal: "Hyväksytään vuoden 2025 väliselvitys ja maksetaan kannustin palveluntuottajille",
    decidedOn: "2026-01-28",
    requiresUnanimity: true,
    positions: view.members.filter((m) => m.board).map((m) => ({ personId: m.personId, position: "for" })),
    made: true,
  });
  await settlements.approve(caller, interim.row.id, { decisionId: decision.id });
  await settlements.calculate(caller, alliance.id, {
    year: 2026,
    kraResults: { "2025": { achievedPoints: "78" }, "2026": { achievedPoints: "74" } },
    note: "Loppuselvitys, johtoryhmän käsiteltäväksi",
  });
  for (const m of monthly)
    for (const month of ["2025-01", "2025-02", "2025-03"])
      await invoices.createMonthly(caller, alliance.id, { partyId: party(m.name), month });
  const paid = await invoices.list(caller, alliance.id);
  for (const invoice of paid.filter((i) => i.row.period !== "2025-03"))
    await invoices.setPayment(caller, invoice.row.id, { status: "paid", paidOn: `${invoice.row.period}-28` });
  await invoices.createIncentive(caller, alliance.id, { settlementId: interim.row.id });
}

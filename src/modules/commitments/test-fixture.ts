import type { TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { type PlainDate, plainDate } from "../../core/dates.ts";
import { createDocumentService } from "./documents.ts";
import type { ContractInput } from "./inputs.ts";
import type { CostInput, GrantInput, SecondmentInput } from "./inputs-plan.ts";
import { createReminderService } from "./reminders.ts";
import { createContractService } from "./service.ts";

/**
 * The register's services on a test app with "today" fixed (the platform's own services use the real day).
 * No job queue is given, so a write queues no reminder job: the tests run the sweep themselves.
 */
export function servicesOn(app: TestApp, today: PlainDate | string) {
  const day = plainDate(today);
  const db = app.database.db;
  const contracts = createContractService({ db, today: () => day });
  const reminders = createReminderService({
    db,
    outbox: app.platform.outbox,
    contractsService: contracts,
    publicUrl: app.url,
    today: () => day,
  });
  const documents = createDocumentService({
    db,
    files: app.platform.services.files,
    contractsService: contracts,
    uploadMaxBytes: app.platform.config.uploadMaxBytes,
  });
  return { contracts, reminders, documents };
}

let counter = 0;

/** A contract for 2019 (ends 31.12.2019, three months' notice) in the folder; `overrides` change any field. */
export function contractFor(folderId: string, overrides: Partial<ContractInput> = {}): ContractInput {
  counter += 1;
  return {
    folderId,
    type: "framework_agreement",
    number: `PS-${counter}`,
    name: `Tietohallintopalvelut ${counter}`,
    startDate: "2019-01-01",
    endDate: "2019-12-31",
    notice: { amount: 3, unit: "months" },
    status: "active",
    parties: [{ name: "Pohjois-Pohjanmaan sairaanhoitopiiri", businessId: "0185968-5", role: "supplier" }],
    ...overrides,
  };
}

/** A folder with a unique name. */
export async function folderFor(services: ReturnType<typeof servicesOn>, staff: Caller, name = "ICT") {
  counter += 1;
  return (await services.contracts.createFolder(staff, { name: `${name} ${counter}` })).folder;
}

/** The smallest file file-type reads as a PDF. */
export const pdfBytes = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/** A full-time secondment for 2018–2019 on the base grant, of a person numbered `n`. */
export const secondmentFor = (n: number, overrides: Partial<SecondmentInput> = {}): SecondmentInput => ({
  personName: `Valmistelija ${n}`,
  homeOrganisationName: "Oulun kaupunki",
  legalForm: "staff_loan",
  sharePercent: 100,
  fte: "1.00",
  startDate: "2018-01-01",
  agreedEndDate: "2019-12-31",
  salaryCents: 450_000,
  sideCostsCents: 108_000,
  fundingSource: "base_grant",
  ...overrides,
});

/** A base grant for 2017–2019 numbered `n`, with the commitments cut-off of 8.3.2019. */
export const grantFor = (n: number, overrides: Partial<GrantInput> = {}): GrantInput => ({
  name: `Valmisteluavustus ${n}`,
  fundingSource: "base_grant",
  amountCents: 10_000_000,
  ownSharePercent: 10,
  eligibleFrom: "2017-01-01",
  eligibleTo: "2019-12-31",
  cutOffs: [{ kind: "commitments", date: "2019-03-08" }],
  ...overrides,
});

export const costFor = (overrides: Partial<CostInput> = {}): CostInput => ({
  category: "services",
  description: "Selvitys",
  costDate: "2019-02-01",
  amountCents: 100_000,
  ...overrides,
});

import { z } from "@hono/zod-openapi";
import { currencyCodes } from "../../core/money.ts";
import { moneyJson } from "../../core/money-schema.ts";
import { type Page, pageSchema } from "../../core/pagination.ts";
import {
  confidentialityLevels,
  contractStatuses,
  contractTypes,
  documentKinds,
  noticeUnits,
  partyRoles,
  reminderKinds,
} from "./constants.ts";
import type { DocumentView, VersionRow } from "./documents.ts";
import type { DueReminderView } from "./reminders.ts";
import type { ReminderDays } from "./schedule.ts";
import type { ContractRow, ContractView, FolderView, PartyRow } from "./service.ts";

/** Days are "YYYY-MM-DD", instants ISO 8601, money `{ cents, currency }` (whole cents, never a float). */
const day = z.string().openapi({ description: "A calendar day, YYYY-MM-DD", example: "2019-12-31" });
const iso = (d: Date) => d.toISOString();
const moneySchema = z
  .object({ cents: z.number().int(), currency: z.enum(currencyCodes) })
  .openapi("ContractValue", { description: "Whole cents and a currency: 1250000 EUR is 12 500,00 €" });
const days = z.number().int().nullable();

export const reminderSettingsSchema = z
  .object({ startDays: days, endDays: days, optionEndDays: days, noticeDays: days })
  .openapi("ContractReminderSettings", { description: "Days before each date; null: no reminder of that kind" });
const presentSettings = (s: ReminderDays) => ({
  startDays: s.startDays,
  endDays: s.endDays,
  optionEndDays: s.optionEndDays,
  noticeDays: s.noticeDays,
});

export const folderSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    reminders: reminderSettingsSchema.openapi({ description: "The folder's defaults for its contracts" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("ContractFolder");
export const presentFolder = ({ folder, reminders }: FolderView): z.infer<typeof folderSchema> => ({
  id: folder.id,
  name: folder.name,
  description: folder.description,
  reminders: presentSettings(reminders),
  createdAt: iso(folder.createdAt),
  updatedAt: iso(folder.updatedAt),
});
export const foldersPageSchema = pageSchema(folderSchema).openapi("ContractFolderPage");
export const presentFoldersPage = (page: Page<FolderView>) => ({
  items: page.items.map(presentFolder),
  nextCursor: page.nextCursor,
});

export const partySchema = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    name: z.string(),
    businessId: z.string().nullable().openapi({ description: "Y-tunnus, 1234567-8" }),
    organisationId: z.uuid().nullable().openapi({ description: "The home organisation this party is" }),
    role: z.enum(partyRoles),
    position: z.number().int(),
  })
  .openapi("ContractParty");
export const presentParty = (p: PartyRow): z.infer<typeof partySchema> => ({
  id: p.id,
  contractId: p.contractId,
  name: p.name,
  businessId: p.businessId,
  organisationId: p.organisationId,
  role: p.role,
  position: p.position,
});
export const partiesPageSchema = pageSchema(partySchema).openapi("ContractPartyPage");
export const presentPartiesPage = (page: Page<PartyRow>) => ({
  items: page.items.map(presentParty),
  nextCursor: page.nextCursor,
});

const noticeSchema = z.object({ amount: z.number().int(), unit: z.enum(noticeUnits) }).nullable();

export const contractSummarySchema = z
  .object({
    id: z.uuid(),
    folderId: z.uuid(),
    type: z.enum(contractTypes),
    number: z.string(),
    diaryNumber: z.string(),
    name: z.string(),
    startDate: day,
    endDate: day.nullable(),
    openEnded: z.boolean(),
    notice: noticeSchema,
    noticeDeadline: day
      .nullable()
      .openapi({ description: "The last day notice can be given so that its period ends by the end date" }),
    autoRenewal: z.boolean(),
    value: moneySchema.nullable(),
    status: z.enum(contractStatuses),
    confidentiality: z.enum(confidentialityLevels),
    confidentialityGround: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    masterId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("ContractSummary");
export const presentContractSummary = (c: ContractRow): z.infer<typeof contractSummarySchema> => ({
  id: c.id,
  folderId: c.folderId,
  type: c.type,
  number: c.number,
  diaryNumber: c.diaryNumber,
  name: c.name,
  startDate: c.startDate,
  endDate: c.endDate,
  openEnded: c.openEnded,
  notice: c.noticePeriod !== null && c.noticeUnit !== null ? { amount: c.noticePeriod, unit: c.noticeUnit } : null,
  noticeDeadline: c.noticeDeadline,
  autoRenewal: c.autoRenewal,
  value: c.valueCents === null ? null : moneyJson({ cents: c.valueCents, currency: c.currency }),
  status: c.status,
  confidentiality: c.confidentiality,
  confidentialityGround: c.confidentialityGround,
  metadata: c.metadata,
  masterId: c.masterId,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});
export const contractsPageSchema = pageSchema(contractSummarySchema).openapi("ContractPage");
export const presentContractsPage = (page: Page<ContractRow>) => ({
  items: page.items.map(presentContractSummary),
  nextCursor: page.nextCursor,
});

const personSchema = z.object({ id: z.string(), name: z.string() });
const relatedSchema = z.object({ id: z.uuid(), number: z.string(), name: z.string() });

export const contractSchema = contractSummarySchema
  .extend({
    folder: z.object({ id: z.uuid(), name: z.string() }),
    responsible: personSchema.nullable(),
    deputies: z.array(personSchema),
    parties: z.array(partySchema),
    optionPeriods: z.array(z.object({ start: day, end: day, exercised: z.boolean() })),
    noticeActBy: day.nullable().openapi({
      description: "The notice deadline, or the working day before it when it falls on a weekend or holiday",
    }),
    master: relatedSchema.nullable(),
    callOffs: z.array(relatedSchema),
    reminderSettings: reminderSettingsSchema.extend({ source: z.enum(["contract", "folder", "none"]) }),
    reminders: z.array(
      z.object({
        kind: z.enum(reminderKinds),
        eventDate: day,
        actBy: day,
        dueDate: day,
        due: z.boolean().openapi({ description: "Due today (its day has come, the date has not passed)" }),
      }),
    ),
    canManage: z.boolean(),
  })
  .openapi("Contract");
export const presentContract = (v: ContractView): z.infer<typeof contractSchema> => ({
  ...presentContractSummary(v.contract),
  folder: v.folder,
  responsible: v.responsible,
  deputies: v.deputies,
  parties: v.parties.map(presentParty),
  optionPeriods: v.optionPeriods.map((o) => ({ start: o.startDate, end: o.endDate, exercised: o.exercised })),
  noticeActBy: v.noticeActBy,
  master: v.master,
  callOffs: v.callOffs,
  reminderSettings: { ...presentSettings(v.reminderSettings), source: v.reminderSettings.source },
  reminders: v.reminders,
  canManage: v.canManage,
});

export const versionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    mimeType: z.string().openapi({ description: "Detected from the content" }),
    size: z.number().int(),
    sha256: z.string(),
    note: z.string(),
    uploadedAt: z.iso.datetime(),
    downloadUrl: z.string().openapi({ description: "Where the file is downloaded (always as an attachment)" }),
  })
  .openapi("ContractDocumentVersion");
export const presentVersion = (v: VersionRow): z.infer<typeof versionSchema> => ({
  id: v.id,
  version: v.version,
  name: v.name,
  mimeType: v.mimeType,
  size: v.size,
  sha256: v.sha256,
  note: v.note,
  uploadedAt: iso(v.uploadedAt),
  downloadUrl: `/commitments/files/${v.id}/${encodeURIComponent(v.name)}`,
});

export const documentSchema = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    kind: z.enum(documentKinds),
    title: z.string(),
    latestVersion: z.number().int(),
    createdAt: z.iso.datetime(),
    versions: z.array(versionSchema).openapi({ description: "Newest first" }),
  })
  .openapi("ContractDocument");
export const presentDocument = ({ document, versions }: DocumentView): z.infer<typeof documentSchema> => ({
  id: document.id,
  contractId: document.contractId,
  kind: document.kind,
  title: document.title,
  latestVersion: document.latestVersion,
  createdAt: iso(document.createdAt),
  versions: versions.map(presentVersion),
});
export const documentsPageSchema = pageSchema(documentSchema).openapi("ContractDocumentPage");
export const presentDocumentsPage = (page: Page<DocumentView>) => ({
  items: page.items.map(presentDocument),
  nextCursor: page.nextCursor,
});

export const dueReminderSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(reminderKinds),
    eventDate: day.openapi({ description: "The date reminded of" }),
    dueDate: day,
    sentAt: z.iso.datetime(),
    contract: z.object({ id: z.uuid(), number: z.string(), name: z.string(), folderName: z.string() }),
  })
  .openapi("ContractDueReminder");
export const dueRemindersPageSchema = pageSchema(dueReminderSchema).openapi("ContractDueReminderPage");
export const presentDueRemindersPage = (page: Page<DueReminderView>) => ({
  items: page.items.map((r) => ({ ...r, sentAt: iso(r.sentAt) })),
  nextCursor: page.nextCursor,
});

import { z } from "zod";
import { plainDate } from "../../core/dates.ts";
import { currencyCodes } from "../../core/money.ts";
import { centsSchema } from "../../core/money-schema.ts";
import { isBusinessId } from "./business-id.ts";
import {
  confidentialityLevels,
  contractStatuses,
  contractTypes,
  documentKinds,
  maxMetadataKeys,
  maxReminderDays,
  noticeUnits,
  partyRoles,
} from "./constants.ts";

// Rules that need the stored row or the database (a patch merged with the row, a duplicate number in the folder,
// a notice period longer than the contract, people and organisations that must exist) are checked by the service
// with the same message keys (service.ts).

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
/** A calendar day "YYYY-MM-DD" that exists (no 31.2.). */
export const day = z.iso.date({ error: "commitments.date.invalid" }).refine(
  (value) => {
    try {
      return plainDate(value) !== null;
    } catch {
      return false;
    }
  },
  { error: "commitments.date.invalid" },
);
const personId = z.string().trim().min(1).max(100);
/** An optional reference: a form's empty choice means none. */
const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional();

export const folderInput = z.object({ name: required(200), description: text(4000).default("") });
export type FolderInput = z.input<typeof folderInput>;
export const folderPatch = z.object({ name: required(200), description: text(4000) }).partial();
export type FolderPatch = z.input<typeof folderPatch>;

export const businessId = z.string().trim().refine(isBusinessId, { error: "commitments.party.businessIdInvalid" });

export const partyInput = z.object({
  name: required(300),
  businessId: optional(businessId),
  organisationId: optional(z.uuid()),
  role: z.enum(partyRoles, { error: "commitments.party.roleUnknown" }),
});
export type PartyInput = z.input<typeof partyInput>;
export const partyPatch = partyInput.partial();
export type PartyPatch = z.input<typeof partyPatch>;

export const optionPeriodInput = z
  .object({ start: day, end: day, exercised: z.boolean().default(false) })
  .refine((p) => p.end >= p.start, { path: ["end"], error: "commitments.period.endBeforeStart" });

/** A contract's value: whole cents and a currency (`{ "cents": 1250000, "currency": "EUR" }` is 12 500,00 €). */
export const valueInput = z.object({
  cents: centsSchema.min(0, { error: "money.negative" }),
  currency: z.enum(currencyCodes).default("EUR"),
});

const metadata = z
  .record(required(100), text(2000))
  .refine((m) => Object.keys(m).length <= maxMetadataKeys, { error: "commitments.metadata.tooMany" });

export const noticeInput = z.object({
  amount: z.coerce.number().int().min(1).max(3650),
  unit: z.enum(noticeUnits),
});

const contractFields = {
  folderId: z.uuid(),
  type: z.enum(contractTypes, { error: "commitments.type.unknown" }),
  number: required(100),
  diaryNumber: text(200),
  name: required(500),
  responsibleId: optional(personId),
  deputyIds: z.array(personId).max(20),
  startDate: day,
  endDate: optional(day),
  openEnded: z.boolean(),
  optionPeriods: z.array(optionPeriodInput).max(20),
  notice: noticeInput.nullable(),
  autoRenewal: z.boolean(),
  value: valueInput.nullable(),
  status: z.enum(contractStatuses),
  confidentiality: z.enum(confidentialityLevels),
  confidentialityGround: optional(text(300)),
  metadata,
  masterId: optional(z.uuid()),
};

/** Rules within one contract's own fields (a patch is checked again once merged with the stored contract). */
export interface ContractShape {
  startDate: string;
  endDate?: string | null;
  openEnded: boolean;
  confidentiality: string;
  confidentialityGround?: string | null;
}

export const contractInput = z.object({
  ...contractFields,
  diaryNumber: contractFields.diaryNumber.default(""),
  deputyIds: contractFields.deputyIds.default([]),
  openEnded: contractFields.openEnded.default(false),
  optionPeriods: contractFields.optionPeriods.default([]),
  notice: contractFields.notice.default(null),
  autoRenewal: contractFields.autoRenewal.default(false),
  value: contractFields.value.default(null),
  status: contractFields.status.default("draft"),
  confidentiality: contractFields.confidentiality.default("public"),
  metadata: contractFields.metadata.default({}),
  /** The parties, in order (more can be added later). */
  parties: z.array(partyInput).max(50).default([]),
});
export type ContractInput = z.input<typeof contractInput>;
export type ContractData = z.output<typeof contractInput>;

/** A change to a contract: any of its fields; lists given replace the stored ones (parties have their own calls). */
export const contractPatch = z.object(contractFields).partial();
export type ContractPatch = z.input<typeof contractPatch>;

const reminderDays = z.coerce.number().int().min(0).max(maxReminderDays).nullable();

/** Days before each date a reminder goes out; null: none of that kind. */
export const reminderSettingsInput = z.object({
  startDays: reminderDays.default(null),
  endDays: reminderDays.default(null),
  optionEndDays: reminderDays.default(null),
  noticeDays: reminderDays.default(null),
});
export type ReminderSettingsInput = z.input<typeof reminderSettingsInput>;

export const documentInput = z.object({
  kind: z.enum(documentKinds, { error: "commitments.document.kindUnknown" }),
  title: required(300),
  note: text(2000).default(""),
});
export type DocumentInput = z.input<typeof documentInput>;

export const versionInput = z.object({ note: text(2000).default("") });
export type VersionInput = z.input<typeof versionInput>;

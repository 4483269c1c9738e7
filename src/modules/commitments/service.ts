import { and, asc, eq, exists, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Caller } from "../../core/caller.ts";
import { compareDates, formatPlainDate, helsinkiDate, type PlainDate } from "../../core/dates.ts";
import { AppError, type FieldIssue } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { type Money, money } from "../../core/money.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { users } from "../accounts/schema.ts";
import { organisations } from "../people/schema.ts";
import { commitmentsAudit } from "./audit.ts";
import { contractStatuses } from "./constants.ts";
import {
  type ContractInput,
  type ContractPatch,
  contractInput,
  contractPatch,
  type FolderInput,
  type FolderPatch,
  folderInput,
  folderPatch,
  type PartyInput,
  type PartyPatch,
  partyInput,
  partyPatch,
  type ReminderSettingsInput,
  reminderSettingsInput,
} from "./inputs.ts";
import { canManageContracts, canReadAllContracts, canReadContract, commitmentsPolicy } from "./policy.ts";
import {
  contractNoticeDeadline,
  isDue,
  noReminders,
  noticeActBy,
  type ReminderDays,
  type ScheduledReminder,
  scheduleOf,
} from "./schedule.ts";
import {
  contractDeputies,
  contractFolders,
  contractOptionPeriods,
  contractParties,
  contractReminderSettings,
  contracts,
} from "./schema.ts";

export type FolderRow = typeof contractFolders.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;
export type PartyRow = typeof contractParties.$inferSelect;
export type OptionPeriodRow = typeof contractOptionPeriods.$inferSelect;
type SettingsRow = typeof contractReminderSettings.$inferSelect;

export interface PersonRef {
  id: string;
  name: string;
}

/** A folder with its reminder defaults. */
export interface FolderView {
  folder: FolderRow;
  reminders: ReminderDays;
}

/** A contract as the register shows it. */
export interface ContractView {
  contract: ContractRow;
  folder: { id: string; name: string };
  value: Money | null;
  responsible: PersonRef | null;
  deputies: PersonRef[];
  parties: PartyRow[];
  optionPeriods: OptionPeriodRow[];
  /** The notice deadline's working day on or before it (a Saturday deadline → the Friday before). */
  noticeActBy: string | null;
  master: { id: string; number: string; name: string } | null;
  callOffs: { id: string; number: string; name: string }[];
  /** The reminder settings in force: the contract's own, the folder's defaults, or none. */
  reminderSettings: ReminderDays & { source: "contract" | "folder" | "none" };
  /** Every reminder the settings call for, with whether it is due today. */
  reminders: (ScheduledReminder & { due: boolean })[];
  canManage: boolean;
}

/** `?cursor=&limit=` of the folder list. */
export const foldersPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export type FoldersPageQuery = z.input<typeof foldersPageInput>;
/** `?folderId=&status=&cursor=&limit=` of the contract list. */
export const contractsPageInput = z.object({
  folderId: z.uuid().optional(),
  status: z.enum(contractStatuses).optional(),
  ...pageQuery({ defaultLimit: 50, maxLimit: 200 }),
});
export type ContractsPageQuery = z.input<typeof contractsPageInput>;
export const partiesPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));

const folderPages = keyset({
  list: "contract-folders",
  key: contractFolders.name,
  keyType: "text",
  id: contractFolders.id,
  idType: "uuid",
  order: "asc",
});
const contractPages = keyset({
  list: "contracts",
  key: contracts.name,
  keyType: "text",
  id: contracts.id,
  idType: "uuid",
  order: "asc",
});
const partyPages = keyset({
  list: "contract-parties",
  key: contractParties.position,
  keyType: "integer",
  id: contractParties.id,
  idType: "uuid",
  order: "asc",
});

const invalid = (issues: FieldIssue[]) => new AppError("VALIDATION_FAILED", issues);
const issue = (locale: Locale, path: string, key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
  invalid([{ path, message: translate(locale, key, params) }]);
const definedOf = <T extends object>(patch: T) =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
const changedKeys = (patch: object) => Object.keys(definedOf(patch));
const settingsOf = (row: SettingsRow | undefined): ReminderDays =>
  row
    ? { startDays: row.startDays, endDays: row.endDays, optionEndDays: row.optionEndDays, noticeDays: row.noticeDays }
    : noReminders;

/** The job that sends due reminders (reminders.ts); a write that makes one due today queues it at once. */
export const reminderJob = "commitments.sendDueReminders";

export interface CommitmentsDeps {
  db: Db;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
  /** Today in Finland; tests fix it. */
  today?: () => PlainDate;
  /** When given, a write that makes a reminder due today queues the reminder job in its transaction. */
  jobs?: JobQueue;
}

/** The contract register: folders, contracts, their parties, option periods, deputies and reminder settings. */
export function createContractService({
  db,
  writes = createWritePath(db),
  today = () => helsinkiDate(),
  jobs,
}: CommitmentsDeps) {
  const write = writes(commitmentsAudit);
  const manage = (caller: Caller) => authorize(commitmentsPolicy, "manageContracts", caller.actor);
  /** The policy step of a write to one record: manage the register, then a well-formed id. */
  const manageOne = (caller: Caller, id: string) => {
    manage(caller);
    assertUuid(id);
  };

  async function organisationOf(from: Db | Tx, actor: Actor | null): Promise<string | null> {
    if (!actor) return null;
    const [row] = await from.select({ id: users.organisationId }).from(users).where(eq(users.id, actor.id));
    return row?.id ?? null;
  }

  async function findFolder(from: Db | Tx, id: string): Promise<FolderRow> {
    const [row] = await from.select().from(contractFolders).where(eq(contractFolders.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  async function findContract(from: Db | Tx, id: string): Promise<ContractRow> {
    const [row] = await from.select().from(contracts).where(eq(contracts.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  /** The policy step of reading one contract: all of it (staff, admin, auditor), or one's organisation's. */
  async function allowRead(from: Db | Tx, caller: Caller, contractId: string): Promise<void> {
    if (!caller.actor) throw new AppError("UNAUTHENTICATED");
    if (canReadAllContracts(caller.actor)) return;
    const parties = await from
      .select({ organisationId: contractParties.organisationId })
      .from(contractParties)
      .where(eq(contractParties.contractId, contractId));
    const own = await organisationOf(from, caller.actor);
    if (
      !canReadContract(
        caller.actor,
        parties.map((p) => p.organisationId),
        own,
      )
    )
      throw new AppError("FORBIDDEN");
  }

  /** A readable contract, or NOT_FOUND / FORBIDDEN / UNAUTHENTICATED. */
  async function readable(caller: Caller, id: string, from: Db | Tx = db): Promise<ContractRow> {
    authorize(commitmentsPolicy, "readRegister", caller.actor);
    assertUuid(id);
    const row = await findContract(from, id);
    await allowRead(from, caller, id);
    return row;
  }

  async function peopleByIds(from: Db | Tx, ids: string[]): Promise<Map<string, PersonRef>> {
    if (ids.length === 0) return new Map();
    const rows = await from.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function settingsFor(from: Db | Tx, contract: ContractRow) {
    const [own] = await from
      .select()
      .from(contractReminderSettings)
      .where(eq(contractReminderSettings.contractId, contract.id));
    if (own) return { ...settingsOf(own), source: "contract" as const };
    const [folder] = await from
      .select()
      .from(contractReminderSettings)
      .where(eq(contractReminderSettings.folderId, contract.folderId));
    if (folder) return { ...settingsOf(folder), source: "folder" as const };
    return { ...noReminders, source: "none" as const };
  }

  async function viewOf(caller: Caller, contract: ContractRow, from: Db | Tx = db): Promise<ContractView> {
    const [folder] = await from
      .select({ id: contractFolders.id, name: contractFolders.name })
      .from(contractFolders)
      .where(eq(contractFolders.id, contract.folderId));
    const deputies = await from
      .select({ personId: contractDeputies.personId })
      .from(contractDeputies)
      .where(eq(contractDeputies.contractId, contract.id))
      .orderBy(asc(contractDeputies.position));
    const people = await peopleByIds(from, [
      ...(contract.responsibleId ? [contract.responsibleId] : []),
      ...deputies.map((d) => d.personId),
    ]);
    const parties = await from
      .select()
      .from(contractParties)
      .where(eq(contractParties.contractId, contract.id))
      .orderBy(asc(contractParties.position), asc(contractParties.id));
    const optionPeriods = await from
      .select()
      .from(contractOptionPeriods)
      .where(eq(contractOptionPeriods.contractId, contract.id))
      .orderBy(asc(contractOptionPeriods.position));
    const related = { id: contracts.id, number: contracts.number, name: contracts.name };
    const [master] = contract.masterId
      ? await from.select(related).from(contracts).where(eq(contracts.id, contract.masterId))
      : [];
    const callOffs = await from
      .select(related)
      .from(contracts)
      .where(eq(contracts.masterId, contract.id))
      .orderBy(asc(contracts.number));
    const settings = await settingsFor(from, contract);
    const day = today();
    return {
      contract,
      folder: folder ?? { id: contract.folderId, name: "" },
      value: contract.valueCents === null ? null : money(contract.valueCents, contract.currency),
      responsible: contract.responsibleId ? (people.get(contract.responsibleId) ?? null) : null,
      deputies: deputies.flatMap((d) => people.get(d.personId) ?? []),
      parties,
      optionPeriods,
      noticeActBy: noticeActBy(contract.noticeDeadline),
      master: master ?? null,
      callOffs,
      reminderSettings: settings,
      reminders: scheduleOf(contract, optionPeriods, settings).map((r) => ({ ...r, due: isDue(r, day) })),
      canManage: canManageContracts(caller.actor),
    };
  }

  /** People named on a contract must exist; a missing one is a field error. */
  async function checkPeople(tx: Tx, locale: Locale, responsibleId: string | null, deputyIds: string[]) {
    const ids = [...new Set([...(responsibleId ? [responsibleId] : []), ...deputyIds])];
    const found = await peopleByIds(tx, ids);
    if (responsibleId && !found.has(responsibleId)) throw issue(locale, "responsibleId", "commitments.person.notFound");
    const seen = new Set<string>();
    for (const [index, id] of deputyIds.entries()) {
      const path = `deputyIds.${index}`;
      if (!found.has(id)) throw issue(locale, path, "commitments.person.notFound");
      if (id === responsibleId) throw issue(locale, path, "commitments.contract.deputyIsResponsible");
      if (seen.has(id)) throw issue(locale, path, "commitments.contract.deputyTwice");
      seen.add(id);
    }
  }

  async function checkOrganisation(tx: Tx, locale: Locale, id: string | null | undefined, path: string) {
    if (!id) return;
    const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
    if (!row) throw issue(locale, path, "commitments.party.organisationNotFound");
  }

  /** The master contract exists, is not the contract itself and is not one of its call-offs (no cycles). */
  async function checkMaster(tx: Tx, locale: Locale, contractId: string | null, masterId: string | null) {
    if (!masterId) return;
    if (masterId === contractId) throw issue(locale, "masterId", "commitments.contract.masterSelf");
    let at: string | null = masterId;
    for (let depth = 0; at && depth < 100; depth++) {
      const [row]: { masterId: string | null }[] = await tx
        .select({ masterId: contracts.masterId })
        .from(contracts)
        .where(eq(contracts.id, at));
      if (!row) throw issue(locale, "masterId", "commitments.contract.masterNotFound");
      if (contractId && row.masterId === contractId)
        throw issue(locale, "masterId", "commitments.contract.masterCycle");
      at = row.masterId;
    }
  }

  /**
   * The contract's own cross-field rules, on the stored row merged with the change: the end not before the start,
   * an end date exactly when not open-ended, a notice period that fits in the contract, a legal ground for a
   * confidential one. Answers the notice deadline to store.
   */
  function checkDates(
    locale: Locale,
    c: {
      startDate: string;
      endDate: string | null;
      openEnded: boolean;
      notice: { amount: number; unit: "months" | "days" } | null;
      confidentiality: string;
      confidentialityGround: string | null;
    },
  ): string | null {
    if (c.openEnded && c.endDate) throw issue(locale, "endDate", "commitments.contract.openEndedWithEnd");
    if (!c.openEnded && !c.endDate) throw issue(locale, "endDate", "commitments.contract.endRequired");
    if (c.endDate && compareDates(c.endDate, c.startDate) < 0)
      throw issue(locale, "endDate", "commitments.contract.endBeforeStart", {
        start: formatPlainDate(locale, c.startDate),
      });
    if (c.confidentiality === "confidential" && !c.confidentialityGround)
      throw issue(locale, "confidentialityGround", "commitments.contract.groundRequired");
    const deadline = contractNoticeDeadline(c.endDate, c.notice);
    if (deadline && compareDates(deadline, c.startDate) < 0)
      throw issue(locale, "notice", "commitments.contract.noticeLongerThanContract", {
        deadline: formatPlainDate(locale, deadline),
        start: formatPlainDate(locale, c.startDate),
      });
    return deadline;
  }

  const numberTaken = (locale: Locale, number: string) =>
    issue(locale, "number", "commitments.contract.numberTaken", { number });

  /** A duplicate number in the folder: checked first, and a clash of two writes at once gives the same refusal. */
  async function uniqueNumber<T>(
    tx: Tx,
    locale: Locale,
    c: { folderId: string; number: string; id?: string },
    work: () => Promise<T>,
  ) {
    const [clash] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.folderId, c.folderId), eq(contracts.number, c.number)));
    if (clash && clash.id !== c.id) throw numberTaken(locale, c.number);
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw numberTaken(locale, c.number);
      throw error;
    }
  }

  async function writeDeputies(tx: Tx, contractId: string, ids: string[]) {
    await tx.delete(contractDeputies).where(eq(contractDeputies.contractId, contractId));
    if (ids.length)
      await tx.insert(contractDeputies).values(ids.map((personId, position) => ({ contractId, personId, position })));
  }

  async function writeOptionPeriods(
    tx: Tx,
    contractId: string,
    periods: { start: string; end: string; exercised: boolean }[],
  ) {
    await tx.delete(contractOptionPeriods).where(eq(contractOptionPeriods.contractId, contractId));
    if (periods.length)
      await tx.insert(contractOptionPeriods).values(
        periods.map((p, position) => ({
          contractId,
          position,
          startDate: p.start,
          endDate: p.end,
          exercised: p.exercised,
        })),
      );
  }

  /**
   * Queues the reminder job in the write's transaction when one of these contracts has a reminder due today
   * that has not gone out: a contract added on the day its reminder is due is reminded of now, not at the next
   * scheduled run.
   */
  async function nudge(tx: Tx, contractIds: string[]) {
    if (!jobs || contractIds.length === 0) return;
    const day = today();
    for (const id of contractIds) {
      const contract = await findContract(tx, id);
      if (contract.status === "ended") continue;
      const options = await tx.select().from(contractOptionPeriods).where(eq(contractOptionPeriods.contractId, id));
      const due = scheduleOf(contract, options, await settingsFor(tx, contract)).filter((r) => isDue(r, day));
      if (due.length === 0) continue;
      await jobs.send(reminderJob, {}, { tx });
      return;
    }
  }

  async function saveSettings(
    tx: Tx,
    owner: { folderId: string } | { contractId: string },
    data: ReminderDays,
  ): Promise<void> {
    const where =
      "folderId" in owner
        ? eq(contractReminderSettings.folderId, owner.folderId)
        : eq(contractReminderSettings.contractId, owner.contractId);
    const updated = await tx
      .update(contractReminderSettings)
      .set({ ...data, updatedAt: new Date() })
      .where(where)
      .returning({ id: contractReminderSettings.id });
    if (updated.length === 0) await tx.insert(contractReminderSettings).values({ ...owner, ...data });
  }

  return {
    /** Folders A–Z, with their reminder defaults. */
    async listFolders(caller: Caller, query: FoldersPageQuery | unknown = {}): Promise<Page<FolderView>> {
      authorize(commitmentsPolicy, "readRegister", caller.actor);
      const q = parseInput(foldersPageInput, query, caller.locale);
      const cursor = folderPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(folderPages.columns({ folder: contractFolders, settings: contractReminderSettings }))
        .from(contractFolders)
        .leftJoin(contractReminderSettings, eq(contractReminderSettings.folderId, contractFolders.id))
        .where(folderPages.after(cursor))
        .orderBy(...folderPages.orderBy)
        .limit(folderPages.fetch(q.limit));
      const page = folderPages.page(rows, q.limit);
      return {
        items: page.items.map((r) => ({ folder: r.folder, reminders: settingsOf(r.settings ?? undefined) })),
        nextCursor: page.nextCursor,
      };
    },

    async getFolder(caller: Caller, id: string): Promise<FolderView> {
      authorize(commitmentsPolicy, "readRegister", caller.actor);
      assertUuid(id);
      const folder = await findFolder(db, id);
      const [settings] = await db
        .select()
        .from(contractReminderSettings)
        .where(eq(contractReminderSettings.folderId, id));
      return { folder, reminders: settingsOf(settings) };
    },

    async createFolder(caller: Caller, input: FolderInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        input: { schema: folderInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<FolderView> => {
          const [row] = await uniqueFolderName(caller.locale, () =>
            tx
              .insert(contractFolders)
              .values({ ...data, createdBy: caller.actor?.id ?? null })
              .returning(),
          );
          if (!row) throw new AppError("INTERNAL");
          await audit("folder.create", { type: "contractFolder", id: row.id }, { name: row.name });
          return { folder: row, reminders: noReminders };
        },
      });
    },

    async updateFolder(caller: Caller, id: string, input: FolderPatch | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: folderPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<FolderRow> => {
          await findFolder(tx, id);
          const [row] = await uniqueFolderName(caller.locale, () =>
            tx
              .update(contractFolders)
              .set({ ...definedOf(data), updatedAt: new Date() })
              .where(eq(contractFolders.id, id))
              .returning(),
          );
          if (!row) throw new AppError("NOT_FOUND");
          await audit("folder.update", { type: "contractFolder", id }, { changed: changedKeys(data) });
          return row;
        },
      });
    },

    /** A folder's reminder defaults: every contract in it without settings of its own follows them. */
    async setFolderReminders(
      caller: Caller,
      id: string,
      input: ReminderSettingsInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: reminderSettingsInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<FolderView> => {
          const folder = await findFolder(tx, id);
          await saveSettings(tx, { folderId: id }, data);
          await audit("folder.reminders", { type: "contractFolder", id }, { ...data });
          const inFolder = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.folderId, id));
          await nudge(
            tx,
            inFolder.map((c) => c.id),
          );
          return { folder, reminders: data };
        },
      });
    },

    /**
     * Contracts A–Z, in a folder or all, by status when asked. A member sees only those their home organisation
     * is a party to; staff, admins and auditors see all.
     */
    async listContracts(caller: Caller, query: ContractsPageQuery | unknown = {}): Promise<Page<ContractRow>> {
      authorize(commitmentsPolicy, "readRegister", caller.actor);
      const q = parseInput(contractsPageInput, query, caller.locale);
      const cursor = contractPages.decode(q.cursor, caller.locale);
      let visible: SQL | undefined;
      if (!canReadAllContracts(caller.actor)) {
        authorize(commitmentsPolicy, "readPartyContracts", caller.actor);
        const own = await organisationOf(db, caller.actor);
        if (!own) return { items: [], nextCursor: null };
        visible = exists(
          db
            .select({ one: contractParties.id })
            .from(contractParties)
            .where(and(eq(contractParties.contractId, contracts.id), eq(contractParties.organisationId, own))),
        );
      }
      const rows = await db
        .select(contractPages.columns({ contract: contracts }))
        .from(contracts)
        .where(
          and(
            q.folderId ? eq(contracts.folderId, q.folderId) : undefined,
            q.status ? eq(contracts.status, q.status) : undefined,
            visible,
            contractPages.after(cursor),
          ),
        )
        .orderBy(...contractPages.orderBy)
        .limit(contractPages.fetch(q.limit));
      const page = contractPages.page(rows, q.limit);
      return { items: page.items.map((r) => r.contract), nextCursor: page.nextCursor };
    },

    /** A contract with its parties, people, option periods, notice deadline, reminder settings and reminders. */
    async getContract(caller: Caller, id: string): Promise<ContractView> {
      return viewOf(caller, await readable(caller, id));
    },

    async createContract(caller: Caller, input: ContractInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        input: { schema: contractInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<ContractView> => {
          const [folder] = await tx.select().from(contractFolders).where(eq(contractFolders.id, data.folderId));
          if (!folder) throw issue(caller.locale, "folderId", "commitments.contract.folderNotFound");
          const ground = data.confidentiality === "confidential" ? (data.confidentialityGround ?? null) : null;
          const deadline = checkDates(caller.locale, {
            ...data,
            endDate: data.endDate ?? null,
            confidentialityGround: ground,
          });
          await checkPeople(tx, caller.locale, data.responsibleId ?? null, data.deputyIds);
          await checkMaster(tx, caller.locale, null, data.masterId ?? null);
          for (const [index, party] of data.parties.entries())
            await checkOrganisation(tx, caller.locale, party.organisationId, `parties.${index}.organisationId`);
          const [row] = await uniqueNumber(tx, caller.locale, data, () =>
            tx
              .insert(contracts)
              .values({
                folderId: data.folderId,
                type: data.type,
                number: data.number,
                diaryNumber: data.diaryNumber,
                name: data.name,
                responsibleId: data.responsibleId ?? null,
                startDate: data.startDate,
                endDate: data.endDate ?? null,
                openEnded: data.openEnded,
                noticePeriod: data.notice?.amount ?? null,
                noticeUnit: data.notice?.unit ?? null,
                noticeDeadline: deadline,
                autoRenewal: data.autoRenewal,
                valueCents: data.value ? BigInt(data.value.cents) : null,
                currency: data.value?.currency ?? "EUR",
                status: data.status,
                confidentiality: data.confidentiality,
                confidentialityGround: ground,
                metadata: data.metadata,
                masterId: data.masterId ?? null,
                createdBy: caller.actor?.id ?? null,
              })
              .returning(),
          );
          if (!row) throw new AppError("INTERNAL");
          await writeDeputies(tx, row.id, data.deputyIds);
          await writeOptionPeriods(tx, row.id, data.optionPeriods);
          if (data.parties.length)
            await tx.insert(contractParties).values(
              data.parties.map((p, position) => ({
                contractId: row.id,
                name: p.name,
                businessId: p.businessId ?? null,
                organisationId: p.organisationId ?? null,
                role: p.role,
                position,
              })),
            );
          await audit(
            "contract.create",
            { type: "contract", id: row.id },
            { folderId: row.folderId, number: row.number, type: row.type, status: row.status },
          );
          await nudge(tx, [row.id]);
          return viewOf(caller, row, tx);
        },
      });
    },

    /** Changes a contract; lists given (deputies, option periods) replace the stored ones. */
    async updateContract(
      caller: Caller,
      id: string,
      input: ContractPatch | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: contractPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<ContractView> => {
          const before = await findContract(tx, id);
          const change = definedOf(data);
          if (change.folderId && change.folderId !== before.folderId) {
            const [folder] = await tx.select().from(contractFolders).where(eq(contractFolders.id, change.folderId));
            if (!folder) throw issue(caller.locale, "folderId", "commitments.contract.folderNotFound");
          }
          const notice =
            change.notice !== undefined
              ? change.notice
              : before.noticePeriod !== null && before.noticeUnit !== null
                ? { amount: before.noticePeriod, unit: before.noticeUnit }
                : null;
          const openEnded = change.openEnded ?? before.openEnded;
          // Marking a contract open-ended drops its end date unless a new one is given (which is then refused).
          const endDate = data.endDate !== undefined ? data.endDate : change.openEnded === true ? null : before.endDate;
          const confidentiality = change.confidentiality ?? before.confidentiality;
          const ground =
            confidentiality === "confidential"
              ? data.confidentialityGround !== undefined
                ? data.confidentialityGround
                : before.confidentialityGround
              : null;
          const merged = {
            startDate: change.startDate ?? before.startDate,
            endDate,
            openEnded,
            notice,
            confidentiality,
            confidentialityGround: ground,
          };
          const deadline = checkDates(caller.locale, merged);
          const responsibleId = data.responsibleId !== undefined ? data.responsibleId : before.responsibleId;
          const deputyIds =
            change.deputyIds ??
            (
              await tx
                .select({ id: contractDeputies.personId })
                .from(contractDeputies)
                .where(eq(contractDeputies.contractId, id))
                .orderBy(asc(contractDeputies.position))
            ).map((d) => d.id);
          await checkPeople(tx, caller.locale, responsibleId ?? null, deputyIds);
          if (data.masterId !== undefined) await checkMaster(tx, caller.locale, id, data.masterId);
          const folderId = change.folderId ?? before.folderId;
          const number = change.number ?? before.number;
          const [row] = await uniqueNumber(tx, caller.locale, { folderId, number, id }, () =>
            tx
              .update(contracts)
              .set({
                folderId,
                number,
                type: change.type ?? before.type,
                diaryNumber: change.diaryNumber ?? before.diaryNumber,
                name: change.name ?? before.name,
                responsibleId: responsibleId ?? null,
                startDate: merged.startDate,
                endDate: merged.endDate,
                openEnded,
                noticePeriod: notice?.amount ?? null,
                noticeUnit: notice?.unit ?? null,
                noticeDeadline: deadline,
                autoRenewal: change.autoRenewal ?? before.autoRenewal,
                ...(data.value !== undefined
                  ? {
                      valueCents: data.value ? BigInt(data.value.cents) : null,
                      currency: data.value?.currency ?? "EUR",
                    }
                  : {}),
                status: change.status ?? before.status,
                confidentiality,
                confidentialityGround: ground,
                metadata: change.metadata ?? before.metadata,
                masterId: data.masterId !== undefined ? data.masterId : before.masterId,
                updatedAt: new Date(),
              })
              .where(eq(contracts.id, id))
              .returning(),
          );
          if (!row) throw new AppError("NOT_FOUND");
          if (change.deputyIds) await writeDeputies(tx, id, change.deputyIds);
          if (change.optionPeriods) await writeOptionPeriods(tx, id, change.optionPeriods);
          await audit(
            "contract.update",
            { type: "contract", id },
            {
              changed: changedKeys(data),
              ...(row.status !== before.status ? { statusFrom: before.status, statusTo: row.status } : {}),
            },
          );
          await nudge(tx, [id]);
          return viewOf(caller, row, tx);
        },
      });
    },

    /** The contract's own reminder settings, replacing its folder's defaults for it. */
    async setContractReminders(
      caller: Caller,
      id: string,
      input: ReminderSettingsInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: reminderSettingsInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<ContractView> => {
          const contract = await findContract(tx, id);
          await saveSettings(tx, { contractId: id }, data);
          await audit("contract.reminders", { type: "contract", id }, { ...data });
          await nudge(tx, [id]);
          return viewOf(caller, contract, tx);
        },
      });
    },

    /** Drops the contract's own reminder settings: its folder's defaults apply again. */
    async clearContractReminders(caller: Caller, id: string, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        within: options.within,
        run: async ({ tx, audit }): Promise<ContractView> => {
          const contract = await findContract(tx, id);
          await tx.delete(contractReminderSettings).where(eq(contractReminderSettings.contractId, id));
          await audit("contract.reminders", { type: "contract", id }, { source: "folder" });
          await nudge(tx, [id]);
          return viewOf(caller, contract, tx);
        },
      });
    },

    /** A contract's parties in order. */
    async listParties(caller: Caller, contractId: string, query: unknown = {}): Promise<Page<PartyRow>> {
      await readable(caller, contractId);
      const q = parseInput(partiesPageInput, query, caller.locale);
      const cursor = partyPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(partyPages.columns({ party: contractParties }))
        .from(contractParties)
        .where(and(eq(contractParties.contractId, contractId), partyPages.after(cursor)))
        .orderBy(...partyPages.orderBy)
        .limit(partyPages.fetch(q.limit));
      const page = partyPages.page(rows, q.limit);
      return { items: page.items.map((r) => r.party), nextCursor: page.nextCursor };
    },

    async addParty(
      caller: Caller,
      contractId: string,
      input: PartyInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => manageOne(caller, contractId),
        input: { schema: partyInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<PartyRow> => {
          await findContract(tx, contractId);
          await checkOrganisation(tx, caller.locale, data.organisationId, "organisationId");
          const existing = await tx
            .select({ position: contractParties.position })
            .from(contractParties)
            .where(eq(contractParties.contractId, contractId));
          const position = Math.max(-1, ...existing.map((p) => p.position)) + 1;
          const [row] = await tx
            .insert(contractParties)
            .values({
              contractId,
              name: data.name,
              businessId: data.businessId ?? null,
              organisationId: data.organisationId ?? null,
              role: data.role,
              position,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit("party.create", { type: "contractParty", id: row.id }, { contractId, role: row.role });
          return row;
        },
      });
    },

    async updateParty(caller: Caller, id: string, input: PartyPatch | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: partyPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<PartyRow> => {
          await checkOrganisation(tx, caller.locale, data.organisationId, "organisationId");
          const [row] = await tx
            .update(contractParties)
            .set({ ...definedOf(data), updatedAt: new Date() })
            .where(eq(contractParties.id, id))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "party.update",
            { type: "contractParty", id },
            { contractId: row.contractId, changed: changedKeys(data) },
          );
          return row;
        },
      });
    },

    async removeParty(caller: Caller, id: string, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        within: options.within,
        run: async ({ tx, audit }): Promise<void> => {
          const [row] = await tx.delete(contractParties).where(eq(contractParties.id, id)).returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("party.delete", { type: "contractParty", id }, { contractId: row.contractId });
        },
      });
    },

    /** For the documents and reminders services: the contract if the caller may read it. */
    readable,
    /** The settings in force for a contract (its own, or its folder's). */
    settingsFor,
  };
}

export type ContractService = ReturnType<typeof createContractService>;

function uniqueFolderName<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (isUniqueViolation(error)) throw issue(locale, "name", "commitments.folder.nameTaken");
    throw error;
  });
}

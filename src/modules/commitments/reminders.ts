import { and, eq, gte, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { formatPlainDate, helsinkiDate, type PlainDate } from "../../core/dates.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import type { Logger } from "../../logger.ts";
import type { MailOutbox } from "../../mail/outbox.ts";
import { contractReminderMails, renderMail } from "../../mail/templates.ts";
import { users } from "../accounts/schema.ts";
import { commitmentsAudit } from "./audit.ts";
import type { ReminderKind } from "./constants.ts";
import { commitmentsPolicy } from "./policy.ts";
import { isDue, type ScheduledReminder, scheduleOf } from "./schedule.ts";
import {
  contractDeputies,
  contractFolders,
  contractOptionPeriods,
  contractSentReminders,
  contracts,
} from "./schema.ts";
import type { ContractService } from "./service.ts";

/** A reminder in a person's list: recorded when it went out. */
export interface DueReminderView {
  id: string;
  kind: ReminderKind;
  eventDate: string;
  dueDate: string;
  sentAt: Date;
  contract: { id: string; number: string; name: string; folderName: string };
}

/** `?cursor=&limit=` of one's due reminders. */
export const dueRemindersPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export type DueRemindersPageQuery = z.input<typeof dueRemindersPageInput>;

const duePages = keyset({
  list: "contract-reminders",
  key: contractSentReminders.sentAt,
  keyType: "timestamp",
  id: contractSentReminders.id,
  idType: "uuid",
  order: "desc",
});

/** What the reminder sweep did. */
export interface SweepResult {
  /** Reminders due today (one per contract, kind, date and recipient). */
  due: number;
  /** Of those, recorded and queued as mail by this sweep (the others were sent before, or by another instance). */
  sent: number;
}

/**
 * Contract reminders: N days before a start, end, option-period end or notice deadline, to the contract's
 * responsible person and deputies, by e-mail and in their list in the app.
 *
 * Sent once: each reminder (contract, kind, the date reminded of, recipient) is one row of
 * contract_sent_reminders, inserted in the same transaction as its mail job (outbox.send with the write's tx).
 * A sweep that runs again (a retry after a crash, the next scheduled run, another instance at the same time)
 * inserts nothing for a reminder already recorded (ON CONFLICT DO NOTHING on the unique key) and so queues no
 * mail; a sweep cut short leaves the rest unrecorded, and the next one sends them. A missed day is made up: a
 * reminder stays due from its day until the date it reminds of.
 */
export function createReminderService({
  db,
  writes = createWritePath(db),
  outbox,
  contractsService,
  publicUrl,
  today = () => helsinkiDate(),
  logger,
}: {
  db: Db;
  writes?: WritePath;
  outbox: MailOutbox;
  contractsService: ContractService;
  publicUrl: string;
  /** Today in Finland; tests fix it. */
  today?: () => PlainDate;
  logger?: Logger;
}) {
  const write = writes(commitmentsAudit);
  const system: Caller = { actor: null, locale: "fi" };

  /** Every reminder due today, with its contract and recipients. */
  async function dueToday(day: PlainDate) {
    // Contracts not ended; the register is a few thousand contracts at most, so the schedule is computed here.
    const rows = await db
      .select({ contract: contracts, folderName: contractFolders.name })
      .from(contracts)
      .innerJoin(contractFolders, eq(contractFolders.id, contracts.folderId))
      .where(ne(contracts.status, "ended"));
    const due: { contract: typeof contracts.$inferSelect; folderName: string; reminder: ScheduledReminder }[] = [];
    for (const { contract, folderName } of rows) {
      const settings = await contractsService.settingsFor(db, contract);
      if (settings.source === "none") continue;
      const options = await db
        .select({ endDate: contractOptionPeriods.endDate })
        .from(contractOptionPeriods)
        .where(eq(contractOptionPeriods.contractId, contract.id));
      for (const reminder of scheduleOf(contract, options, settings))
        if (isDue(reminder, day)) due.push({ contract, folderName, reminder });
    }
    return due;
  }

  async function recipients(contract: typeof contracts.$inferSelect) {
    const deputies = await db
      .select({ id: contractDeputies.personId })
      .from(contractDeputies)
      .where(eq(contractDeputies.contractId, contract.id));
    const ids = [
      ...new Set([...(contract.responsibleId ? [contract.responsibleId] : []), ...deputies.map((d) => d.id)]),
    ];
    if (ids.length === 0) return [];
    return db
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(inArray(users.id, ids));
  }

  return {
    /** Records and queues every reminder due today that has not gone out yet (the reminder job runs this). */
    async sendDue(): Promise<SweepResult> {
      const day = today();
      let due = 0;
      let sent = 0;
      for (const { contract, folderName, reminder } of await dueToday(day)) {
        for (const person of await recipients(contract)) {
          due += 1;
          const queued = await write({
            caller: system,
            allow: () => undefined,
            run: async ({ tx, audit, unchanged }): Promise<boolean> => {
              const [row] = await tx
                .insert(contractSentReminders)
                .values({
                  contractId: contract.id,
                  kind: reminder.kind,
                  eventDate: reminder.eventDate,
                  dueDate: reminder.dueDate,
                  recipientId: person.id,
                })
                .onConflictDoNothing()
                .returning({ id: contractSentReminders.id });
              if (!row) {
                unchanged();
                return false;
              }
              const locale = person.locale;
              const mail = renderMail(contractReminderMails[reminder.kind], locale, {
                name: person.name,
                contract: contract.name,
                number: contract.number,
                folder: folderName,
                date: formatPlainDate(locale, reminder.eventDate),
                actBy: formatPlainDate(locale, reminder.actBy),
                link: new URL(`/commitments/contracts/${contract.id}`, publicUrl).toString(),
              });
              await outbox.send({ to: person.email, ...mail }, { tx });
              await audit(
                "reminder.send",
                { type: "contract", id: contract.id },
                { kind: reminder.kind, eventDate: reminder.eventDate, recipientId: person.id },
              );
              return true;
            },
          });
          if (queued) sent += 1;
        }
      }
      if (sent > 0) logger?.info(`contract reminders: ${sent} sent of ${due} due`);
      return { due, sent };
    },

    /** The caller's reminders that went out and whose date has not passed, newest first. */
    async listDue(caller: Caller, query: DueRemindersPageQuery | unknown = {}): Promise<Page<DueReminderView>> {
      authorize(commitmentsPolicy, "readOwnReminders", caller.actor);
      const q = parseInput(dueRemindersPageInput, query, caller.locale);
      const cursor = duePages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(
          duePages.columns({
            reminder: contractSentReminders,
            contract: { id: contracts.id, number: contracts.number, name: contracts.name },
            folderName: contractFolders.name,
          }),
        )
        .from(contractSentReminders)
        .innerJoin(contracts, eq(contracts.id, contractSentReminders.contractId))
        .innerJoin(contractFolders, eq(contractFolders.id, contracts.folderId))
        .where(
          and(
            eq(contractSentReminders.recipientId, caller.actor?.id ?? ""),
            gte(contractSentReminders.eventDate, today().toString()),
            duePages.after(cursor),
          ),
        )
        .orderBy(...duePages.orderBy)
        .limit(duePages.fetch(q.limit));
      const page = duePages.page(rows, q.limit);
      return {
        items: page.items.map(({ reminder, contract, folderName }) => ({
          id: reminder.id,
          kind: reminder.kind,
          eventDate: reminder.eventDate,
          dueDate: reminder.dueDate,
          sentAt: reminder.sentAt,
          contract: { ...contract, folderName },
        })),
        nextCursor: page.nextCursor,
      };
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;

import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { users } from "../accounts/schema.ts";
import { allowIn, issue, partiesOf } from "./access.ts";
import { type AttachmentRow, type AttachmentService, insertAttachment, type UploadedFile } from "./attachments.ts";
import { alliancesAudit } from "./audit.ts";
import type { PhaseName, Position } from "./constants.ts";
import { type DecisionInput, decisionInput } from "./inputs.ts";
import { allianceAttachments, allianceDecisions, allianceMembers, alliancePhaseGates } from "./schema.ts";

export type DecisionRow = typeof allianceDecisions.$inferSelect;

/** A decision as the log shows it: who took which position (and for which party), its files, the gates it decided. */
export interface DecisionLogEntry {
  row: DecisionRow;
  positions: { personId: string; name: string; partyId: string | null; partyName: string | null; position: Position }[];
  /** The parties whose board members were there (any position but absent), in the parties' order. */
  partiesPresent: { id: string; name: string }[];
  attachments: AttachmentRow[];
  gates: PhaseName[];
}

/**
 * Whether the positions carry a proposal: with unanimity every board member is for it (an absent or abstaining
 * member breaks unanimity); otherwise more members are for it than against it.
 */
export function carries(requiresUnanimity: boolean, positions: readonly { position: Position }[]): boolean {
  const count = (p: Position) => positions.filter((x) => x.position === p).length;
  if (requiresUnanimity) return positions.length > 0 && count("for") === positions.length;
  return count("for") > count("against");
}

/** The alliance board's decision log. */
export function createDecisionService({
  db,
  writes = createWritePath(db),
  attachments,
}: {
  db: Db;
  writes?: WritePath;
  /** For a decision recorded with its file (the signed minutes); without it, record takes no file. */
  attachments?: AttachmentService;
}) {
  const write = writes(alliancesAudit);

  async function boardOf(from: Db | Tx, allianceId: string) {
    return from
      .select({ personId: allianceMembers.personId, name: users.name })
      .from(allianceMembers)
      .innerJoin(users, eq(users.id, allianceMembers.personId))
      .where(and(eq(allianceMembers.allianceId, allianceId), eq(allianceMembers.board, true)))
      .orderBy(asc(users.name));
  }

  return {
    async list(caller: Caller, allianceId: string): Promise<DecisionRow[]> {
      await allowIn(db, caller, allianceId, "readAlliance");
      return db
        .select()
        .from(allianceDecisions)
        .where(eq(allianceDecisions.allianceId, allianceId))
        .orderBy(asc(allianceDecisions.decidedOn), asc(allianceDecisions.createdAt), asc(allianceDecisions.id));
    },

    /**
     * Records a decision with every board member's position. A decision said to be made that the positions do not
     * carry (no unanimity where it is required, no majority otherwise) is refused, and so is the other way round.
     */
    async record(
      caller: Caller,
      allianceId: string,
      input: DecisionInput,
      upload: UploadedFile | null = null,
    ): Promise<DecisionRow> {
      if (!upload) return recordWith(caller, allianceId, input, null);
      if (!attachments) throw new Error("decisions: a file needs the attachment service");
      // The file is checked before anything is written, and stored before the write's transaction opens: a refused
      // decision leaves no file, a refused file no decision.
      await allowIn(db, caller, allianceId, "manageAlliance");
      const file = await attachments.checkFile(caller.locale, upload);
      return attachments.storing(file, (stored) => recordWith(caller, allianceId, input, stored));
    },

    /** The decision log as its page shows it: every decision with its positions by name and party, files, gates. */
    async log(caller: Caller, allianceId: string): Promise<DecisionLogEntry[]> {
      await allowIn(db, caller, allianceId, "readAlliance");
      const rows = await db
        .select()
        .from(allianceDecisions)
        .where(eq(allianceDecisions.allianceId, allianceId))
        .orderBy(asc(allianceDecisions.decidedOn), asc(allianceDecisions.createdAt), asc(allianceDecisions.id));
      const parties = await partiesOf(db, allianceId);
      const partyName = new Map(parties.map((p) => [p.id, p.name]));
      const people = new Map(
        (
          await db
            .select({ personId: users.id, name: users.name, partyId: allianceMembers.partyId })
            .from(users)
            .leftJoin(
              allianceMembers,
              and(eq(allianceMembers.personId, users.id), eq(allianceMembers.allianceId, allianceId)),
            )
            .where(inArray(users.id, [...new Set(rows.flatMap((r) => r.positions.map((p) => p.personId)))].concat("")))
        ).map((p) => [p.personId, p]),
      );
      const files = await db
        .select()
        .from(allianceAttachments)
        .where(and(eq(allianceAttachments.allianceId, allianceId), isNotNull(allianceAttachments.decisionId)))
        .orderBy(asc(allianceAttachments.createdAt), asc(allianceAttachments.id));
      const gates = await db.select().from(alliancePhaseGates).where(eq(alliancePhaseGates.allianceId, allianceId));
      return rows.map((row) => {
        const positions = row.positions.map((p) => {
          const person = people.get(p.personId);
          const partyId = person?.partyId ?? null;
          return {
            personId: p.personId,
            name: person?.name ?? p.personId,
            partyId,
            partyName: partyId ? (partyName.get(partyId) ?? null) : null,
            position: p.position,
          };
        });
        const present = new Set(positions.filter((p) => p.position !== "absent").map((p) => p.partyId));
        return {
          row,
          positions,
          partiesPresent: parties.filter((p) => present.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
          attachments: files.filter((f) => f.decisionId === row.id),
          gates: gates.filter((g) => g.decisionId === row.id).map((g) => g.phase),
        };
      });
    },
  };

  async function recordWith(
    caller: Caller,
    allianceId: string,
    input: DecisionInput,
    stored: Parameters<typeof insertAttachment>[5] | null,
  ): Promise<DecisionRow> {
    return write({
      caller,
      allow: async () => {
        await allowIn(db, caller, allianceId, "manageAlliance");
      },
      input: { schema: decisionInput, value: input },
      run: async ({ tx, data, audit }) => {
        const board = await boardOf(tx, allianceId);
        if (board.length === 0) throw issue(caller.locale, "positions", "alliances.decision.noBoard");
        const onBoard = new Set(board.map((b) => b.personId));
        const seen = new Set<string>();
        for (const [i, p] of data.positions.entries()) {
          if (!onBoard.has(p.personId) || seen.has(p.personId))
            throw issue(caller.locale, `positions.${i}.personId`, "alliances.decision.notOnBoard");
          seen.add(p.personId);
        }
        const missing = board.find((b) => !seen.has(b.personId));
        if (missing)
          throw issue(caller.locale, "positions", "alliances.decision.positionMissing", { name: missing.name });
        const carried = carries(data.requiresUnanimity, data.positions);
        if (data.made && !carried)
          throw issue(
            caller.locale,
            "made",
            data.requiresUnanimity ? "alliances.decision.notUnanimous" : "alliances.decision.noMajority",
          );
        if (!data.made && carried) throw issue(caller.locale, "made", "alliances.decision.carried");
        const [row] = await tx
          .insert(allianceDecisions)
          .values({ allianceId, ...data, createdBy: caller.actor?.id ?? null })
          .returning();
        if (!row) throw new Error("insert returned no row");
        await audit(
          "decision.create",
          { type: "allianceDecision", id: row.id },
          { allianceId, made: row.made, requiresUnanimity: row.requiresUnanimity },
        );
        if (stored) await insertAttachment(tx, audit, caller, allianceId, { decisionId: row.id }, stored);
        return row;
      },
    });
  }
}

export type DecisionService = ReturnType<typeof createDecisionService>;

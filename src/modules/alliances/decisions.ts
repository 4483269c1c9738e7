import { and, asc, eq } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { users } from "../accounts/schema.ts";
import { allowIn, issue } from "./access.ts";
import { alliancesAudit } from "./audit.ts";
import type { Position } from "./constants.ts";
import { type DecisionInput, decisionInput } from "./inputs.ts";
import { allianceDecisions, allianceMembers } from "./schema.ts";

export type DecisionRow = typeof allianceDecisions.$inferSelect;

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
export function createDecisionService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
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
    async record(caller: Caller, allianceId: string, input: DecisionInput): Promise<DecisionRow> {
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
          return row;
        },
      });
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;

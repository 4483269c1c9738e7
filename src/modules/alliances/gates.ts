import { and, asc, eq } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { type AllianceRow, allowIn, findAlliance, issue } from "./access.ts";
import { alliancesAudit } from "./audit.ts";
import type { PhaseName } from "./constants.ts";
import { type GateInput, gateInput } from "./inputs.ts";
import { allianceDecisions, alliancePhaseGates, alliances, type PhaseData } from "./schema.ts";

export type GateRow = typeof alliancePhaseGates.$inferSelect;

/**
 * The gates between an alliance's phases (development → implementation → after-care). A gate is decided by one of
 * the board's decisions of the same alliance, never by hand: a made decision approves it, one not made rejects it
 * (a rejected gate may be decided again later; an approved one stays). Gates are decided in order: a phase's gate
 * waits until the previous phase's gate is approved. The gate row holds the decision (a foreign key), and the
 * alliance's phases show the same gate, written in the same transaction.
 */
export function createGateService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(alliancesAudit);

  return {
    async list(caller: Caller, allianceId: string): Promise<GateRow[]> {
      await allowIn(db, caller, allianceId, "readAlliance");
      return db
        .select()
        .from(alliancePhaseGates)
        .where(eq(alliancePhaseGates.allianceId, allianceId))
        .orderBy(asc(alliancePhaseGates.createdAt));
    },

    /** Decides a phase's gate by the decision named; the alliance as it now is. */
    async decide(caller: Caller, allianceId: string, input: GateInput): Promise<AllianceRow> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, allianceId, "manageAlliance");
        },
        input: { schema: gateInput, value: input },
        run: async ({ tx, data, audit }) => {
          const alliance = await findAlliance(tx, allianceId);
          const index = alliance.phases.findIndex((p) => p.name === data.phase);
          const phase = alliance.phases[index];
          if (!phase) throw issue(caller.locale, "phase", "alliances.gate.phaseNotListed");
          const previous = alliance.phases[index - 1];
          if (previous && previous.gate !== "approved")
            throw issue(caller.locale, "phase", "alliances.phase.gateNotPassed");
          if (phase.gate === "approved") throw issue(caller.locale, "phase", "alliances.gate.alreadyApproved");
          // Only a decision of this alliance: another alliance's decision is as unknown here as a made-up id.
          const [decision] = await tx
            .select()
            .from(allianceDecisions)
            .where(and(eq(allianceDecisions.id, data.decisionId), eq(allianceDecisions.allianceId, allianceId)));
          if (!decision) throw issue(caller.locale, "decisionId", "alliances.gate.decisionNotFound");
          const [used] = await tx
            .select({ phase: alliancePhaseGates.phase })
            .from(alliancePhaseGates)
            .where(eq(alliancePhaseGates.decisionId, decision.id));
          if (used && used.phase !== data.phase)
            throw issue(caller.locale, "decisionId", "alliances.gate.decisionUsed");
          const values = { decisionId: decision.id, decidedBy: caller.actor?.id ?? null, createdAt: new Date() };
          await tx
            .insert(alliancePhaseGates)
            .values({ allianceId, phase: data.phase, ...values })
            .onConflictDoUpdate({ target: [alliancePhaseGates.allianceId, alliancePhaseGates.phase], set: values });
          const gate = decision.made ? "approved" : "rejected";
          const phases: PhaseData[] = alliance.phases.map((p) =>
            p.name === data.phase ? { ...p, gate, gateDecidedOn: decision.decidedOn, gateDecisionId: decision.id } : p,
          );
          const [row] = await tx
            .update(alliances)
            .set({ phases, updatedAt: new Date() })
            .where(eq(alliances.id, allianceId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "gate.decide",
            { type: "alliance", id: allianceId },
            { phase: data.phase, decisionId: decision.id, gate },
          );
          return row;
        },
      });
    },
  };
}

export type GateService = ReturnType<typeof createGateService>;

/**
 * Gates are decided only by decisions (GateService.decide): a create or an edit of the phases keeps every phase's
 * gate as stored (a new phase's as pending). The index of the first phase whose gate differs, or -1.
 */
export function changedGate(
  stored: readonly PhaseData[],
  given: readonly { name: PhaseName; gate: string; gateDecidedOn: string | null }[],
): number {
  return given.findIndex((p) => {
    const was = stored.find((s) => s.name === p.name);
    return was ? was.gate !== p.gate || was.gateDecidedOn !== p.gateDecidedOn : p.gate !== "pending";
  });
}

/** The given phases with each stored gate's decision kept (the input never carries it). */
export function keepGateDecisions<P extends { name: PhaseName }>(stored: readonly PhaseData[], given: readonly P[]) {
  return given.map((p) => {
    const decisionId = stored.find((s) => s.name === p.name)?.gateDecisionId;
    return decisionId ? { ...p, gateDecisionId: decisionId } : p;
  });
}

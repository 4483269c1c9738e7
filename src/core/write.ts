import type { z } from "zod";
import type { Db, Tx } from "../db/client.ts";
import { recordAudit } from "../modules/audit/record.ts";
import type { Caller } from "./caller.ts";
import { parseInput } from "./validate.ts";

/** Something a write causes outside the database: wake live streams, tell other instances. */
export type Effect = () => void | Promise<void>;

/**
 * One unit of work: the transaction every statement of a write goes through,
 * and the effects that run once it has committed. A service method that takes
 * `within` joins its caller's unit, so a write spanning two modules (an event
 * and its wall) is one transaction, and its effects wait for the outer commit.
 */
export interface WriteUnit {
  tx: Tx;
  afterCommit(effect: Effect): void;
}

/** A module's audit actions: the only action names its writes can record. */
export interface AuditActions<Action extends string> {
  module: string;
  actions: readonly Action[];
}

export function defineAuditActions<const Actions extends readonly string[]>(
  module: string,
  actions: Actions,
): AuditActions<Actions[number]> {
  return { module, actions };
}

/** Who the audit row names: the signed-in person, and for a wall participant their pseudonymous id. */
export type WriteCaller = Caller & { participantHash?: string | null };

export interface WriteSteps<Action extends string, Data, Result, Prepared = undefined> {
  caller: WriteCaller;
  /** The module's policy: throws FORBIDDEN / UNAUTHENTICATED (before anything is parsed or read). */
  allow: () => void | Promise<void>;
  /** Parsed once, with translated messages, after the policy allowed the write. */
  input?: { schema: z.ZodType<Data>; value: unknown };
  /**
   * Work on the parsed input that needs no database (rendering a post's Markdown): done before the transaction
   * opens, so no lock waits for it (on PGlite a transaction holds the whole database). Its result is `prepared`.
   */
  prepare?: (data: Data) => Prepared;
  /** The caller's unit of work, to compose with; without it the write opens its own transaction. */
  within?: WriteUnit;
  run: (write: {
    tx: Tx;
    data: Data;
    prepared: Prepared;
    unit: WriteUnit;
    /** The write's audit row, in the same transaction. Every write records one, or says why not (`unaudited`). */
    audit(
      action: Action,
      target: { type: string; id: string | null },
      details?: Record<string, unknown>,
    ): Promise<void>;
    /** This call changed nothing (a repeated like, a second report): no audit row is due. */
    unchanged(): void;
    afterCommit(effect: Effect): void;
  }) => Promise<Result>;
}

/**
 * The one write path of every module: policy → one parse of the input → one
 * transaction with its audit row → effects after commit. `onEffectError`
 * hears an effect that failed after the commit (the write stands).
 */
export function createWritePath(
  db: Db,
  onEffectError: (error: unknown) => void = (error) => console.error("a write's after-commit effect failed", error),
) {
  async function inUnit<T>(within: WriteUnit | undefined, work: (unit: WriteUnit) => Promise<T>): Promise<T> {
    if (within) return work(within);
    const effects: Effect[] = [];
    const result = await db.transaction((tx) => work({ tx, afterCommit: (effect) => effects.push(effect) }));
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        onEffectError(error);
      }
    }
    return result;
  }

  return function writesOf<Action extends string>(log: AuditActions<Action>) {
    return async function write<Data = undefined, Result = void, Prepared = undefined>(
      steps: WriteSteps<Action, Data, Result, Prepared>,
    ): Promise<Result> {
      await steps.allow();
      const data = (
        steps.input ? parseInput(steps.input.schema, steps.input.value, steps.caller.locale) : undefined
      ) as Data;
      const prepared = (steps.prepare ? steps.prepare(data) : undefined) as Prepared;
      return inUnit(steps.within, async (unit) => {
        let accounted = false;
        const result = await steps.run({
          tx: unit.tx,
          data,
          prepared,
          unit,
          afterCommit: unit.afterCommit,
          unchanged: () => {
            accounted = true;
          },
          audit: async (action, target, details) => {
            if (!log.actions.includes(action)) throw new Error(`${log.module}: unknown audit action ${action}`);
            accounted = true;
            await recordAudit(unit.tx, {
              actorId: steps.caller.actor?.id ?? null,
              actorParticipant: steps.caller.participantHash ?? null,
              module: log.module,
              action,
              targetType: target.type,
              targetId: target.id,
              details,
            });
          },
        });
        // A programming error, caught by the module's tests: the transaction rolls back.
        if (!accounted) throw new Error(`${log.module}: a write committed no audit row`);
        return result;
      });
    };
  };
}

export type WritePath = ReturnType<typeof createWritePath>;

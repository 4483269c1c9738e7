import type { Db } from "../db/client.ts";
import { AppError } from "./errors.ts";
import { createSharedCounters } from "./shared-rate-limit.ts";

export interface JoinCodeGuessLimits {
  /** Wrong codes one address may give per window, whichever wall or event they were for. */
  wrongPerWindow: number;
  /** Codes of any kind (right ones too) one address may give per window. */
  attemptsPerWindow: number;
  windowMs: number;
}

/**
 * One budget per client address across every join code, since an attacker may
 * guess the code of any wall or event. Only wrong codes use up the small
 * budget: a seminar hall behind one NAT shares an address, and hundreds of
 * people typing the right code must not lock each other out. Random codes are
 * six characters of 32 (a billion), so 30 wrong ones per ten minutes find none;
 * the high cap on all attempts only bounds what one address can make us do.
 */
export const joinCodeGuessLimits: JoinCodeGuessLimits = {
  wrongPerWindow: 30,
  attemptsPerWindow: 1000,
  windowMs: 10 * 60_000,
};

/**
 * Counts join codes given per address (hashed) in the database, so the budget
 * holds across restarts and app instances.
 */
export function createJoinCodeGuesses(db: Db, limits: JoinCodeGuessLimits = joinCodeGuessLimits) {
  const counters = createSharedCounters(db, { prefix: "join-code", windowMs: limits.windowMs });
  return {
    /**
     * Call with the comparison's result before acting on it. Throws
     * RATE_LIMITED once the address has used its budget, for right and wrong
     * codes alike, so a refusal never tells whether the code was right.
     */
    async count(addressHash: string, { right }: { right: boolean }): Promise<void> {
      const counts = await counters.add({ [`all:${addressHash}`]: 1, [`wrong:${addressHash}`]: right ? 0 : 1 });
      const wrong = counts[`wrong:${addressHash}`] ?? 0;
      const all = counts[`all:${addressHash}`] ?? 0;
      // A wrong code is answered while it is within the budget; a right one only while budget remains.
      const overBudget = right ? wrong >= limits.wrongPerWindow : wrong > limits.wrongPerWindow;
      if (overBudget || all > limits.attemptsPerWindow) throw new AppError("RATE_LIMITED");
    },
  };
}

export type JoinCodeGuesses = ReturnType<typeof createJoinCodeGuesses>;

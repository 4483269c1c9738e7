import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "../../src/core/caller.ts";
import { allows, type Policy } from "../../src/core/policy.ts";
import type { Role } from "../../src/modules/accounts/constants.ts";

export type Who = "anonymous" | Role;
/** A participant is a browser with the participant cookie and no account (a wall's or an event's). */
export type Visitor = Who | "participant";
const withoutAccount = (who: Visitor) => who === "anonymous" || who === "participant";
const actorFor = (who: Visitor): Actor | null =>
  who === "anonymous" || who === "participant"
    ? null
    : { id: `${who}-id`, name: who, email: `${who}@example.test`, role: who };

/**
 * Checks a module's policy against the table a reader can review at a glance:
 * one row per action, listing exactly who may do it.
 */
export function expectPolicyMatrix<A extends string>(policy: Policy<A>, expected: Record<A, Who[]>) {
  const everyone: Who[] = ["anonymous", "member", "staff", "admin"];
  it("covers every action of the policy and no other", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(policy).sort());
  });
  for (const action of Object.keys(expected) as A[]) {
    it(`${action}: ${expected[action].join(", ") || "nobody"}`, () => {
      const actual = everyone.filter((who) => allows(policy[action], actorFor(who)));
      expect(actual).toEqual(everyone.filter((who) => expected[action].includes(who)));
    });
  }
}

/** A real call (service method or HTTP request) made as one kind of visitor; it rejects as the service does. */
export type Attempt<V extends Visitor = Who> = (who: V) => Promise<unknown>;

const refusalCodes = ["UNAUTHENTICATED", "FORBIDDEN"];
const codeOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;

/**
 * The policy decides, checked on the real code: for every action, each of its
 * attempts (every service call or request the action guards) is made as
 * anonymous, member, staff and admin. The roles the table allows must succeed;
 * the others are refused, UNAUTHENTICATED for a visitor and FORBIDDEN for the
 * signed in. While the calls run, the policy object records which of its
 * entries were read: an attempt that never reads its action's entry fails, so
 * an entry no code consults fails, and so does a call listed under the wrong entry. An attempt reports its refusal by rejecting
 * with `{ code }` (an AppError), or for HTTP by resolving to the response: 2xx is done, 401
 * and 403 refused, anything else fails the test.
 * A module whose visitors include participants passes `visitors` with "participant"
 * (refused as UNAUTHENTICATED, like anonymous: neither has an account).
 */
export function expectPolicyDecides<A extends string, V extends Visitor = Who>(
  policy: Policy<A>,
  expected: Record<A, V[]>,
  attempts: Record<A, Record<string, Attempt<V>>>,
  options: { visitors?: V[] } = {},
) {
  const everyone = options.visitors ?? (["anonymous", "member", "staff", "admin"] as V[]);
  const watched = watchEntryReads([policy]);
  const original = watched.entries[0] as Policy<A>;

  it("lists every action of the policy and no other, each with its attempts", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(original).sort());
    expect(Object.keys(attempts).sort()).toEqual(Object.keys(original).sort());
    for (const action of Object.keys(attempts) as A[]) expect(Object.keys(attempts[action]).length).toBeGreaterThan(0);
  });

  decideEveryAttempt(watched, expected, attempts, {
    visitors: everyone,
    signedOut: everyone.filter(withoutAccount),
    // Also what the table says, so the table a reader reviews is the one the code obeys.
    alsoExpect: (action) =>
      expect(everyone.filter((who) => allows(original[action], actorFor(who)))).toEqual(
        everyone.filter((who) => expected[action].includes(who)),
      ),
  });
}

/**
 * An attempt that needs something made first (a fresh member to remove, a
 * deliverable already submitted): `prepare` runs before the visitor's call and
 * is not counted as consulting the policy; `run` is the call the matrix judges.
 */
export type PreparedAttempt<V extends string, T = unknown> = {
  prepare: (who: V) => Promise<T>;
  run: (who: V, prepared: T) => Promise<unknown>;
};
export type RuleAttempt<V extends string> = ((who: V) => Promise<unknown>) | PreparedAttempt<V, never>;

/**
 * The policy decides, for a module whose rules are role tables (`Policy`) and
 * module-role tables (e.g. the group roles that may do an action): every entry
 * of every table is an action, and each of its attempts (the real service
 * calls or requests it guards) is made as every visitor, e.g. anonymous, a
 * member outside the group, a group member, its convener, staff and admin.
 * Exactly the visitors listed may; the others are refused, UNAUTHENTICATED
 * for those without an account (`signedOut`) and FORBIDDEN for the rest.
 * While an attempt runs the tables record which entries were read, so an
 * entry no code consults fails, and so does a call listed under the wrong entry.
 */
export function expectRulesDecide<V extends string, A extends string>(
  tables: readonly object[],
  expected: Record<A, readonly NoInfer<V>[]>,
  attempts: Record<A, Record<string, RuleAttempt<NoInfer<V>>>>,
  options: { visitors: readonly V[]; signedOut: readonly V[] },
) {
  const watched = watchEntryReads(tables);
  const allKeys = watched.entries.flatMap((entries) => Object.keys(entries)).sort();

  it("lists every entry of the module's rules and no other, each with its attempts", () => {
    expect(new Set(allKeys).size, "an action name in two tables").toBe(allKeys.length);
    expect(Object.keys(expected).sort()).toEqual(allKeys);
    expect(Object.keys(attempts).sort()).toEqual(allKeys);
    for (const action of Object.keys(attempts) as A[]) expect(Object.keys(attempts[action]).length).toBeGreaterThan(0);
  });

  decideEveryAttempt(watched, expected, attempts, options);
}

type WatchedTables = {
  /** Each table's entries as they were, in the order given. */
  entries: Record<string, unknown>[];
  /** Where the entries read are recorded while an attempt runs (null: not recording). */
  recordInto(read: Set<string> | null): void;
};

/** For the tests of the enclosing block, the tables record which of their entries are read. */
function watchEntryReads(tables: readonly object[]): WatchedTables {
  let read: Set<string> | null = null;
  const originals = tables.map((table) => ({ table, entries: { ...table } as Record<string, unknown> }));

  beforeAll(() => {
    for (const { table, entries } of originals) {
      for (const key of Object.keys(entries)) {
        Object.defineProperty(table, key, {
          configurable: true,
          enumerable: true,
          get() {
            read?.add(key);
            return entries[key];
          },
        });
      }
    }
  });
  afterAll(() => {
    for (const { table, entries } of originals) {
      for (const key of Object.keys(entries)) {
        Object.defineProperty(table, key, {
          configurable: true,
          enumerable: true,
          writable: true,
          value: entries[key],
        });
      }
    }
  });

  return {
    entries: originals.map(({ entries }) => entries),
    recordInto: (set) => {
      read = set;
    },
  };
}

/**
 * One test per attempt: it is made as every visitor; exactly those `expected`
 * lists may, the others are refused (UNAUTHENTICATED for `signedOut`, FORBIDDEN
 * for the rest), and the attempt must read its action's entry.
 */
function decideEveryAttempt<V extends string, A extends string>(
  watched: WatchedTables,
  expected: Record<A, readonly V[]>,
  attempts: Record<A, Record<string, RuleAttempt<V>>>,
  options: { visitors: readonly V[]; signedOut: readonly V[]; alsoExpect?: (action: A) => void },
) {
  for (const action of Object.keys(expected) as A[]) {
    for (const [name, attempt] of Object.entries(attempts[action] ?? {}) as [string, RuleAttempt<V>][]) {
      it(`${action} (${name}): ${expected[action].join(", ") || "nobody"}`, async () => {
        const outcomes: Record<string, string> = {};
        const consulted = new Set<string>();
        for (const who of options.visitors) {
          const made = typeof attempt === "function" ? undefined : await attempt.prepare(who);
          watched.recordInto(consulted);
          try {
            const result = typeof attempt === "function" ? await attempt(who) : await attempt.run(who, made as never);
            const status = (result as { status?: unknown } | null)?.status;
            if (typeof status === "number" && (status < 200 || status > 299) && status !== 401 && status !== 403)
              throw new Error(`${name} as ${who}: HTTP ${status}, neither done nor refused by the policy`);
            outcomes[who] = status === 401 ? "UNAUTHENTICATED" : status === 403 ? "FORBIDDEN" : "allowed";
          } catch (error) {
            const code = codeOf(error);
            if (!code || !refusalCodes.includes(code)) throw error;
            outcomes[who] = code;
          } finally {
            watched.recordInto(null);
          }
        }
        expect(outcomes).toEqual(
          Object.fromEntries(
            options.visitors.map((who) => [
              who,
              expected[action].includes(who)
                ? "allowed"
                : options.signedOut.includes(who)
                  ? "UNAUTHENTICATED"
                  : "FORBIDDEN",
            ]),
          ),
        );
        options.alsoExpect?.(action);
        expect([...consulted], `${name} consults the policy entry ${action}`).toContain(action);
      });
    }
  }
}

import { eq } from "drizzle-orm";
import { AppError } from "../../core/errors.ts";
import type { Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { users } from "../accounts/schema.ts";
import { organisations } from "../people/schema.ts";
import { contracts } from "./schema.ts";

// Small pieces the secondments, grants and ramp-down services share.

type Key = Parameters<typeof translate>[1];

/** A 400 naming the field, in the caller's language; nothing was changed. */
export const fieldIssue = (locale: Locale, path: string, key: Key, params?: Record<string, string>) =>
  new AppError("VALIDATION_FAILED", [{ path, message: translate(locale, key, params) }]);

/** The fields a patch gives (undefined: not given). */
export const definedOf = <T extends object>(patch: T) =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A referenced contract, person or organisation must exist; a missing one is a field error. */
export async function checkRefs(
  tx: Tx,
  locale: Locale,
  refs: { contractId?: string | null; personId?: string | null; organisationId?: string | null },
  paths: { contractId?: string; personId?: string; organisationId?: string } = {},
) {
  if (refs.contractId) {
    const [row] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, refs.contractId));
    if (!row) throw fieldIssue(locale, paths.contractId ?? "contractId", "commitments.plan.contractNotFound");
  }
  if (refs.personId) {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, refs.personId));
    if (!row) throw fieldIssue(locale, paths.personId ?? "personId", "commitments.person.notFound");
  }
  if (refs.organisationId) {
    const [row] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, refs.organisationId));
    if (!row)
      throw fieldIssue(locale, paths.organisationId ?? "organisationId", "commitments.party.organisationNotFound");
  }
}

/** Hundredths as a decimal string: 2620 → "26.20" (exact; the presenters and exports show it so). */
export const hundredthsText = (value: number | bigint) => {
  const n = BigInt(value);
  const sign = n < 0n ? "-" : "";
  const a = n < 0n ? -n : n;
  return `${sign}${a / 100n}.${String(a % 100n).padStart(2, "0")}`;
};

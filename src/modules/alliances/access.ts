import { and, eq } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError, type FieldIssue } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import type { AlliancesMessageKey } from "./messages.ts";
import { type AllianceMembership, type AllianceRoleAction, allowsInAlliance } from "./policy.ts";
import { allianceMembers, allianceParties, alliances } from "./schema.ts";

export type AllianceRow = typeof alliances.$inferSelect;
export type PartyRow = typeof allianceParties.$inferSelect;
export type MemberRow = typeof allianceMembers.$inferSelect;

/** The caller's role in the alliance: manager, representative (any other member), or none. */
export async function membershipOf(from: Db | Tx, allianceId: string, caller: Caller): Promise<AllianceMembership> {
  if (!caller.actor) return null;
  const [row] = await from
    .select({ manager: allianceMembers.manager })
    .from(allianceMembers)
    .where(and(eq(allianceMembers.allianceId, allianceId), eq(allianceMembers.personId, caller.actor.id)));
  if (!row) return null;
  return row.manager ? "manager" : "representative";
}

export async function findAlliance(from: Db | Tx, id: string): Promise<AllianceRow> {
  const [row] = await from.select().from(alliances).where(eq(alliances.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * The policy step of anything done in one alliance: a well-formed id, an alliance that exists, and the caller's
 * role in it allowing the action (UNAUTHENTICATED without an account, FORBIDDEN otherwise).
 */
export async function allowIn(
  from: Db | Tx,
  caller: Caller,
  allianceId: string,
  action: AllianceRoleAction,
): Promise<{ alliance: AllianceRow; membership: AllianceMembership }> {
  assertUuid(allianceId);
  if (!caller.actor) throw new AppError("UNAUTHENTICATED");
  const alliance = await findAlliance(from, allianceId);
  const membership = await membershipOf(from, allianceId, caller);
  if (!allowsInAlliance(action, membership, caller.actor)) throw new AppError("FORBIDDEN");
  return { alliance, membership };
}

export async function partiesOf(from: Db | Tx, allianceId: string): Promise<PartyRow[]> {
  return from
    .select()
    .from(allianceParties)
    .where(eq(allianceParties.allianceId, allianceId))
    .orderBy(allianceParties.position, allianceParties.id);
}

export const invalid = (issues: FieldIssue[]) => new AppError("VALIDATION_FAILED", issues);
export const issue = (
  locale: Locale,
  path: string,
  key: AlliancesMessageKey,
  params?: Record<string, string | number>,
) => invalid([{ path, message: translate(locale, key as Parameters<typeof translate>[1], params) }]);

/** A party of this alliance (of the side asked, when asked), or a field error naming `path`. */
export async function partyIn(
  from: Db | Tx,
  locale: Locale,
  allianceId: string,
  partyId: string,
  path = "partyId",
  side?: "owner" | "provider",
): Promise<PartyRow> {
  const [row] = await from
    .select()
    .from(allianceParties)
    .where(and(eq(allianceParties.id, partyId), eq(allianceParties.allianceId, allianceId)));
  if (!row) throw issue(locale, path, "alliances.party.notInAlliance");
  if (side && row.side !== side)
    throw issue(locale, path, side === "provider" ? "alliances.party.notProvider" : "alliances.party.notOwner");
  return row;
}

/** The calendar years an alliance runs through. */
export const yearsOf = (a: AllianceRow): number[] => {
  const first = Number(a.startDate.slice(0, 4));
  const last = Number(a.endDate.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
};

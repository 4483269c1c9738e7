import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../core/caller.ts";
import type { Db } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Membership } from "../groups/policy.ts";
import type { DeliverableStatus } from "./constants.ts";
import { helsinkiToday, type NextDeadline, nextDeadlines } from "./deadlines.ts";
import { canReadDeliverable } from "./policy.ts";
import { deliverables } from "./schema.ts";

export interface DeliverableSummary {
  id: string;
  title: string;
  status: DeliverableStatus;
  isPublic: boolean;
  locale: Locale;
  updatedAt: Date;
  nextDeadline: NextDeadline | null;
}

/** A group's deliverables this person may read, oldest first, each with its next deadline. */
export async function deliverablesOfGroup(
  db: Db,
  group: { id: string; isPublic: boolean },
  membership: Membership,
  actor: Actor | null,
  now: Date,
): Promise<DeliverableSummary[]> {
  const rows = (
    await db.select().from(deliverables).where(eq(deliverables.groupId, group.id)).orderBy(asc(deliverables.createdAt))
  ).filter((d) => canReadDeliverable(group, d, membership, actor));
  const next = await nextDeadlines(db, rows, helsinkiToday(now));
  return rows.map((d) => ({
    id: d.id,
    title: d.title,
    status: d.status,
    isPublic: d.isPublic,
    locale: d.locale,
    updatedAt: d.updatedAt,
    nextDeadline: next.get(d.id) ?? null,
  }));
}

import { asc, count, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../core/caller.ts";
import type { Db } from "../../db/client.ts";
import { walls } from "../walls/schema.ts";
import { canFacilitate, canManageEvents } from "./policy.ts";
import {
  agendaItems,
  agendaSpeakers,
  eventSeries,
  type events,
  registrations,
  workshopGroups,
  workshopSteps,
  workshops,
} from "./schema.ts";

export type EventRow = typeof events.$inferSelect;

export interface AgendaItemView {
  id: string;
  startsAt: Date;
  kind: (typeof agendaItems.$inferSelect)["kind"];
  title: string;
  description: string;
  speakers: { name: string; title: string; organisation: string }[];
}

export interface WorkshopView {
  id: string;
  title: string;
  assignment: string;
  currentStep: number | null;
  stepStartedAt: Date | null;
  steps: { position: number; instructions: string; minutes: number }[];
  groups: { id: string; name: string; wallSlug: string | null }[];
}

/** Everything an event page shows, before presentEventDetail decides what this viewer gets. */
export interface EventDetail {
  event: EventRow & { wallSlug: string | null; seriesName: string | null; seriesSlug: string | null };
  agenda: AgendaItemView[];
  workshops: WorkshopView[];
  registrations: number;
  canManage: boolean;
  canFacilitate: boolean;
}

/** The event with its wall, series, agenda (in time order) and workshops with their steps and groups. */
export async function readEventDetail(db: Db, actor: Actor | null, event: EventRow): Promise<EventDetail> {
  const [wall] = event.wallId
    ? await db.select({ slug: walls.slug }).from(walls).where(eq(walls.id, event.wallId))
    : [];
  const [series] = event.seriesId ? await db.select().from(eventSeries).where(eq(eventSeries.id, event.seriesId)) : [];
  const items = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.eventId, event.id))
    .orderBy(asc(agendaItems.startsAt));
  const speakers = items.length
    ? await db
        .select()
        .from(agendaSpeakers)
        .where(
          inArray(
            agendaSpeakers.itemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(agendaSpeakers.position))
    : [];
  const sessions = await db
    .select()
    .from(workshops)
    .where(eq(workshops.eventId, event.id))
    .orderBy(asc(workshops.createdAt));
  const ids = sessions.map((w) => w.id);
  const steps = ids.length
    ? await db
        .select()
        .from(workshopSteps)
        .where(inArray(workshopSteps.workshopId, ids))
        .orderBy(asc(workshopSteps.position))
    : [];
  const groups = ids.length
    ? await db
        .select({ group: workshopGroups, wallSlug: walls.slug })
        .from(workshopGroups)
        .leftJoin(walls, eq(walls.id, workshopGroups.wallId))
        .where(inArray(workshopGroups.workshopId, ids))
        .orderBy(asc(workshopGroups.position))
    : [];
  const [registered] = await db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, event.id));
  return {
    event: {
      ...event,
      wallSlug: wall?.slug ?? null,
      seriesName: series?.name ?? null,
      seriesSlug: series?.slug ?? null,
    },
    agenda: items.map((i) => ({
      id: i.id,
      startsAt: i.startsAt,
      kind: i.kind,
      title: i.title,
      description: i.description,
      speakers: speakers
        .filter((s) => s.itemId === i.id)
        .map((s) => ({ name: s.name, title: s.title, organisation: s.organisation })),
    })),
    workshops: sessions.map((w) => ({
      id: w.id,
      title: w.title,
      assignment: w.assignment,
      currentStep: w.currentStep,
      stepStartedAt: w.stepStartedAt,
      steps: steps
        .filter((s) => s.workshopId === w.id)
        .map((s) => ({ position: s.position, instructions: s.instructions, minutes: s.minutes })),
      groups: groups
        .filter((g) => g.group.workshopId === w.id)
        .map((g) => ({ id: g.group.id, name: g.group.name, wallSlug: g.wallSlug })),
    })),
    registrations: Number(registered?.n ?? 0),
    canManage: canManageEvents(actor),
    canFacilitate: canFacilitate(actor),
  };
}

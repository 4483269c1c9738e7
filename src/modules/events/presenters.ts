import { z } from "@hono/zod-openapi";
import { pageSchema } from "../../core/pagination.ts";
import { agendaItemKinds, emailRequirements } from "./constants.ts";
import type { EventDetail } from "./detail.ts";
import type { eventSeries, events } from "./schema.ts";

type EventRow = typeof events.$inferSelect;
type SeriesRow = typeof eventSeries.$inferSelect;

/*
 * The only place event rows become what a browser receives, for the JSON API
 * and the web pages alike: never who created a row, never the join code or the
 * summary draft to anyone but those who manage the event.
 */

export const seriesSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), description: z.string() })
  .openapi("EventSeries");

export const presentSeries = (row: SeriesRow): z.infer<typeof seriesSchema> => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
});

export const eventSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    place: z.string(),
    city: z.string(),
    organiser: z.string(),
    isPublic: z.boolean(),
    regions: z.array(z.string()),
    registrationEmail: z.enum(emailRequirements),
    seriesId: z.uuid().nullable(),
    summary: z.string().nullable().openapi({ description: "Null until the summary is published" }),
    summaryPublishedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("Event");

export const eventListItemSchema = eventSchema.extend({ seriesName: z.string().nullable() }).openapi("EventListItem");

/** A page of the events list; `nextCursor` fetches the next one. */
export const eventListPageSchema = pageSchema(eventListItemSchema).openapi("EventListPage");

export const workshopStateSchema = z
  .object({ currentStep: z.number().int().nullable(), stepStartedAt: z.iso.datetime().nullable() })
  .openapi("WorkshopState");

export const presentWorkshopState = (state: {
  currentStep: number | null;
  stepStartedAt: Date | null;
}): z.infer<typeof workshopStateSchema> => ({
  currentStep: state.currentStep,
  stepStartedAt: state.stepStartedAt?.toISOString() ?? null,
});

export const eventDetailSchema = z
  .object({
    event: eventSchema.extend({
      wallSlug: z.string().nullable(),
      seriesName: z.string().nullable(),
      seriesSlug: z.string().nullable(),
      joinCode: z.string().optional().openapi({ description: "Only for those who manage the event" }),
      summaryDraft: z
        .string()
        .nullable()
        .optional()
        .openapi({ description: "Only for those who manage the event: the saved summary, published or not" }),
    }),
    agenda: z.array(
      z.object({
        id: z.uuid(),
        startsAt: z.iso.datetime(),
        kind: z.enum(agendaItemKinds),
        title: z.string(),
        description: z.string(),
        speakers: z.array(z.object({ name: z.string(), title: z.string(), organisation: z.string() })),
      }),
    ),
    workshops: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        assignment: z.string(),
        currentStep: z.number().int().nullable(),
        stepStartedAt: z.iso.datetime().nullable(),
        steps: z.array(z.object({ position: z.number().int(), instructions: z.string(), minutes: z.number().int() })),
        groups: z.array(z.object({ id: z.uuid(), name: z.string(), wallSlug: z.string().nullable() })),
      }),
    ),
    registrations: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Only for those who manage the event: how many have registered" }),
    canManage: z.boolean(),
    canFacilitate: z.boolean().openapi({ description: "May run the workshops: start, next, previous, stop" }),
  })
  .openapi("EventDetail");

export type EventView = z.infer<typeof eventSchema>;
export type EventListItem = z.infer<typeof eventListItemSchema>;
export type EventDetailView = z.infer<typeof eventDetailSchema>;
export type SeriesView = z.infer<typeof seriesSchema>;

export function presentEvent(row: EventRow): EventView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    city: row.city,
    organiser: row.organiser,
    isPublic: row.isPublic,
    regions: row.regions,
    registrationEmail: row.registrationEmail,
    seriesId: row.seriesId,
    summary: row.summaryPublishedAt ? row.summary : null,
    summaryPublishedAt: row.summaryPublishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const presentEventListItem = (row: EventRow & { seriesName: string | null }): EventListItem => ({
  ...presentEvent(row),
  seriesName: row.seriesName,
});

/** The join code, the summary draft and the registration count only for those who manage the event. */
export function presentEventDetail(detail: EventDetail): EventDetailView {
  const { event, canManage } = detail;
  return {
    event: {
      ...presentEvent(event),
      wallSlug: event.wallSlug,
      seriesName: event.seriesName,
      seriesSlug: event.seriesSlug,
      ...(canManage ? { joinCode: event.joinCode, summaryDraft: event.summary } : {}),
    },
    agenda: detail.agenda.map((i) => ({ ...i, startsAt: i.startsAt.toISOString() })),
    workshops: detail.workshops.map((w) => ({ ...w, stepStartedAt: w.stepStartedAt?.toISOString() ?? null })),
    ...(canManage ? { registrations: detail.registrations } : {}),
    canManage,
    canFacilitate: detail.canFacilitate,
  };
}

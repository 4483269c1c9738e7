import { z } from "@hono/zod-openapi";
import { agendaItemKinds, emailRequirements } from "./constants.ts";
import type { events } from "./schema.ts";
import type { EventDetail } from "./service.ts";

type EventRow = typeof events.$inferSelect;

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
  })
  .openapi("Event");

export const eventDetailSchema = z
  .object({
    event: eventSchema.extend({
      wallSlug: z.string().nullable(),
      seriesName: z.string().nullable(),
      joinCode: z.string().optional(),
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
  })
  .openapi("EventDetail");

export function presentEvent(row: EventRow): z.infer<typeof eventSchema> {
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
  };
}

/** The join code only for those who manage the event. */
export function presentEventDetail(detail: EventDetail): z.infer<typeof eventDetailSchema> {
  return {
    event: {
      ...presentEvent(detail.event),
      wallSlug: detail.event.wallSlug,
      seriesName: detail.event.seriesName,
      ...(detail.canManage ? { joinCode: detail.event.joinCode } : {}),
    },
    agenda: detail.agenda.map((i) => ({ ...i, startsAt: i.startsAt.toISOString() })),
    workshops: detail.workshops.map((w) => ({ ...w, stepStartedAt: w.stepStartedAt?.toISOString() ?? null })),
  };
}

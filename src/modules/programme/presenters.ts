import { z } from "@hono/zod-openapi";
import { deadlineKinds } from "../deliverables/constants.ts";
import { day } from "../deliverables/presenters.ts";
import { localised } from "../templates/presenters.ts";
import type { Timeline } from "./service.ts";

export const timelineSchema = z
  .object({
    phases: z.array(
      z.object({
        id: z.uuid(),
        key: z.string().nullable(),
        position: z.number().int(),
        name: localised,
        description: localised,
        startsOn: day.nullable(),
        endsOn: day.nullable(),
      }),
    ),
    entries: z.array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("phase"), date: day, id: z.uuid(), endsOn: day.nullable(), name: localised }),
        z.object({
          kind: z.literal("milestone"),
          date: day,
          id: z.uuid(),
          title: z.string(),
          description: z.string(),
          phaseId: z.uuid().nullable(),
        }),
        z.object({
          kind: z.literal("deadline"),
          date: day,
          id: z.uuid(),
          deadlineKind: z.enum(deadlineKinds),
          label: z.string(),
          done: z.boolean(),
          deliverable: z.object({ id: z.uuid(), title: z.string() }),
          group: z.object({ slug: z.string(), name: z.string() }),
        }),
      ]),
    ),
    canManage: z.boolean(),
  })
  .openapi("ProgrammeTimeline");

export const presentTimeline = (t: Timeline): z.infer<typeof timelineSchema> => t;

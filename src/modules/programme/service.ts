import { and, asc, eq, inArray, max, or } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { allows, authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import type { DeadlineKind } from "../deliverables/constants.ts";
import { deliverableDeadlines, deliverables } from "../deliverables/schema.ts";
import { groupsPolicy } from "../groups/policy.ts";
import { groupMembers, workingGroups } from "../groups/schema.ts";
import type { Localised } from "../templates/constants.ts";
import { programmeAudit } from "./audit.ts";
import { type MilestoneInput, milestoneInput, type PhaseInput, phaseInput } from "./inputs.ts";
import { programmePolicy } from "./policy.ts";
import { programmeMilestones, programmePhases } from "./schema.ts";

export interface PhaseView {
  id: string;
  key: string | null;
  position: number;
  name: Localised;
  description: Localised;
  /** "YYYY-MM-DD"; null while the date is not decided. */
  startsOn: string | null;
  endsOn: string | null;
}

export type TimelineEntry =
  | { kind: "phase"; date: string; id: string; endsOn: string | null; name: Localised }
  | { kind: "milestone"; date: string; id: string; title: string; description: string; phaseId: string | null }
  | {
      kind: "deadline";
      date: string;
      id: string;
      deadlineKind: DeadlineKind;
      label: string;
      done: boolean;
      deliverable: { id: string; title: string };
      group: { slug: string; name: string };
    };

export interface Timeline {
  /** In the programme's order, with or without dates. */
  phases: PhaseView[];
  /** Everything with a date, in date order: phases (at their start), milestones and deliverable deadlines. */
  entries: TimelineEntry[];
  canManage: boolean;
}

const kindOrder: Record<TimelineEntry["kind"], number> = { phase: 0, milestone: 1, deadline: 2 };

/** The programme timeline: its phases, milestones and the deliverables' deadlines. */
export function createTimelineService({
  db,
  writes = createWritePath(db),
}: {
  db: Db;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(programmeAudit);
  const manage = (caller: Caller) => () => authorize(programmePolicy, "manageTimeline", caller.actor);

  /** Deadlines of the deliverables this caller may read. */
  async function visibleDeadlines(caller: Caller) {
    const all = allows(groupsPolicy.manageAnyGroup, caller.actor);
    const mine = all
      ? []
      : (
          await db
            .select({ groupId: groupMembers.groupId })
            .from(groupMembers)
            .where(eq(groupMembers.userId, caller.actor?.id ?? ""))
        ).map((m) => m.groupId);
    return db
      .select({ deadline: deliverableDeadlines, deliverable: deliverables, group: workingGroups })
      .from(deliverableDeadlines)
      .innerJoin(deliverables, eq(deliverables.id, deliverableDeadlines.deliverableId))
      .innerJoin(workingGroups, eq(workingGroups.id, deliverables.groupId))
      .where(
        all
          ? undefined
          : or(
              and(eq(workingGroups.isPublic, true), eq(deliverables.isPublic, true)),
              mine.length ? inArray(workingGroups.id, mine) : undefined,
            ),
      );
  }

  return {
    async get(caller: Caller): Promise<Timeline> {
      authorize(programmePolicy, "readTimeline", caller.actor);
      const phases = await db.select().from(programmePhases).orderBy(asc(programmePhases.position));
      const milestones = await db.select().from(programmeMilestones);
      const deadlines = await visibleDeadlines(caller);
      const entries: TimelineEntry[] = [
        ...phases
          .filter((p) => p.startsOn)
          .map((p) => ({
            kind: "phase" as const,
            date: p.startsOn as string,
            id: p.id,
            endsOn: p.endsOn,
            name: p.name,
          })),
        ...milestones.map((m) => ({
          kind: "milestone" as const,
          date: m.dueOn,
          id: m.id,
          title: m.title,
          description: m.description,
          phaseId: m.phaseId,
        })),
        ...deadlines.map(({ deadline, deliverable, group }) => ({
          kind: "deadline" as const,
          date: deadline.dueOn,
          id: deadline.id,
          deadlineKind: deadline.kind,
          label: deadline.label,
          done: deadline.completedAt !== null || deliverable.status === "accepted",
          deliverable: { id: deliverable.id, title: deliverable.title },
          group: { slug: group.slug, name: group.name },
        })),
      ];
      entries.sort((a, b) => a.date.localeCompare(b.date) || kindOrder[a.kind] - kindOrder[b.kind]);
      return {
        phases: phases.map((p) => ({
          id: p.id,
          key: p.key,
          position: p.position,
          name: p.name,
          description: p.description,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
        })),
        entries,
        canManage: allows(programmePolicy.manageTimeline, caller.actor),
      };
    },

    async createPhase(caller: Caller, input: PhaseInput | unknown, options: { within?: WriteUnit } = {}) {
      await write({
        caller,
        allow: manage(caller),
        input: { schema: phaseInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const [last] = await tx.select({ n: max(programmePhases.position) }).from(programmePhases);
          const [row] = await tx
            .insert(programmePhases)
            .values({
              position: (last?.n ?? 0) + 1,
              name: data.name,
              description: data.description,
              startsOn: data.startsOn ?? null,
              endsOn: data.endsOn ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit("phase.create", { type: "phase", id: row.id }, { name: data.name.fi });
        },
      });
    },

    /** A phase's names and dates (e.g. once the interim administration's start is decided). */
    async updatePhase(
      caller: Caller,
      phaseId: string,
      input: PhaseInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      await write({
        caller,
        allow: () => {
          manage(caller)();
          assertUuid(phaseId);
        },
        input: { schema: phaseInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const [row] = await tx
            .update(programmePhases)
            .set({
              name: data.name,
              description: data.description,
              startsOn: data.startsOn ?? null,
              endsOn: data.endsOn ?? null,
              updatedAt: new Date(),
            })
            .where(eq(programmePhases.id, phaseId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("phase.update", { type: "phase", id: phaseId }, { startsOn: row.startsOn, endsOn: row.endsOn });
        },
      });
    },

    async addMilestone(caller: Caller, input: MilestoneInput | unknown, options: { within?: WriteUnit } = {}) {
      await write({
        caller,
        allow: manage(caller),
        input: { schema: milestoneInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          if (data.phaseId) {
            const [phase] = await tx
              .select({ id: programmePhases.id })
              .from(programmePhases)
              .where(eq(programmePhases.id, data.phaseId));
            if (!phase) throw new AppError("NOT_FOUND");
          }
          const [row] = await tx
            .insert(programmeMilestones)
            .values({
              title: data.title,
              description: data.description,
              dueOn: data.dueOn,
              phaseId: data.phaseId ?? null,
              createdBy: caller.actor?.id ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit("milestone.add", { type: "milestone", id: row.id }, { title: data.title, dueOn: data.dueOn });
        },
      });
    },

    async removeMilestone(caller: Caller, milestoneId: string, options: { within?: WriteUnit } = {}) {
      await write({
        caller,
        allow: () => {
          manage(caller)();
          assertUuid(milestoneId);
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          const [row] = await tx.delete(programmeMilestones).where(eq(programmeMilestones.id, milestoneId)).returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("milestone.remove", { type: "milestone", id: milestoneId }, { title: row.title });
        },
      });
    },
  };
}

export type TimelineService = ReturnType<typeof createTimelineService>;

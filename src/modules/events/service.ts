import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { helsinkiToInstant } from "../../core/helsinki-time.ts";
import { allows, authorize } from "../../core/policy.ts";
import { createJoinCodeGuesses, type JoinCodeGuesses } from "../../core/join-code-guesses.ts";
import { parseInput } from "../../core/validate.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { translate } from "../../i18n/translate.ts";
import { recordAudit } from "../audit/record.ts";
import { presentPublicPost, presentWall } from "../walls/presenters.ts";
import { wallPosts, wallSections, walls } from "../walls/schema.ts";
import { randomCode, type WallService } from "../walls/service.ts";
import {
  type AgendaItemInput,
  agendaItemInput,
  type EventInput,
  eventInput,
  type RegistrationInput,
  registrationInput,
  seriesInput,
  stepControlInput,
  summaryInput,
  type WorkshopInput,
  workshopInput,
} from "./inputs.ts";
import { eventsPolicy } from "./policy.ts";
import {
  agendaItems,
  agendaSpeakers,
  eventSeries,
  events,
  registrations,
  workshopGroups,
  workshopSteps,
  workshops,
} from "./schema.ts";

type EventRow = typeof events.$inferSelect;

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

export interface EventDetail {
  event: EventRow & { wallSlug: string | null; seriesName: string | null; seriesSlug: string | null };
  agenda: AgendaItemView[];
  workshops: WorkshopView[];
  registrations: number;
  canManage: boolean;
}

/** The Zod refinement's marker becomes a translated message. */
function translateEventIssues(error: unknown, locale: Caller["locale"]): never {
  if (error instanceof AppError && error.code === "VALIDATION_FAILED") {
    throw new AppError(
      "VALIDATION_FAILED",
      error.issues.map((i) =>
        i.message === "END_BEFORE_START" ? { ...i, message: translate(locale, "events.endBeforeStart") } : i,
      ),
    );
  }
  throw error;
}

function parseEvent(input: unknown, locale: Caller["locale"]) {
  try {
    return parseInput(eventInput, input, locale);
  } catch (error) {
    return translateEventIssues(error, locale);
  }
}

export function createEventService({
  db,
  walls: wallService,
  joinGuesses = createJoinCodeGuesses(db),
}: {
  db: Db;
  walls: WallService;
  /** One budget of join-code guesses per address, shared with the walls' codes (platform.ts). */
  joinGuesses?: JoinCodeGuesses;
}) {

  async function findEvent(where: ReturnType<typeof eq>): Promise<EventRow> {
    const [row] = await db.select().from(events).where(where);
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  function assertReadable(caller: Caller, event: EventRow) {
    if (!event.isPublic) authorize(eventsPolicy, "readPrivateEvents", caller.actor);
  }

  function eventValues(data: ReturnType<typeof eventInput.parse>) {
    return {
      title: data.title,
      description: data.description,
      startsAt: helsinkiToInstant(data.date, data.startTime),
      endsAt: helsinkiToInstant(data.date, data.endTime),
      place: data.place,
      city: data.city,
      organiser: data.organiser,
      isPublic: data.isPublic,
      seriesId: data.seriesId ?? null,
      regions: data.regions,
      registrationEmail: data.registrationEmail,
    };
  }

  /** A wall of the event: open to holders of the event's join code. */
  async function createEventWall(caller: Caller, event: EventRow, title: string) {
    const wall = await wallService.create(caller, {
      title,
      description: event.title,
      access: "join_code",
      joinCode: event.joinCode,
    });
    await db.update(walls).set({ ownerType: "event", ownerId: event.id }).where(eq(walls.id, wall.id));
    return wall;
  }

  async function audit(caller: Caller, action: string, targetId: string, details: Record<string, unknown> = {}) {
    await recordAudit(db, {
      actorId: caller.actor?.id ?? null,
      module: "events",
      action,
      targetType: "event",
      targetId,
      details,
    });
  }

  return {
    /** Creates the event and its own wall. */
    async create(caller: Caller, input: EventInput | unknown): Promise<EventRow> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseEvent(input, caller.locale);
      const event = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(events)
          .values({
            ...eventValues(data),
            slug: randomCode(6).toLowerCase(),
            joinCode: data.joinCode ?? randomCode(6),
            createdBy: caller.actor?.id ?? null,
          })
          .returning();
        if (!row) throw new AppError("INTERNAL");
        await recordAudit(tx, {
          actorId: caller.actor?.id ?? null,
          module: "events",
          action: "event.create",
          targetType: "event",
          targetId: row.id,
        });
        return row;
      });
      try {
        const wall = await createEventWall(caller, event, event.title);
        const [withWall] = await db.update(events).set({ wallId: wall.id }).where(eq(events.id, event.id)).returning();
        return withWall ?? event;
      } catch (error) {
        // No event without its wall: undo the event if the wall could not be made.
        await db.delete(events).where(eq(events.id, event.id));
        throw error;
      }
    },

    async update(caller: Caller, eventId: string, input: EventInput | unknown): Promise<EventRow> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseEvent(input, caller.locale);
      const current = await findEvent(eq(events.id, eventId));
      const joinCode = data.joinCode ?? current.joinCode;
      const [row] = await db
        .update(events)
        .set({ ...eventValues(data), joinCode, updatedAt: new Date() })
        .where(eq(events.id, eventId))
        .returning();
      if (!row) throw new AppError("NOT_FOUND");
      // The event's walls accept the event's code: keep them in step.
      if (joinCode !== current.joinCode) {
        await db
          .update(walls)
          .set({ joinCode })
          .where(and(eq(walls.ownerType, "event"), eq(walls.ownerId, eventId)));
      }
      await audit(caller, "event.update", eventId);
      return row;
    },

    /** Events this caller may see, soonest first; staff see every event, visitors the public ones. */
    async list(caller: Caller): Promise<(EventRow & { seriesName: string | null })[]> {
      const all = allows(eventsPolicy.readPrivateEvents, caller.actor);
      const rows = await db
        .select({ event: events, seriesName: eventSeries.name })
        .from(events)
        .leftJoin(eventSeries, eq(eventSeries.id, events.seriesId))
        .where(all ? undefined : eq(events.isPublic, true))
        .orderBy(asc(events.startsAt));
      return rows.map((r) => ({ ...r.event, seriesName: r.seriesName }));
    },

    async getBySlug(caller: Caller, slug: string): Promise<EventDetail> {
      const event = await findEvent(eq(events.slug, slug.toLowerCase()));
      assertReadable(caller, event);
      const [wall] = event.wallId
        ? await db.select({ slug: walls.slug }).from(walls).where(eq(walls.id, event.wallId))
        : [];
      const [series] = event.seriesId
        ? await db.select().from(eventSeries).where(eq(eventSeries.id, event.seriesId))
        : [];
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
      const [registered] = await db
        .select({ n: count() })
        .from(registrations)
        .where(eq(registrations.eventId, event.id));
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
        canManage: allows(eventsPolicy.manageEvents, caller.actor),
      };
    },

    async addAgendaItem(caller: Caller, eventId: string, input: AgendaItemInput | unknown): Promise<void> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseInput(agendaItemInput, input, caller.locale);
      const event = await findEvent(eq(events.id, eventId));
      const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(event.startsAt);
      await db.transaction(async (tx) => {
        const [item] = await tx
          .insert(agendaItems)
          .values({
            eventId,
            startsAt: helsinkiToInstant(day, data.time),
            kind: data.kind,
            title: data.title,
            description: data.description,
          })
          .returning();
        if (!item) throw new AppError("INTERNAL");
        if (data.speakers.length) {
          await tx
            .insert(agendaSpeakers)
            .values(data.speakers.map((s, position) => ({ ...s, itemId: item.id, position })));
        }
        await recordAudit(tx, {
          actorId: caller.actor?.id ?? null,
          module: "events",
          action: "agenda.add",
          targetType: "event",
          targetId: eventId,
          details: { title: data.title },
        });
      });
    },

    async removeAgendaItem(caller: Caller, itemId: string): Promise<void> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const [removed] = await db.delete(agendaItems).where(eq(agendaItems.id, itemId)).returning();
      if (!removed) throw new AppError("NOT_FOUND");
      await audit(caller, "agenda.remove", removed.eventId, { title: removed.title });
    },

    /** A workshop session with its numbered steps and its groups, each group with a wall of its own. */
    async addWorkshop(caller: Caller, eventId: string, input: WorkshopInput | unknown): Promise<WorkshopView> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseInput(workshopInput, input, caller.locale);
      const event = await findEvent(eq(events.id, eventId));
      const workshop = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(workshops)
          .values({ eventId, title: data.title, assignment: data.assignment })
          .returning();
        if (!row) throw new AppError("INTERNAL");
        await tx
          .insert(workshopSteps)
          .values(data.steps.map((s, i) => ({ workshopId: row.id, position: i + 1, ...s })));
        await recordAudit(tx, {
          actorId: caller.actor?.id ?? null,
          module: "events",
          action: "workshop.add",
          targetType: "event",
          targetId: eventId,
          details: { title: data.title },
        });
        return row;
      });
      const groups: WorkshopView["groups"] = [];
      for (const [position, name] of data.groups.entries()) {
        const wall = await createEventWall(caller, event, `${data.title}: ${name}`);
        const [group] = await db
          .insert(workshopGroups)
          .values({ workshopId: workshop.id, position, name, wallId: wall.id })
          .returning();
        if (group) groups.push({ id: group.id, name, wallSlug: wall.slug });
      }
      return {
        id: workshop.id,
        title: workshop.title,
        assignment: workshop.assignment,
        currentStep: null,
        stepStartedAt: null,
        steps: data.steps.map((s, i) => ({ position: i + 1, ...s })),
        groups,
      };
    },

    /** The facilitator starts, advances, steps back or stops the workshop; the time box restarts with each step. */
    async controlWorkshop(
      caller: Caller,
      workshopId: string,
      input: unknown,
    ): Promise<{ currentStep: number | null; stepStartedAt: Date | null }> {
      authorize(eventsPolicy, "facilitate", caller.actor);
      const { action } = parseInput(stepControlInput, input, caller.locale);
      const [workshop] = await db.select().from(workshops).where(eq(workshops.id, workshopId));
      if (!workshop) throw new AppError("NOT_FOUND");
      const [total] = await db
        .select({ n: count() })
        .from(workshopSteps)
        .where(eq(workshopSteps.workshopId, workshopId));
      const last = Number(total?.n ?? 0);
      const current = workshop.currentStep;
      const next =
        action === "start"
          ? 1
          : action === "stop"
            ? null
            : action === "next"
              ? Math.min((current ?? 0) + 1, last)
              : Math.max((current ?? 1) - 1, 1);
      const [row] = await db
        .update(workshops)
        .set({ currentStep: next, stepStartedAt: next === null ? null : new Date() })
        .where(eq(workshops.id, workshopId))
        .returning();
      return { currentStep: row?.currentStep ?? null, stepStartedAt: row?.stepStartedAt ?? null };
    },

    /**
     * A participant registers (name, organisation, e-mail as the event asks) on a
     * public event, or with the event's code. Returns the walls the browser may now open.
     */
    async register(
      caller: Caller & { participantHash: string | null; addressHash: string },
      slug: string,
      input: RegistrationInput | unknown,
      code?: string,
    ) {
      const event = await findEvent(eq(events.slug, slug.toLowerCase()));
      const right = event.isPublic || code?.trim().toUpperCase() === event.joinCode;
      if (!event.isPublic) await joinGuesses.count(caller.addressHash, { right });
      if (!right) {
        throw new AppError("VALIDATION_FAILED", [
          { path: "code", message: translate(caller.locale, "walls.wrongJoinCode") },
        ]);
      }
      const data = parseInput(registrationInput, input, caller.locale);
      if (event.registrationEmail === "required" && !data.email) {
        throw new AppError("VALIDATION_FAILED", [
          { path: "email", message: translate(caller.locale, "events.emailRequired") },
        ]);
      }
      await db.insert(registrations).values({
        eventId: event.id,
        name: data.name,
        organisation: data.organisation,
        email: event.registrationEmail === "off" ? null : (data.email ?? null),
        participantHash: caller.participantHash,
      });
      return this.wallsOf(event);
    },

    /** Joining with the event's code alone; guesses are rate-limited per address. */
    async join(slug: string, code: string, addressHash: string, locale: Caller["locale"]) {
      const event = await findEvent(eq(events.slug, slug.toLowerCase()));
      const right = code.trim().toUpperCase() === event.joinCode;
      await joinGuesses.count(addressHash, { right });
      if (!right) {
        throw new AppError("VALIDATION_FAILED", [{ path: "code", message: translate(locale, "walls.wrongJoinCode") }]);
      }
      return this.wallsOf(event);
    },

    /** The event's walls with the code each accepts, for the join cookie. */
    async wallsOf(event: EventRow): Promise<{ wallId: string; code: string }[]> {
      const rows = await db
        .select({ id: walls.id, joinCode: walls.joinCode })
        .from(walls)
        .where(and(eq(walls.ownerType, "event"), eq(walls.ownerId, event.id)));
      return rows.filter((w) => w.joinCode).map((w) => ({ wallId: w.id, code: w.joinCode as string }));
    },

    /**
     * The event's walls with their visible posts, once the summary is published:
     * publishing is staff's decision to show what was said, also on code-only walls.
     */
    async publishedWallPosts(caller: Caller, slug: string) {
      const event = await findEvent(eq(events.slug, slug.toLowerCase()));
      assertReadable(caller, event);
      if (!event.summaryPublishedAt) return [];
      const eventWalls = await db
        .select()
        .from(walls)
        .where(and(eq(walls.ownerType, "event"), eq(walls.ownerId, event.id)))
        .orderBy(asc(walls.createdAt));
      if (eventWalls.length === 0) return [];
      const ids = eventWalls.map((w) => w.id);
      const [posts, sections] = await Promise.all([
        db
          .select()
          .from(wallPosts)
          .where(and(inArray(wallPosts.wallId, ids), eq(wallPosts.status, "visible"), isNull(wallPosts.deletedAt))),
        db.select().from(wallSections).where(inArray(wallSections.wallId, ids)),
      ]);
      return eventWalls.map((wall) => ({
        wall: presentWall(
          wall,
          sections.filter((s) => s.wallId === wall.id),
        ),
        posts: posts.filter((p) => p.wallId === wall.id).map(presentPublicPost),
      }));
    },

    async publishSummary(caller: Caller, eventId: string, input: unknown): Promise<void> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseInput(summaryInput, input, caller.locale);
      await db
        .update(events)
        .set({ summary: data.summary, summaryPublishedAt: data.publish ? new Date() : null, updatedAt: new Date() })
        .where(eq(events.id, eventId));
      await audit(caller, data.publish ? "summary.publish" : "summary.save", eventId);
    },

    async createSeries(caller: Caller, input: unknown) {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseInput(seriesInput, input, caller.locale);
      const [row] = await db
        .insert(eventSeries)
        .values({ ...data, slug: randomCode(6).toLowerCase(), createdBy: caller.actor?.id ?? null })
        .returning();
      if (!row) throw new AppError("INTERNAL");
      await recordAudit(db, {
        actorId: caller.actor?.id ?? null,
        module: "events",
        action: "series.create",
        targetType: "series",
        targetId: row.id,
      });
      return row;
    },

    async listSeries() {
      return db.select().from(eventSeries).orderBy(desc(eventSeries.createdAt));
    },

    /** A series with the events this caller may see, soonest first. */
    async getSeries(caller: Caller, slug: string) {
      const [series] = await db.select().from(eventSeries).where(eq(eventSeries.slug, slug.toLowerCase()));
      if (!series) throw new AppError("NOT_FOUND");
      const all = allows(eventsPolicy.readPrivateEvents, caller.actor);
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.seriesId, series.id), all ? undefined : eq(events.isPublic, true)))
        .orderBy(asc(events.startsAt));
      return { series, events: rows };
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;

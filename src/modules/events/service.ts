import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { helsinkiToInstant } from "../../core/dates.ts";
import { createJoinCodeGuesses, type JoinCodeGuesses } from "../../core/join-code-guesses.ts";
import { allows, authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { translate } from "../../i18n/translate.ts";
import { presentPublicPost, presentWall, type WallView } from "../walls/presenters.ts";
import { wallPosts, wallSections, walls } from "../walls/schema.ts";
import { randomCode, type WallService } from "../walls/service.ts";
import { auditEvent } from "./audit.ts";
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
  type EventDetailView,
  type EventListItem,
  type EventView,
  presentEvent,
  presentEventDetail,
  presentEventListItem,
  presentSeries,
  type SeriesView,
} from "./presenters.ts";
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

/** A malformed id finds nothing (rather than a database error). */
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

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

  /**
   * A wall for the event, open to holders of the event's join code. The walls
   * module writes and audits it in its own transaction; the event's write then
   * claims it (ownWalls) in the event's transaction, so a failed event write
   * leaves at most an ordinary wall, never an event without its wall.
   */
  function createEventWall(caller: Caller, wall: { title: string; description: string; joinCode: string }) {
    return wallService.create(caller, { ...wall, access: "join_code" });
  }

  async function ownWalls(tx: Tx, eventId: string, wallIds: string[]) {
    if (wallIds.length === 0) return;
    await tx.update(walls).set({ ownerType: "event", ownerId: eventId }).where(inArray(walls.id, wallIds));
  }

  async function readDetail(caller: Caller, event: EventRow): Promise<EventDetail> {
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
      canManage: allows(eventsPolicy.manageEvents, caller.actor),
    };
  }

  return {
    /** Creates the event and its own wall. */
    async create(caller: Caller, input: EventInput | unknown): Promise<EventRow> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseEvent(input, caller.locale);
      const joinCode = data.joinCode ?? randomCode(6);
      const wall = await createEventWall(caller, { title: data.title, description: data.title, joinCode });
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(events)
          .values({
            ...eventValues(data),
            slug: randomCode(6).toLowerCase(),
            joinCode,
            wallId: wall.id,
            createdBy: caller.actor?.id ?? null,
          })
          .returning();
        if (!row) throw new AppError("INTERNAL");
        await ownWalls(tx, row.id, [wall.id]);
        await auditEvent(tx, caller, "event.create", { type: "event", id: row.id });
        return row;
      });
    },

    async update(caller: Caller, eventId: string, input: EventInput | unknown): Promise<EventRow> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseEvent(input, caller.locale);
      if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
      const current = await findEvent(eq(events.id, eventId));
      const joinCode = data.joinCode ?? current.joinCode;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(events)
          .set({ ...eventValues(data), joinCode, updatedAt: new Date() })
          .where(eq(events.id, eventId))
          .returning();
        if (!row) throw new AppError("NOT_FOUND");
        // The event's walls accept the event's code: keep them in step.
        if (joinCode !== current.joinCode) {
          await tx
            .update(walls)
            .set({ joinCode })
            .where(and(eq(walls.ownerType, "event"), eq(walls.ownerId, eventId)));
        }
        await auditEvent(tx, caller, "event.update", { type: "event", id: eventId });
        return row;
      });
    },

    /** Events this caller may see, soonest first; staff see every event, visitors the public ones. */
    async list(caller: Caller): Promise<EventListItem[]> {
      const all = allows(eventsPolicy.readPrivateEvents, caller.actor);
      const rows = await db
        .select({ event: events, seriesName: eventSeries.name })
        .from(events)
        .leftJoin(eventSeries, eq(eventSeries.id, events.seriesId))
        .where(all ? undefined : eq(events.isPublic, true))
        .orderBy(asc(events.startsAt));
      return rows.map((r) => presentEventListItem({ ...r.event, seriesName: r.seriesName }));
    },

    /** The event as this caller may see it (presentEventDetail decides what each viewer gets). */
    async getBySlug(caller: Caller, slug: string): Promise<EventDetailView> {
      const event = await findEvent(eq(events.slug, slug.toLowerCase()));
      assertReadable(caller, event);
      return presentEventDetail(await readDetail(caller, event));
    },

    async addAgendaItem(caller: Caller, eventId: string, input: AgendaItemInput | unknown): Promise<void> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseInput(agendaItemInput, input, caller.locale);
      if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
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
        await auditEvent(tx, caller, "agenda.add", { type: "event", id: eventId }, { title: data.title });
      });
    },

    async removeAgendaItem(caller: Caller, itemId: string): Promise<void> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      if (!isUuid(itemId)) throw new AppError("NOT_FOUND");
      await db.transaction(async (tx) => {
        const [removed] = await tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).returning();
        if (!removed) throw new AppError("NOT_FOUND");
        await auditEvent(tx, caller, "agenda.remove", { type: "event", id: removed.eventId }, { title: removed.title });
      });
    },

    /** A workshop session with its numbered steps and its groups, each group with a wall of its own. */
    async addWorkshop(caller: Caller, eventId: string, input: WorkshopInput | unknown): Promise<WorkshopView> {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseInput(workshopInput, input, caller.locale);
      if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
      const event = await findEvent(eq(events.id, eventId));
      const groupWalls: { name: string; wall: WallView }[] = [];
      for (const name of data.groups) {
        const title = `${data.title}: ${name}`;
        groupWalls.push({
          name,
          wall: await createEventWall(caller, { title, description: event.title, joinCode: event.joinCode }),
        });
      }
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(workshops)
          .values({ eventId, title: data.title, assignment: data.assignment })
          .returning();
        if (!row) throw new AppError("INTERNAL");
        const steps = data.steps.map((s, i) => ({ position: i + 1, ...s }));
        await tx.insert(workshopSteps).values(steps.map((s) => ({ workshopId: row.id, ...s })));
        const groups = groupWalls.length
          ? await tx
              .insert(workshopGroups)
              .values(
                groupWalls.map((g, position) => ({ workshopId: row.id, position, name: g.name, wallId: g.wall.id })),
              )
              .returning()
          : [];
        await ownWalls(
          tx,
          eventId,
          groupWalls.map((g) => g.wall.id),
        );
        await auditEvent(
          tx,
          caller,
          "workshop.add",
          { type: "event", id: eventId },
          { title: data.title, workshopId: row.id },
        );
        return {
          id: row.id,
          title: row.title,
          assignment: row.assignment,
          currentStep: null,
          stepStartedAt: null,
          steps,
          groups: groups.map((g) => ({
            id: g.id,
            name: g.name,
            wallSlug: groupWalls.find((w) => w.wall.id === g.wallId)?.wall.slug ?? null,
          })),
        };
      });
    },

    /** The facilitator starts, advances, steps back or stops the workshop; the time box restarts with each step. */
    async controlWorkshop(
      caller: Caller,
      workshopId: string,
      input: unknown,
    ): Promise<{ currentStep: number | null; stepStartedAt: Date | null }> {
      authorize(eventsPolicy, "facilitate", caller.actor);
      const { action } = parseInput(stepControlInput, input, caller.locale);
      if (!isUuid(workshopId)) throw new AppError("NOT_FOUND");
      return db.transaction(async (tx) => {
        // Locked, so two quick presses of "next" move two steps, not one.
        const [workshop] = await tx.select().from(workshops).where(eq(workshops.id, workshopId)).for("update");
        if (!workshop) throw new AppError("NOT_FOUND");
        const [total] = await tx
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
        const [row] = await tx
          .update(workshops)
          .set({ currentStep: next, stepStartedAt: next === null ? null : new Date() })
          .where(eq(workshops.id, workshopId))
          .returning();
        await auditEvent(
          tx,
          caller,
          `workshop.${action}`,
          { type: "workshop", id: workshopId },
          { eventId: workshop.eventId, step: next },
        );
        return { currentStep: row?.currentStep ?? null, stepStartedAt: row?.stepStartedAt ?? null };
      });
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
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(registrations)
          .values({
            eventId: event.id,
            name: data.name,
            organisation: data.organisation,
            email: event.registrationEmail === "off" ? null : (data.email ?? null),
            participantHash: caller.participantHash,
          })
          .returning({ id: registrations.id });
        // Who registered is in the registration; the audit row names only the browser (or the person signed in).
        await auditEvent(
          tx,
          caller,
          "registration.create",
          { type: "event", id: event.id },
          { registrationId: row?.id },
        );
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
    async wallsOf(event: { id: string }): Promise<{ wallId: string; code: string }[]> {
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
      if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(events)
          .set({ summary: data.summary, summaryPublishedAt: data.publish ? new Date() : null, updatedAt: new Date() })
          .where(eq(events.id, eventId))
          .returning({ id: events.id });
        if (!row) throw new AppError("NOT_FOUND");
        await auditEvent(tx, caller, data.publish ? "summary.publish" : "summary.save", { type: "event", id: eventId });
      });
    },

    async createSeries(caller: Caller, input: unknown) {
      authorize(eventsPolicy, "manageEvents", caller.actor);
      const data = parseInput(seriesInput, input, caller.locale);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(eventSeries)
          .values({ ...data, slug: randomCode(6).toLowerCase(), createdBy: caller.actor?.id ?? null })
          .returning();
        if (!row) throw new AppError("INTERNAL");
        await auditEvent(tx, caller, "series.create", { type: "series", id: row.id });
        return row;
      });
    },

    async listSeries(): Promise<SeriesView[]> {
      return (await db.select().from(eventSeries).orderBy(desc(eventSeries.createdAt))).map(presentSeries);
    },

    /** A series with the events this caller may see, soonest first. */
    async getSeries(caller: Caller, slug: string): Promise<{ series: SeriesView; events: EventView[] }> {
      const [series] = await db.select().from(eventSeries).where(eq(eventSeries.slug, slug.toLowerCase()));
      if (!series) throw new AppError("NOT_FOUND");
      const all = allows(eventsPolicy.readPrivateEvents, caller.actor);
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.seriesId, series.id), all ? undefined : eq(events.isPublic, true)))
        .orderBy(asc(events.startsAt));
      return { series: presentSeries(series), events: rows.map(presentEvent) };
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;

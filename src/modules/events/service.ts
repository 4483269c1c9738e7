import { and, asc, count, desc, eq, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { helsinkiToInstant, instantToHelsinki } from "../../core/dates.ts";
import { AppError } from "../../core/errors.ts";
import { createJoinCodeGuesses, type JoinCodeGuesses } from "../../core/join-code-guesses.ts";
import { keyset, type Page } from "../../core/pagination.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WriteCaller, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { translate } from "../../i18n/translate.ts";
import { presentPublicPost, presentWall } from "../walls/presenters.ts";
import { wallPosts, wallSections, walls } from "../walls/schema.ts";
import { randomCode, type WallService } from "../walls/service.ts";
import { eventsAudit } from "./audit.ts";
import { type EventRow, readEventDetail, type WorkshopView } from "./detail.ts";
import {
  type AgendaItemInput,
  agendaItemInput,
  type EventInput,
  type EventListQuery,
  eventInput,
  eventListQuery,
  type RegistrationInput,
  registrationInput,
  seriesInput,
  stepControlInput,
  summaryInput,
  type WorkshopInput,
  workshopInput,
} from "./inputs.ts";
import {
  authorizeEvents,
  authorizeReadEvent,
  canJoinWithCode,
  canReadEvent,
  canRegister,
  seesPrivateEvents,
} from "./policy.ts";
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

export type { AgendaItemView, EventDetail, WorkshopView } from "./detail.ts";

/** A malformed id finds nothing (rather than a database error). */
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const wrongCode = (locale: Caller["locale"]) =>
  new AppError("VALIDATION_FAILED", [{ path: "code", message: translate(locale, "walls.wrongJoinCode") }]);

/** A service write may join its caller's unit of work (one transaction across modules). */
export interface WriteOptions {
  within?: WriteUnit;
}

/**
 * The event lists, by start: every event soonest first (the API's default),
 * the ones still to come soonest first, the past ones latest first. Each has
 * its own cursors, so one list's cursor cannot page another.
 */
const eventPages = {
  all: keyset({
    list: "events",
    key: events.startsAt,
    keyType: "timestamp",
    id: events.id,
    idType: "uuid",
    order: "asc",
  }),
  upcoming: keyset({
    list: "events.upcoming",
    key: events.startsAt,
    keyType: "timestamp",
    id: events.id,
    idType: "uuid",
    order: "asc",
  }),
  past: keyset({
    list: "events.past",
    key: events.startsAt,
    keyType: "timestamp",
    id: events.id,
    idType: "uuid",
    order: "desc",
  }),
};

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

/** The next step of a workshop for a facilitator's button; the time box restarts with each step. */
function nextStep(action: "start" | "next" | "previous" | "stop", current: number | null, last: number) {
  if (action === "start") return 1;
  if (action === "stop") return null;
  if (action === "next") return Math.min((current ?? 0) + 1, last);
  return Math.max((current ?? 1) - 1, 1);
}

export function createEventService({
  db,
  walls: wallService,
  joinGuesses = createJoinCodeGuesses(db),
  writes = createWritePath(db),
}: {
  db: Db;
  walls: WallService;
  /** One budget of join-code guesses per address, shared with the walls' codes (platform.ts). */
  joinGuesses?: JoinCodeGuesses;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(eventsAudit);

  async function findEvent(where: SQL, tx: Db | Tx = db): Promise<EventRow> {
    const [row] = await tx.select().from(events).where(where);
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  /**
   * A wall of the event, open to holders of the event's join code, made in the
   * event's unit of work with the event as its owner: the event and all its
   * walls commit together or not at all.
   */
  function createEventWall(
    caller: Caller,
    unit: WriteUnit,
    eventId: string,
    wall: { title: string; description: string; joinCode: string },
  ) {
    return wallService.create(
      caller,
      { ...wall, access: "join_code" },
      { within: unit, owner: { type: "event", id: eventId } },
    );
  }

  return {
    /** Creates the event and its own wall, in one transaction. */
    async create(caller: Caller, input: EventInput | unknown, options: WriteOptions = {}): Promise<EventRow> {
      return write({
        caller,
        allow: () => authorizeEvents("manageEvents", caller.actor),
        input: { schema: eventInput, value: input },
        within: options.within,
        run: async ({ tx, data, unit, audit }) => {
          const id = crypto.randomUUID();
          const joinCode = data.joinCode ?? randomCode(6);
          const wall = await createEventWall(caller, unit, id, {
            title: data.title,
            description: data.title,
            joinCode,
          });
          const [row] = await tx
            .insert(events)
            .values({
              ...eventValues(data),
              id,
              slug: randomCode(6).toLowerCase(),
              joinCode,
              wallId: wall.id,
              createdBy: caller.actor?.id ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit("event.create", { type: "event", id }, { title: row.title, wallId: wall.id });
          return row;
        },
      });
    },

    async update(
      caller: Caller,
      eventId: string,
      input: EventInput | unknown,
      options: WriteOptions = {},
    ): Promise<EventRow> {
      return write({
        caller,
        allow: () => authorizeEvents("manageEvents", caller.actor),
        input: { schema: eventInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unit }) => {
          if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
          const current = await findEvent(eq(events.id, eventId), tx);
          const joinCode = data.joinCode ?? current.joinCode;
          const [row] = await tx
            .update(events)
            .set({ ...eventValues(data), joinCode, updatedAt: new Date() })
            .where(eq(events.id, eventId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          // The event's walls accept the event's code: the walls module changes them, in this transaction.
          if (joinCode !== current.joinCode) {
            const owned = await tx
              .select({ id: walls.id })
              .from(walls)
              .where(and(eq(walls.ownerType, "event"), eq(walls.ownerId, eventId)));
            for (const wall of owned) await wallService.update(caller, wall.id, { joinCode }, { within: unit });
          }
          await audit("event.update", { type: "event", id: eventId }, { codeChanged: joinCode !== current.joinCode });
          return row;
        },
      });
    },

    /**
     * One page of the events this caller may see (staff and members every event,
     * visitors the public ones): all by start, the upcoming soonest first, or the
     * past latest first.
     */
    async list(caller: Caller, query: EventListQuery | unknown = {}): Promise<Page<EventListItem>> {
      const q = parseInput(eventListQuery, query, caller.locale);
      const pages = eventPages[q.when];
      const cursor = pages.decode(q.cursor, caller.locale);
      const now = new Date();
      const rows = await db
        .select(pages.columns({ event: events, seriesName: eventSeries.name }))
        .from(events)
        .leftJoin(eventSeries, eq(eventSeries.id, events.seriesId))
        .where(
          and(
            seesPrivateEvents(caller.actor) ? undefined : eq(events.isPublic, true),
            q.when === "upcoming" ? gte(events.endsAt, now) : q.when === "past" ? lt(events.endsAt, now) : undefined,
            pages.after(cursor),
          ),
        )
        .orderBy(...pages.orderBy)
        .limit(pages.fetch(q.limit));
      const page = pages.page(rows, q.limit);
      return {
        items: page.items.map((r) => presentEventListItem({ ...r.event, seriesName: r.seriesName })),
        nextCursor: page.nextCursor,
      };
    },

    /** The event as this caller may see it (presentEventDetail decides what each viewer gets). */
    async getBySlug(caller: Caller, slug: string): Promise<EventDetailView> {
      const event = await findEvent(eq(events.slug, slug.toLowerCase()));
      authorizeReadEvent(caller.actor, event);
      return presentEventDetail(await readEventDetail(db, caller.actor, event));
    },

    async addAgendaItem(
      caller: Caller,
      eventId: string,
      input: AgendaItemInput | unknown,
      options: WriteOptions = {},
    ): Promise<void> {
      await write({
        caller,
        allow: () => authorizeEvents("manageEvents", caller.actor),
        input: { schema: agendaItemInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
          const event = await findEvent(eq(events.id, eventId), tx);
          // The item is on the event's day, at the Finnish time given.
          const day = instantToHelsinki(event.startsAt).date;
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
          await audit("agenda.add", { type: "event", id: eventId }, { title: data.title, itemId: item.id });
        },
      });
    },

    async removeAgendaItem(caller: Caller, itemId: string, options: WriteOptions = {}): Promise<void> {
      await write({
        caller,
        allow: () => authorizeEvents("manageEvents", caller.actor),
        within: options.within,
        run: async ({ tx, audit }) => {
          if (!isUuid(itemId)) throw new AppError("NOT_FOUND");
          const [removed] = await tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).returning();
          if (!removed) throw new AppError("NOT_FOUND");
          await audit("agenda.remove", { type: "event", id: removed.eventId }, { title: removed.title, itemId });
        },
      });
    },

    /**
     * A workshop session with its numbered steps and its groups, each group with
     * a wall of its own owned by the event; all in one transaction.
     */
    async addWorkshop(
      caller: Caller,
      eventId: string,
      input: WorkshopInput | unknown,
      options: WriteOptions = {},
    ): Promise<WorkshopView> {
      return write({
        caller,
        allow: () => authorizeEvents("manageEvents", caller.actor),
        input: { schema: workshopInput, value: input },
        within: options.within,
        run: async ({ tx, data, unit, audit }) => {
          if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
          const event = await findEvent(eq(events.id, eventId), tx);
          const [row] = await tx
            .insert(workshops)
            .values({ eventId, title: data.title, assignment: data.assignment })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          const steps = data.steps.map((s, i) => ({ position: i + 1, ...s }));
          await tx.insert(workshopSteps).values(steps.map((s) => ({ workshopId: row.id, ...s })));
          const groups: WorkshopView["groups"] = [];
          for (const [position, name] of data.groups.entries()) {
            const wall = await createEventWall(caller, unit, eventId, {
              title: `${data.title}: ${name}`,
              description: event.title,
              joinCode: event.joinCode,
            });
            const [group] = await tx
              .insert(workshopGroups)
              .values({ workshopId: row.id, position, name, wallId: wall.id })
              .returning();
            if (!group) throw new AppError("INTERNAL");
            groups.push({ id: group.id, name: group.name, wallSlug: wall.slug });
          }
          await audit("workshop.add", { type: "event", id: eventId }, { title: data.title, workshopId: row.id });
          return {
            id: row.id,
            title: row.title,
            assignment: row.assignment,
            currentStep: null,
            stepStartedAt: null,
            steps,
            groups,
          };
        },
      });
    },

    /** The facilitator starts, advances, steps back or stops the workshop; the time box restarts with each step. */
    async controlWorkshop(
      caller: Caller,
      workshopId: string,
      input: unknown,
      options: WriteOptions = {},
    ): Promise<{ currentStep: number | null; stepStartedAt: Date | null }> {
      return write({
        caller,
        allow: () => authorizeEvents("facilitate", caller.actor),
        input: { schema: stepControlInput, value: input },
        within: options.within,
        run: async ({ tx, data: { action }, audit }) => {
          if (!isUuid(workshopId)) throw new AppError("NOT_FOUND");
          // Locked, so two quick presses of "next" move two steps, not one.
          const [workshop] = await tx.select().from(workshops).where(eq(workshops.id, workshopId)).for("update");
          if (!workshop) throw new AppError("NOT_FOUND");
          const [total] = await tx
            .select({ n: count() })
            .from(workshopSteps)
            .where(eq(workshopSteps.workshopId, workshopId));
          const next = nextStep(action, workshop.currentStep, Number(total?.n ?? 0));
          const [row] = await tx
            .update(workshops)
            .set({ currentStep: next, stepStartedAt: next === null ? null : new Date() })
            .where(eq(workshops.id, workshopId))
            .returning();
          await audit(
            `workshop.${action}`,
            { type: "workshop", id: workshopId },
            { eventId: workshop.eventId, step: next },
          );
          return { currentStep: row?.currentStep ?? null, stepStartedAt: row?.stepStartedAt ?? null };
        },
      });
    },

    /**
     * A participant registers (name, organisation, e-mail as the event asks) on a
     * public event, or with the event's code; no account is needed. Returns the
     * walls the browser may now open. The audit row names the signed-in person,
     * or else only the browser's participant id.
     */
    async register(
      caller: Caller & { participantHash: string | null; addressHash: string },
      slug: string,
      input: RegistrationInput | unknown,
      code?: string,
      options: WriteOptions = {},
    ) {
      let event: EventRow | undefined;
      const writer: WriteCaller = { ...caller, participantHash: caller.actor ? null : caller.participantHash };
      const registered = await write({
        caller: writer,
        allow: async () => {
          const found = await findEvent(eq(events.slug, slug.toLowerCase()));
          const right = code?.trim().toUpperCase() === found.joinCode;
          // Guesses count outside the registration's transaction: a refused code still uses up the budget.
          if (!found.isPublic) await joinGuesses.count(caller.addressHash, { right });
          if (!canRegister(caller.actor, found, right)) throw wrongCode(caller.locale);
          event = found;
        },
        input: { schema: registrationInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const found = event;
          if (!found) throw new AppError("INTERNAL");
          if (found.registrationEmail === "required" && !data.email) {
            throw new AppError("VALIDATION_FAILED", [
              { path: "email", message: translate(caller.locale, "events.emailRequired") },
            ]);
          }
          const [row] = await tx
            .insert(registrations)
            .values({
              eventId: found.id,
              name: data.name,
              organisation: data.organisation,
              email: found.registrationEmail === "off" ? null : (data.email ?? null),
              participantHash: caller.participantHash,
            })
            .returning({ id: registrations.id });
          // Who registered is in the registration; the audit row names only the browser (or the person signed in).
          await audit("registration.create", { type: "event", id: found.id }, { registrationId: row?.id });
          return found;
        },
      });
      return this.wallsOf(registered);
    },

    /** Joining with the event's code alone; guesses are rate-limited per address. */
    async join(
      slug: string,
      code: string,
      addressHash: string,
      locale: Caller["locale"],
      actor: Caller["actor"] = null,
    ) {
      const event = await findEvent(eq(events.slug, slug.toLowerCase()));
      const right = code.trim().toUpperCase() === event.joinCode;
      await joinGuesses.count(addressHash, { right });
      if (!canJoinWithCode(actor, right)) throw wrongCode(locale);
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
      authorizeReadEvent(caller.actor, event);
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

    async publishSummary(caller: Caller, eventId: string, input: unknown, options: WriteOptions = {}): Promise<void> {
      await write({
        caller,
        allow: () => authorizeEvents("manageEvents", caller.actor),
        input: { schema: summaryInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          if (!isUuid(eventId)) throw new AppError("NOT_FOUND");
          const [row] = await tx
            .update(events)
            .set({ summary: data.summary, summaryPublishedAt: data.publish ? new Date() : null, updatedAt: new Date() })
            .where(eq(events.id, eventId))
            .returning({ id: events.id });
          if (!row) throw new AppError("NOT_FOUND");
          await audit(data.publish ? "summary.publish" : "summary.save", { type: "event", id: eventId });
        },
      });
    },

    async createSeries(caller: Caller, input: unknown, options: WriteOptions = {}) {
      return write({
        caller,
        allow: () => authorizeEvents("manageEvents", caller.actor),
        input: { schema: seriesInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const [row] = await tx
            .insert(eventSeries)
            .values({ ...data, slug: randomCode(6).toLowerCase(), createdBy: caller.actor?.id ?? null })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit("series.create", { type: "series", id: row.id }, { name: row.name });
          return row;
        },
      });
    },

    async listSeries(caller: Caller): Promise<SeriesView[]> {
      authorizeEvents("readSeries", caller.actor);
      return (await db.select().from(eventSeries).orderBy(desc(eventSeries.createdAt))).map(presentSeries);
    },

    /** A series with the events this caller may see, soonest first. */
    async getSeries(caller: Caller, slug: string): Promise<{ series: SeriesView; events: EventView[] }> {
      authorizeEvents("readSeries", caller.actor);
      const [series] = await db.select().from(eventSeries).where(eq(eventSeries.slug, slug.toLowerCase()));
      if (!series) throw new AppError("NOT_FOUND");
      const rows = await db
        .select()
        .from(events)
        .where(eq(events.seriesId, series.id))
        .orderBy(asc(events.startsAt), asc(events.id));
      return {
        series: presentSeries(series),
        events: rows.filter((e) => canReadEvent(caller.actor, e)).map(presentEvent),
      };
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;

import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { addDays, formatPlainDate, helsinkiDate, startOfHelsinkiDay } from "../../core/dates.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { translate } from "../../i18n/translate.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { Logger } from "../../logger.ts";
import { workspaceCaller } from "../templates/builtins.ts";
import { wallModerationModes } from "../walls/constants.ts";
import type { PostView } from "../walls/presenters.ts";
import { walls as wallsTable } from "../walls/schema.ts";
import type { WallService } from "../walls/service.ts";
import type { WallViewer } from "../walls/viewer.ts";
import { strategyAudit } from "./audit.ts";
import { goalCategories } from "./constants.ts";
import { strategyPolicy } from "./policy.ts";
import { strategies, strategyGoals } from "./schema.ts";
import type { GoalRow, StrategyRow } from "./service.ts";

/** The job that closes a consultation's walls at the end of its deadline day (Finnish time). */
export const consultationDeadlineJob = "strategy.consultationDeadline";
export interface ConsultationDeadlineJob {
  strategyId: string;
  /** The deadline the job was sent for: a later change of the deadline makes this job a no-op. */
  deadline: string;
}

const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);

/** Opening a draft for comments: the last day, and how the goals' walls take comments (the office's choice). */
export const consultationInput = z.object({
  /** The last day for comments; the walls close at its end, Finnish time. */
  deadline: z.iso.date(),
  /** Whether a comment may be left without a name. */
  anonymousAllowed: flag.default(true),
  /** "pre": a comment shows only once a moderator approves it. */
  moderation: z.enum(wallModerationModes).default("open"),
});
export type ConsultationInput = z.input<typeof consultationInput>;

/** Where a consultation ends up: back to a draft, or adopted. */
export const consultationCloseInput = z.object({ to: z.enum(["draft", "adopted"]).default("draft") });
export type ConsultationCloseInput = z.input<typeof consultationCloseInput>;

export interface ConsultationComment {
  id: string;
  parentId: string | null;
  kind: PostView["kind"];
  title: string | null;
  body: string;
  html: string;
  authorName: string | null;
  likes: number;
  createdAt: string;
}

export interface ConsultationSummary {
  strategy: StrategyRow;
  goals: {
    goal: GoalRow;
    wall: { id: string; slug: string; closed: boolean; anonymousAllowed: boolean; moderation: "open" | "pre" } | null;
    /** The wall's visible comments, oldest first (pending and hidden ones are not part of the summary). */
    comments: ConsultationComment[];
  }[];
}

/** A staff member reading walls as a moderator (no participant cookie, no join code needed). */
const viewerOf = (caller: Caller): WallViewer => ({
  ...caller,
  participantHash: null,
  addressHash: "",
  hasJoinCode: () => false,
});

/**
 * The consultation on a draft strategy: each goal gets its own wall (the walls module, owner "strategy_goal"; staff
 * moderate it), made in the same unit as the status change; a job closes the walls at the end of the deadline day,
 * and leaving consultation closes them at once. The summary lists each goal's visible comments, read through the
 * walls service.
 */
export function createConsultationService({
  db,
  walls,
  jobs,
  logger,
  writes = createWritePath(db),
}: {
  db: Db;
  walls: () => WallService;
  jobs: JobQueue;
  logger?: Logger;
  writes?: WritePath;
}) {
  const write = writes(strategyAudit);
  const manage = (caller: Caller) => authorize(strategyPolicy, "manageStrategies", caller.actor);

  async function findStrategy(from: Db | Tx, id: string): Promise<StrategyRow> {
    const [row] = await from.select().from(strategies).where(eq(strategies.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  const goalsOf = (from: Db | Tx, strategyId: string) =>
    from
      .select()
      .from(strategyGoals)
      .where(eq(strategyGoals.strategyId, strategyId))
      .orderBy(asc(strategyGoals.position), asc(strategyGoals.createdAt));

  /**
   * Closes every goal wall of the strategy in the caller's unit. `asOwner`: the strategy module closes them as their
   * owner (the deadline job, acting as the workspace), not as a moderator.
   */
  async function closeWalls(caller: Caller, unit: WriteUnit, strategyId: string, asOwner = false): Promise<number> {
    let closed = 0;
    for (const goal of await goalsOf(unit.tx, strategyId)) {
      if (!goal.wallId) continue;
      const owner = asOwner ? { owner: { type: "strategy_goal" as const, id: goal.id } } : {};
      await walls().update(caller, goal.wallId, { closed: true }, { within: unit, ...owner });
      closed++;
    }
    return closed;
  }

  /** A goal's wall for the consultation, made in the caller's unit; the goal remembers it. */
  async function makeWall(
    caller: Caller,
    unit: WriteUnit,
    goal: GoalRow,
    settings: { anonymousAllowed: boolean; moderation: "open" | "pre" },
  ) {
    const wall = await walls().create(
      caller,
      {
        title: goal.title.slice(0, 200),
        description: goal.description.slice(0, 4000),
        access: "link",
        layout: "stream",
        ...settings,
      },
      { within: unit, owner: { type: "strategy_goal", id: goal.id } },
    );
    await unit.tx.update(strategyGoals).set({ wallId: wall.id }).where(eq(strategyGoals.id, goal.id));
    return wall;
  }

  return {
    /**
     * Opens a draft for comments until the deadline: the status becomes "consultation", each goal gets a wall (or
     * its wall from an earlier round opens again), and the deadline job is queued, all in one transaction.
     */
    async open(
      caller: Caller,
      strategyId: string,
      input: ConsultationInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(strategyId);
        },
        input: { schema: consultationInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unit }): Promise<StrategyRow> => {
          const strategy = await findStrategy(tx, strategyId);
          if (strategy.status !== "draft")
            throw new AppError("CONFLICT", [
              {
                path: "status",
                message: translate(caller.locale, "strategy.consultation.notDraft", {
                  status: translate(caller.locale, `strategy.strategyStatus.${strategy.status}`),
                }),
              },
            ]);
          const today = helsinkiDate().toString();
          if (data.deadline < today)
            throw new AppError("VALIDATION_FAILED", [
              {
                path: "deadline",
                message: translate(caller.locale, "strategy.consultation.deadlinePast", {
                  today: formatPlainDate(caller.locale, today),
                }),
              },
            ]);
          const goals = await goalsOf(tx, strategyId);
          if (goals.length === 0)
            throw new AppError("VALIDATION_FAILED", [
              { path: "goals", message: translate(caller.locale, "strategy.consultation.noGoals") },
            ]);
          const settings = { anonymousAllowed: data.anonymousAllowed, moderation: data.moderation };
          const byCategory = goals.sort(
            (a, b) => goalCategories.indexOf(a.category) - goalCategories.indexOf(b.category),
          );
          for (const goal of byCategory) {
            const title = goal.title.slice(0, 200);
            if (goal.wallId) {
              await walls().update(caller, goal.wallId, { ...settings, title, closed: false }, { within: unit });
              continue;
            }
            await makeWall(caller, unit, goal, settings);
          }
          const [row] = await tx
            .update(strategies)
            .set({
              status: "consultation",
              consultationDeadline: data.deadline,
              consultationOpenedBy: caller.actor?.id ?? null,
              updatedAt: new Date(),
            })
            .where(eq(strategies.id, strategyId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          const job: ConsultationDeadlineJob = { strategyId, deadline: data.deadline };
          await jobs.send(consultationDeadlineJob, job, {
            tx,
            startAfter: startOfHelsinkiDay(addDays(data.deadline, 1)),
          });
          await audit(
            "consultation.open",
            { type: "strategy", id: strategyId },
            { deadline: data.deadline, goals: goals.length, ...settings },
          );
          return row;
        },
      });
    },

    /** Ends the consultation now: the walls close and the strategy goes back to a draft or is adopted. */
    async close(
      caller: Caller,
      strategyId: string,
      input: ConsultationCloseInput | unknown = {},
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(strategyId);
        },
        input: { schema: consultationCloseInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unit }): Promise<StrategyRow> => {
          const strategy = await findStrategy(tx, strategyId);
          if (strategy.status !== "consultation")
            throw new AppError("CONFLICT", [
              { path: "status", message: translate(caller.locale, "strategy.consultation.notOpen") },
            ]);
          const closed = await closeWalls(caller, unit, strategyId);
          const [row] = await tx
            .update(strategies)
            .set({ status: data.to, updatedAt: new Date() })
            .where(eq(strategies.id, strategyId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("consultation.close", { type: "strategy", id: strategyId }, { to: data.to, walls: closed });
          return row;
        },
      });
    },

    /** The strategy service's hook: a status change out of consultation closes the walls in the change's unit. */
    async leftConsultation(caller: Caller, unit: WriteUnit, strategyId: string) {
      await closeWalls(caller, unit, strategyId);
    },

    /**
     * The strategy service's hook: a goal added while the strategy is in consultation gets its wall at once, in the
     * goal's unit, taking comments as the consultation's other walls do.
     */
    async goalAdded(caller: Caller, unit: WriteUnit, goal: GoalRow) {
      const siblings = (await goalsOf(unit.tx, goal.strategyId)).filter((g) => g.wallId && g.id !== goal.id);
      const [sibling] = siblings[0]?.wallId
        ? await unit.tx
            .select({ anonymousAllowed: wallsTable.anonymousAllowed, moderation: wallsTable.moderation })
            .from(wallsTable)
            .where(eq(wallsTable.id, siblings[0].wallId))
        : [];
      await makeWall(caller, unit, goal, sibling ?? { anonymousAllowed: true, moderation: "open" });
    },

    /**
     * The deadline job: closes the walls as the workspace itself (the strategy module, owner of the walls, acts; no
     * person's role is asked, so whoever opened the consultation may since have left or lost their role), audited
     * with no actor, unless the strategy has left consultation or the deadline has changed since.
     */
    async closeAtDeadline(job: ConsultationDeadlineJob): Promise<"closed" | "stale"> {
      const strategy = await findStrategy(db, job.strategyId).catch(() => null);
      if (strategy?.status !== "consultation" || strategy.consultationDeadline !== job.deadline) return "stale";
      const caller = workspaceCaller;
      await write({
        caller,
        // The workspace's own job, sent by a staff member's opening: no person to ask.
        allow: () => {},
        run: async ({ audit, unit }) => {
          const closed = await closeWalls(caller, unit, strategy.id, true);
          await audit(
            "consultation.close",
            { type: "strategy", id: strategy.id },
            { reason: "deadline", deadline: job.deadline, walls: closed },
          );
          logger?.info("consultation closed at its deadline", { strategyId: strategy.id, walls: closed });
        },
      });
      return "closed";
    },

    /** Each goal's visible comments (staff): for the summary page and its CSV and XLSX exports. */
    async summary(caller: Caller, strategyId: string): Promise<ConsultationSummary> {
      manage(caller);
      assertUuid(strategyId);
      const strategy = await findStrategy(db, strategyId);
      const goals = (await goalsOf(db, strategyId)).sort(
        (a, b) => goalCategories.indexOf(a.category) - goalCategories.indexOf(b.category),
      );
      const viewer = viewerOf(caller);
      const result: ConsultationSummary["goals"] = [];
      for (const goal of goals) {
        if (!goal.wallId) {
          result.push({ goal, wall: null, comments: [] });
          continue;
        }
        const opened = await walls().openById(viewer, goal.wallId);
        const posts: PostView[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<WallService["posts"]>> = await walls().posts(viewer, goal.wallId, {
            limit: 500,
            ...(cursor ? { cursor } : {}),
          });
          posts.push(...page.posts);
          cursor = page.nextCursor;
        } while (cursor);
        const comments = posts
          .filter((p) => p.status === "visible")
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
          .map(
            (p): ConsultationComment => ({
              id: p.id,
              parentId: p.parentId,
              kind: p.kind,
              title: p.title,
              body: p.body,
              html: p.html,
              authorName: p.authorName,
              likes: p.likes,
              createdAt: p.createdAt,
            }),
          );
        const w = opened.wall;
        result.push({
          goal,
          wall: {
            id: w.id,
            slug: w.slug,
            closed: w.closed,
            anonymousAllowed: w.anonymousAllowed,
            moderation: w.moderation,
          },
          comments,
        });
      }
      return { strategy, goals: result };
    },
  };
}

export type ConsultationService = ReturnType<typeof createConsultationService>;

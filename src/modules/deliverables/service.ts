import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError, isAppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db } from "../../db/client.ts";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { findGroup, membershipOf, refused } from "../groups/access.ts";
import { workingGroups } from "../groups/schema.ts";
import { inLocale } from "../templates/constants.ts";
import { readTemplate } from "../templates/service.ts";
import { renderPostBody } from "../walls/render.ts";
import { type DeliverableRow, findDeliverable, findSection } from "./access.ts";
import { deliverablesAudit } from "./audit.ts";
import { SectionConflict } from "./conflict.ts";
import { type DeadlineKind, type DeliverableStatus, statusTransitions } from "./constants.ts";
import { helsinkiToday, type NextDeadline, nextDeadlines } from "./deadlines.ts";
import { type LineDiff, lineDiff } from "./diff.ts";
import type { DeliverableDocument } from "./export/deliverable.ts";
import {
  commentInput,
  compareInput,
  type DeadlineInput,
  type DeliverableInput,
  deadlineDoneInput,
  deadlineInput,
  deliverableInput,
  deliverableUpdateInput,
  type SectionSaveInput,
  sectionSaveInput,
  type TransitionInput,
  transitionInput,
} from "./inputs.ts";
import {
  allowedTransitions,
  canManageDeliverable,
  canReadDeliverable,
  canWorkOnDeliverables,
  deliverablesPolicy,
  isEditable,
} from "./policy.ts";
import {
  deliverableDeadlines,
  deliverableSections,
  deliverableStatusChanges,
  deliverables,
  sectionComments,
  sectionVersions,
} from "./schema.ts";

export interface SectionView {
  id: string;
  /** The section's number. */
  position: number;
  title: string;
  guidance: string;
  /** What the writers typed (a small Markdown subset). */
  body: string;
  /** The body rendered and sanitised. */
  html: string;
  /** 0 before the first save. */
  version: number;
  updatedByName: string | null;
  updatedAt: Date | null;
  commentCount: number;
}

export interface DeadlineView {
  id: string;
  kind: DeadlineKind;
  label: string;
  dueOn: string;
  completedAt: Date | null;
  overdue: boolean;
}

export interface StatusChangeView {
  from: DeliverableStatus;
  to: DeliverableStatus;
  comment: string;
  actorName: string;
  at: Date;
}

export interface DeliverableDetail {
  deliverable: Omit<DeliverableRow, "createdBy">;
  group: { id: string; slug: string; name: string; isPublic: boolean };
  sections: SectionView[];
  deadlines: DeadlineView[];
  /** Status changes, newest first (for the group's people only). */
  history: StatusChangeView[];
  /** The statuses this caller may move the deliverable to now. */
  transitions: DeliverableStatus[];
  canWork: boolean;
  canManage: boolean;
  /** Whether sections can be written in this status. */
  editable: boolean;
}

export interface VersionInfo {
  version: number;
  authorName: string;
  savedAt: Date;
}

export interface SectionLink {
  id: string;
  position: number;
  title: string;
}

export interface SectionDetail {
  deliverable: { id: string; title: string; status: DeliverableStatus; locale: Locale };
  group: { slug: string; name: string };
  section: SectionView;
  /** The sections before and after this one, for moving between them. */
  previous: SectionLink | null;
  next: SectionLink | null;
  /** Newest first. */
  versions: VersionInfo[];
  comments: { id: string; authorName: string; body: string; html: string; at: Date }[];
  editable: boolean;
}

export interface Comparison {
  section: { id: string; position: number; title: string; deliverableId: string; deliverableTitle: string };
  versions: VersionInfo[];
  /** Null for version 0, the empty section before its first save. */
  from: VersionInfo | null;
  to: VersionInfo | null;
  diff: LineDiff;
}

export interface CoordinationRow {
  deliverableId: string;
  title: string;
  group: { slug: string; name: string };
  status: DeliverableStatus;
  nextDeadline: NextDeadline | null;
  updatedAt: Date;
}

const actorName = (caller: Caller) => caller.actor?.name ?? "";

function present(row: typeof deliverableSections.$inferSelect, commentCount = 0): SectionView {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    guidance: row.guidance,
    body: row.body,
    html: renderPostBody(row.body),
    version: row.version,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt,
    commentCount,
  };
}

/** Deliverables: made from a template, written section by section with every version kept, reviewed by status. */
export function createDeliverableService({
  db,
  writes = createWritePath(db),
}: {
  db: Db;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(deliverablesAudit);
  const target = (deliverableId: string) => ({ type: "deliverable", id: deliverableId });

  /** The deliverable if the caller works in its group. */
  async function workable(caller: Caller, deliverableId: string) {
    const found = await findDeliverable(db, deliverableId, caller.actor);
    if (!canWorkOnDeliverables(found.membership, caller.actor)) throw refused(caller.actor);
    return found;
  }

  async function workableSection(caller: Caller, sectionId: string) {
    const found = await findSection(db, sectionId, caller.actor);
    if (!canWorkOnDeliverables(found.membership, caller.actor)) throw refused(caller.actor);
    return found;
  }

  function notEditable(locale: Locale): AppError {
    return new AppError("CONFLICT", [{ path: "body", message: translate(locale, "groups.notEditable") }]);
  }

  async function versionsOf(sectionId: string): Promise<(VersionInfo & { body: string })[]> {
    const rows = await db
      .select()
      .from(sectionVersions)
      .where(eq(sectionVersions.sectionId, sectionId))
      .orderBy(desc(sectionVersions.version));
    return rows.map((v) => ({ version: v.version, authorName: v.authorName, savedAt: v.createdAt, body: v.body }));
  }

  return {
    /** Copies the template's sections, with their guidance, in the deliverable's language. */
    async create(
      caller: Caller,
      groupId: string,
      input: DeliverableInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<DeliverableRow> {
      let groupName = "";
      return write({
        caller,
        allow: async () => {
          assertUuid(groupId);
          // Inside a caller's unit (a strategy attaching its analysis), reads go through its transaction.
          const from = options.within?.tx ?? db;
          const group = await findGroup(from, eq(workingGroups.id, groupId));
          if (!canWorkOnDeliverables(await membershipOf(from, groupId, caller.actor), caller.actor))
            throw refused(caller.actor);
          groupName = group.name;
        },
        input: { schema: deliverableInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const locale = data.locale ?? caller.locale;
          const template = await readTemplate(tx, data.templateId).catch((error: unknown) => {
            if (isAppError(error) && error.code === "NOT_FOUND") {
              throw new AppError("VALIDATION_FAILED", [
                { path: "templateId", message: translate(caller.locale, "groups.templateNotFound") },
              ]);
            }
            throw error;
          });
          const [row] = await tx
            .insert(deliverables)
            .values({
              groupId,
              templateId: template.id,
              title: data.title || `${inLocale(template.name, locale)} – ${groupName}`,
              locale,
              createdBy: caller.actor?.id ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await tx.insert(deliverableSections).values(
            template.sections.map((s) => ({
              deliverableId: row.id,
              position: s.position,
              title: inLocale(s.title, locale),
              guidance: inLocale(s.guidance, locale),
            })),
          );
          await audit("deliverable.create", target(row.id), { groupId, template: template.id });
          return row;
        },
      });
    },

    async get(caller: Caller, deliverableId: string, now: Date = new Date()): Promise<DeliverableDetail> {
      const { deliverable, group, membership } = await findDeliverable(db, deliverableId, caller.actor);
      if (!canReadDeliverable(group, deliverable, membership, caller.actor)) throw refused(caller.actor);
      const canWork = canWorkOnDeliverables(membership, caller.actor);
      const rows = await db
        .select()
        .from(deliverableSections)
        .where(eq(deliverableSections.deliverableId, deliverableId))
        .orderBy(asc(deliverableSections.position));
      const counts =
        canWork && rows.length
          ? await db
              .select({ sectionId: sectionComments.sectionId, n: count() })
              .from(sectionComments)
              .where(
                inArray(
                  sectionComments.sectionId,
                  rows.map((r) => r.id),
                ),
              )
              .groupBy(sectionComments.sectionId)
          : [];
      const today = helsinkiToday(now);
      const deadlines = await db
        .select()
        .from(deliverableDeadlines)
        .where(eq(deliverableDeadlines.deliverableId, deliverableId))
        .orderBy(asc(deliverableDeadlines.dueOn));
      const history = canWork
        ? await db
            .select()
            .from(deliverableStatusChanges)
            .where(eq(deliverableStatusChanges.deliverableId, deliverableId))
            .orderBy(desc(deliverableStatusChanges.createdAt))
        : [];
      const { createdBy: _createdBy, ...shown } = deliverable;
      return {
        deliverable: shown,
        group: { id: group.id, slug: group.slug, name: group.name, isPublic: group.isPublic },
        sections: rows.map((r) => present(r, Number(counts.find((c) => c.sectionId === r.id)?.n ?? 0))),
        deadlines: deadlines.map((d) => ({
          id: d.id,
          kind: d.kind,
          label: d.label,
          dueOn: d.dueOn,
          completedAt: d.completedAt,
          overdue: !d.completedAt && deliverable.status !== "accepted" && d.dueOn < today,
        })),
        history: history.map((h) => ({
          from: h.fromStatus,
          to: h.toStatus,
          comment: h.comment,
          actorName: h.actorName,
          at: h.createdAt,
        })),
        transitions: allowedTransitions(deliverable.status, membership, caller.actor),
        canWork,
        canManage: canManageDeliverable(membership, caller.actor),
        editable: canWork && isEditable(deliverable.status),
      };
    },

    /** The title, and whether the public sees it (when the group is public too): the group's leads and staff. */
    async update(caller: Caller, deliverableId: string, input: unknown, options: { within?: WriteUnit } = {}) {
      await write({
        caller,
        allow: async () => {
          const found = await findDeliverable(db, deliverableId, caller.actor);
          if (!canManageDeliverable(found.membership, caller.actor)) throw refused(caller.actor);
        },
        input: { schema: deliverableUpdateInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          await tx
            .update(deliverables)
            .set({ ...data, updatedAt: new Date() })
            .where(eq(deliverables.id, deliverableId));
          await audit("deliverable.update", target(deliverableId), data);
        },
      });
    },

    /** One section for writing: its guidance, text, versions and comments (the group's people). */
    async section(caller: Caller, sectionId: string): Promise<SectionDetail> {
      const { section, deliverable, group } = await workableSection(caller, sectionId);
      const siblings = await db
        .select({
          id: deliverableSections.id,
          position: deliverableSections.position,
          title: deliverableSections.title,
        })
        .from(deliverableSections)
        .where(eq(deliverableSections.deliverableId, deliverable.id))
        .orderBy(asc(deliverableSections.position));
      const at = siblings.findIndex((s) => s.id === section.id);
      const comments = await db
        .select()
        .from(sectionComments)
        .where(eq(sectionComments.sectionId, sectionId))
        .orderBy(asc(sectionComments.createdAt));
      return {
        deliverable: {
          id: deliverable.id,
          title: deliverable.title,
          status: deliverable.status,
          locale: deliverable.locale,
        },
        group: { slug: group.slug, name: group.name },
        section: present(section, comments.length),
        previous: siblings[at - 1] ?? null,
        next: siblings[at + 1] ?? null,
        versions: (await versionsOf(sectionId)).map(({ body: _body, ...v }) => v),
        comments: comments.map((c) => ({
          id: c.id,
          authorName: c.authorName,
          body: c.body,
          html: renderPostBody(c.body),
          at: c.createdAt,
        })),
        editable: isEditable(deliverable.status),
      };
    },

    /**
     * Saves a section as a new version. The save names the version it was
     * based on; if someone saved a newer one meanwhile, nothing is written and
     * SectionConflict (409) carries the newer text and who saved it. An
     * unchanged text makes no new version.
     */
    async saveSection(
      caller: Caller,
      sectionId: string,
      input: SectionSaveInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<SectionView> {
      let deliverableId = "";
      return write({
        caller,
        allow: async () => {
          deliverableId = (await workableSection(caller, sectionId)).deliverable.id;
        },
        input: { schema: sectionSaveInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unchanged }) => {
          // The row lock makes concurrent saves of one section take turns, so each sees the other's version.
          const [current] = await tx
            .select({ section: deliverableSections, status: deliverables.status })
            .from(deliverableSections)
            .innerJoin(deliverables, eq(deliverables.id, deliverableSections.deliverableId))
            .where(eq(deliverableSections.id, sectionId))
            .for("update", { of: deliverableSections });
          if (!current) throw new AppError("NOT_FOUND");
          if (!isEditable(current.status)) throw notEditable(caller.locale);
          const section = current.section;
          if (section.version !== data.baseVersion) {
            const savedAt = section.updatedAt ?? new Date();
            const authorName = section.updatedByName ?? "";
            throw new SectionConflict(
              { version: section.version, body: section.body, html: renderPostBody(section.body), authorName, savedAt },
              translate(caller.locale, "groups.sectionConflict", {
                name: authorName,
                time: formatDateTime(caller.locale, savedAt),
              }),
            );
          }
          // The same text again makes no new version, and no audit row.
          if (section.body === data.body) {
            unchanged();
            return present(section);
          }
          const version = section.version + 1;
          const now = new Date();
          await tx.insert(sectionVersions).values({
            sectionId,
            version,
            body: data.body,
            authorId: caller.actor?.id ?? null,
            authorName: actorName(caller),
            createdAt: now,
          });
          const [row] = await tx
            .update(deliverableSections)
            .set({
              body: data.body,
              version,
              updatedBy: caller.actor?.id ?? null,
              updatedByName: actorName(caller),
              updatedAt: now,
            })
            .where(eq(deliverableSections.id, sectionId))
            .returning();
          await tx.update(deliverables).set({ updatedAt: now }).where(eq(deliverables.id, deliverableId));
          await audit("section.save", target(deliverableId), { sectionId, version });
          return present(row ?? section);
        },
      });
    },

    async versions(caller: Caller, sectionId: string): Promise<(VersionInfo & { body: string })[]> {
      await workableSection(caller, sectionId);
      return versionsOf(sectionId);
    },

    /** Any two versions compared line by line; version 0 is the empty section. */
    async compare(caller: Caller, sectionId: string, input: unknown): Promise<Comparison> {
      const { section, deliverable } = await workableSection(caller, sectionId);
      const { from, to } = parseInput(compareInput, input, caller.locale);
      const all = await versionsOf(sectionId);
      const pick = (n: number) => {
        if (n === 0) return null;
        const found = all.find((v) => v.version === n);
        if (!found) throw new AppError("NOT_FOUND");
        return found;
      };
      const before = pick(from);
      const after = pick(to);
      const info = (v: (typeof all)[number] | null): VersionInfo | null =>
        v ? { version: v.version, authorName: v.authorName, savedAt: v.savedAt } : null;
      return {
        section: {
          id: section.id,
          position: section.position,
          title: section.title,
          deliverableId: deliverable.id,
          deliverableTitle: deliverable.title,
        },
        versions: all.map(({ body: _body, ...v }) => v),
        from: info(before),
        to: info(after),
        diff: lineDiff(before?.body ?? "", after?.body ?? ""),
      };
    },

    async comment(caller: Caller, sectionId: string, input: unknown, options: { within?: WriteUnit } = {}) {
      let deliverableId = "";
      await write({
        caller,
        allow: async () => {
          deliverableId = (await workableSection(caller, sectionId)).deliverable.id;
        },
        input: { schema: commentInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          await tx.insert(sectionComments).values({
            sectionId,
            authorId: caller.actor?.id ?? null,
            authorName: actorName(caller),
            body: data.body,
          });
          await audit("section.comment", target(deliverableId), { sectionId });
        },
      });
    },

    /**
     * Moves the deliverable along its status machine: the group's people
     * (and staff) to review and submission; staff accept, or return it with a comment.
     */
    async transition(
      caller: Caller,
      deliverableId: string,
      input: TransitionInput | unknown,
      options: { within?: WriteUnit } = {},
    ): Promise<DeliverableRow> {
      let found: Awaited<ReturnType<typeof findDeliverable>> | undefined;
      return write({
        caller,
        allow: async () => {
          found = await findDeliverable(db, deliverableId, caller.actor);
          if (!canWorkOnDeliverables(found.membership, caller.actor)) throw refused(caller.actor);
        },
        input: { schema: transitionInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          if (!found) throw new AppError("NOT_FOUND");
          const from = found.deliverable.status;
          // A move the status machine does not have from here: someone changed the status meanwhile.
          if (!statusTransitions.some((t) => t.from === from && t.to === data.to)) {
            throw new AppError("CONFLICT", [
              { path: "to", message: translate(caller.locale, "groups.transitionStale") },
            ]);
          }
          // Who may make this move (the group's people, or the coordinating staff): the policy.
          if (!allowedTransitions(from, found.membership, caller.actor).includes(data.to)) throw refused(caller.actor);
          if (data.to === "returned" && !data.comment) {
            throw new AppError("VALIDATION_FAILED", [
              { path: "comment", message: translate(caller.locale, "groups.returnNeedsComment") },
            ]);
          }
          const [row] = await tx
            .update(deliverables)
            .set({ status: data.to, updatedAt: new Date() })
            .where(and(eq(deliverables.id, deliverableId), eq(deliverables.status, from)))
            .returning();
          if (!row) {
            throw new AppError("CONFLICT", [
              { path: "to", message: translate(caller.locale, "groups.transitionStale") },
            ]);
          }
          await tx.insert(deliverableStatusChanges).values({
            deliverableId,
            fromStatus: from,
            toStatus: data.to,
            comment: data.comment,
            actorId: caller.actor?.id ?? null,
            actorName: actorName(caller),
          });
          await audit("deliverable.status", target(deliverableId), { from, to: data.to });
          return row;
        },
      });
    },

    async addDeadline(
      caller: Caller,
      deliverableId: string,
      input: DeadlineInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      await write({
        caller,
        allow: async () => {
          await workable(caller, deliverableId);
        },
        input: { schema: deadlineInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const [row] = await tx
            .insert(deliverableDeadlines)
            .values({ deliverableId, ...data })
            .returning({ id: deliverableDeadlines.id });
          await audit("deadline.add", target(deliverableId), { ...data, deadlineId: row?.id });
        },
      });
    },

    /** Marks a deadline met (or open again). */
    async setDeadlineDone(caller: Caller, deadlineId: string, input: unknown, options: { within?: WriteUnit } = {}) {
      let deliverableId = "";
      await write({
        caller,
        allow: async () => {
          deliverableId = (await this.deadline(deadlineId)).deliverableId;
          await workable(caller, deliverableId);
        },
        input: { schema: deadlineDoneInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          await tx
            .update(deliverableDeadlines)
            .set({ completedAt: data.done ? new Date() : null })
            .where(eq(deliverableDeadlines.id, deadlineId));
          await audit(data.done ? "deadline.done" : "deadline.reopen", target(deliverableId), { deadlineId });
        },
      });
    },

    async removeDeadline(caller: Caller, deadlineId: string, options: { within?: WriteUnit } = {}) {
      let deadline: Awaited<ReturnType<typeof this.deadline>> | undefined;
      await write({
        caller,
        allow: async () => {
          deadline = await this.deadline(deadlineId);
          await workable(caller, deadline.deliverableId);
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          if (!deadline) throw new AppError("NOT_FOUND");
          await tx.delete(deliverableDeadlines).where(eq(deliverableDeadlines.id, deadlineId));
          await audit("deadline.remove", target(deadline.deliverableId), {
            deadlineId,
            kind: deadline.kind,
            dueOn: deadline.dueOn,
          });
        },
      });
    },

    async deadline(deadlineId: string) {
      assertUuid(deadlineId);
      const [row] = await db.select().from(deliverableDeadlines).where(eq(deliverableDeadlines.id, deadlineId));
      if (!row) throw new AppError("NOT_FOUND");
      return row;
    },

    /**
     * Every group's deliverables for the coordinating staff: overdue ones
     * first (the longest overdue on top), then by the next deadline, then
     * those without one.
     */
    async coordination(caller: Caller, now: Date = new Date()): Promise<CoordinationRow[]> {
      authorize(deliverablesPolicy, "coordinate", caller.actor);
      const rows = await db
        .select({ deliverable: deliverables, group: workingGroups })
        .from(deliverables)
        .innerJoin(workingGroups, eq(workingGroups.id, deliverables.groupId));
      const next = await nextDeadlines(
        db,
        rows.map((r) => r.deliverable),
        helsinkiToday(now),
      );
      const result: CoordinationRow[] = rows.map(({ deliverable, group }) => ({
        deliverableId: deliverable.id,
        title: deliverable.title,
        group: { slug: group.slug, name: group.name },
        status: deliverable.status,
        nextDeadline: next.get(deliverable.id) ?? null,
        updatedAt: deliverable.updatedAt,
      }));
      const rank = (r: CoordinationRow) => (r.nextDeadline === null ? 2 : r.nextDeadline.overdue ? 0 : 1);
      return result.sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (a.nextDeadline?.dueOn ?? "").localeCompare(b.nextDeadline?.dueOn ?? "") ||
          a.group.name.localeCompare(b.group.name, "fi") ||
          a.title.localeCompare(b.title, "fi"),
      );
    },

    /** The deliverable as the DOCX and PPTX exports lay it out, in the deliverable's own language. */
    async exportDocument(caller: Caller, deliverableId: string): Promise<DeliverableDocument> {
      const { deliverable, group, membership } = await findDeliverable(db, deliverableId, caller.actor);
      if (!canReadDeliverable(group, deliverable, membership, caller.actor)) throw refused(caller.actor);
      const locale = deliverable.locale;
      const sections = await db
        .select()
        .from(deliverableSections)
        .where(eq(deliverableSections.deliverableId, deliverableId))
        .orderBy(asc(deliverableSections.position));
      const status = translate(locale, `groups.status.${deliverable.status}`);
      return {
        title: deliverable.title,
        subtitle: `${group.name} · ${status}`,
        locale,
        meta: [
          { label: translate(locale, "groups.export.group"), value: group.name },
          { label: translate(locale, "groups.export.status"), value: status },
          { label: translate(locale, "groups.export.updated"), value: formatDate(locale, deliverable.updatedAt) },
        ],
        sections: sections.map((s) => ({
          number: s.position,
          title: s.title,
          guidance: s.guidance,
          html: renderPostBody(s.body),
        })),
      };
    },
  };
}

export type DeliverableService = ReturnType<typeof createDeliverableService>;

export { isSectionConflict, SectionConflict, type SectionCurrent } from "./conflict.ts";

import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../http/openapi.ts";
import { errorBody } from "../../http/respond-error.ts";
import { groupRoles } from "./constants.ts";
import { isSectionConflict } from "./deliverables.ts";
import {
  commentInput,
  deadlineDoneInput,
  deadlineInput,
  deliverableInput,
  deliverableUpdateInput,
  groupInput,
  groupUpdateInput,
  milestoneInput,
  phaseInput,
  sectionSaveInput,
  templateInput,
  transitionInput,
} from "./inputs.ts";
import {
  comparisonSchema,
  coordinationSchema,
  deliverableDetailSchema,
  groupDetailSchema,
  groupSchema,
  groupSummarySchema,
  memberSchema,
  presentComparison,
  presentCoordination,
  presentCurrent,
  presentDeliverable,
  presentGroup,
  presentGroupDetail,
  presentGroupSummary,
  presentSection,
  presentSectionDetail,
  presentTemplate,
  presentTemplateSummary,
  presentTimeline,
  presentVersionWithBody,
  sectionConflictSchema,
  sectionDetailSchema,
  sectionSchema,
  templateSchema,
  templateSummarySchema,
  timelineSchema,
  versionWithBodySchema,
} from "./presenters.ts";

const tags = ["Working groups"];
const services = (c: Context<AppEnv>) => c.get("platform").services;
const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const memberParam = idParam.extend({
  userId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "userId", in: "path" } }),
});
const signedIn = ["UNAUTHENTICATED", "FORBIDDEN"] as const;
const writeErrors = ["VALIDATION_FAILED", ...signedIn, "NOT_FOUND"] as const;
const noContent = { 204: { description: "Done" } };

/**
 * The working groups' JSON API under /api/groups. Fixed paths (coordination,
 * templates, timeline, deliverables, sections, deadlines) are registered
 * before /groups/{id}, so a group id never shadows them.
 */
export function registerGroupsApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups",
      tags,
      summary: "Working groups: staff see all; others the public ones and their own",
      responses: { 200: jsonResponse(z.array(groupSummarySchema), "Groups by name"), ...errorResponses(...signedIn) },
    }),
    async (c) => c.json((await services(c).groups.list(c.get("caller"))).map(presentGroupSummary), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups",
      tags,
      summary: "Set up a working group with its convener, chair and secretary, and its wall (staff)",
      request: { body: jsonBody(groupInput) },
      responses: {
        201: jsonResponse(groupSchema, "The new group"),
        ...errorResponses("VALIDATION_FAILED", ...signedIn),
      },
    }),
    async (c) => c.json(presentGroup(await services(c).groups.create(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/coordination",
      tags,
      summary: "Every group's deliverables with status and next deadline, overdue first (staff)",
      responses: { 200: jsonResponse(z.array(coordinationSchema), "Deliverables"), ...errorResponses(...signedIn) },
    }),
    async (c) => c.json((await services(c).deliverables.coordination(c.get("caller"))).map(presentCoordination), 200),
  );

  // Templates

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/templates",
      tags,
      summary: "Deliverable templates (signed-in people)",
      responses: { 200: jsonResponse(z.array(templateSummarySchema), "Templates"), ...errorResponses(...signedIn) },
    }),
    async (c) =>
      c.json((await services(c).deliverableTemplates.list(c.get("caller"))).map(presentTemplateSummary), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/templates",
      tags,
      summary: "Define a deliverable template: ordered sections with title and guidance in fi/sv/en (admins)",
      request: { body: jsonBody(templateInput) },
      responses: {
        201: jsonResponse(templateSchema, "The new template"),
        ...errorResponses("VALIDATION_FAILED", ...signedIn),
      },
    }),
    async (c) =>
      c.json(presentTemplate(await services(c).deliverableTemplates.create(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/templates/{id}",
      tags,
      summary: "A template with its sections",
      request: { params: idParam },
      responses: { 200: jsonResponse(templateSchema, "The template"), ...errorResponses(...signedIn, "NOT_FOUND") },
    }),
    async (c) =>
      c.json(
        presentTemplate(await services(c).deliverableTemplates.get(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/templates/{id}",
      tags,
      summary: "Replace a template's name, description and sections (admins); existing deliverables keep theirs",
      request: { params: idParam, body: jsonBody(templateInput) },
      responses: { 200: jsonResponse(templateSchema, "The template as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentTemplate(
          await services(c).deliverableTemplates.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  // Timeline

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/timeline",
      tags,
      summary: "The programme timeline: phases, milestones and the deadlines this caller may see, in date order",
      responses: { 200: jsonResponse(timelineSchema, "The timeline"), ...errorResponses(...signedIn) },
    }),
    async (c) => c.json(presentTimeline(await services(c).timeline.get(c.get("caller"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/timeline/phases",
      tags,
      summary: "Add a phase at the end (staff)",
      request: { body: jsonBody(phaseInput) },
      responses: { ...noContent, ...errorResponses("VALIDATION_FAILED", ...signedIn) },
    }),
    async (c) => {
      await services(c).timeline.createPhase(c.get("caller"), c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/timeline/phases/{id}",
      tags,
      summary: "Change a phase's names and dates (staff)",
      request: { params: idParam, body: jsonBody(phaseInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await services(c).timeline.updatePhase(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/timeline/milestones",
      tags,
      summary: "Add a milestone (staff)",
      request: { body: jsonBody(milestoneInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await services(c).timeline.addMilestone(c.get("caller"), c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/groups/timeline/milestones/{id}",
      tags,
      summary: "Remove a milestone (staff)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedIn, "NOT_FOUND") },
    }),
    async (c) => {
      await services(c).timeline.removeMilestone(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  // Deliverables

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/deliverables/{id}",
      tags,
      summary: "A deliverable with its sections, deadlines and review history",
      description:
        "The group's people and staff; everyone when both the deliverable and its group are public. Download it as /d/{id}/export.docx or /d/{id}/export.pptx (add ?guidance=1 for the template's guidance).",
      request: { params: idParam },
      responses: {
        200: jsonResponse(deliverableDetailSchema, "The deliverable"),
        ...errorResponses(...signedIn, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentDeliverable(await services(c).deliverables.get(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/groups/deliverables/{id}",
      tags,
      summary: "Change a deliverable's title or publish it (the group's convener, chair, secretary, or staff)",
      request: { params: idParam, body: jsonBody(deliverableUpdateInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await services(c).deliverables.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/deliverables/{id}/status",
      tags,
      summary: "Move the deliverable's status",
      description:
        "The group's people (and staff): draft → in_review → submitted, in_review → draft, returned → in_review. Staff: submitted → accepted, or submitted → returned with a comment. A move not possible from the current status is 409 CONFLICT (reload).",
      request: { params: idParam, body: jsonBody(transitionInput) },
      responses: {
        ...noContent,
        ...errorResponses(...writeErrors, "CONFLICT"),
      },
    }),
    async (c) => {
      await services(c).deliverables.transition(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/deliverables/{id}/deadlines",
      tags,
      summary: "Add a deadline (the group's people and staff)",
      request: { params: idParam, body: jsonBody(deadlineInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await services(c).deliverables.addDeadline(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/groups/deadlines/{id}",
      tags,
      summary: "Mark a deadline met, or open again",
      request: { params: idParam, body: jsonBody(deadlineDoneInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await services(c).deliverables.setDeadlineDone(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/groups/deadlines/{id}",
      tags,
      summary: "Remove a deadline",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedIn, "NOT_FOUND") },
    }),
    async (c) => {
      await services(c).deliverables.removeDeadline(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  // Sections

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/sections/{id}",
      tags,
      summary: "A section for writing: its guidance, text, versions and comments (the group's people and staff)",
      request: { params: idParam },
      responses: { 200: jsonResponse(sectionDetailSchema, "The section"), ...errorResponses(...signedIn, "NOT_FOUND") },
    }),
    async (c) =>
      c.json(
        presentSectionDetail(await services(c).deliverables.section(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/sections/{id}",
      tags,
      summary: "Save a section as a new version",
      description:
        "Send the version you started from as baseVersion. If someone saved a newer one meanwhile, nothing is saved: 409 CONFLICT with `current`, the newer text and who saved it. Merge, then save again with baseVersion = current.version. Also 409 when the deliverable is submitted or accepted.",
      request: { params: idParam, body: jsonBody(sectionSaveInput) },
      responses: {
        200: jsonResponse(sectionSchema, "The section as saved"),
        409: jsonResponse(sectionConflictSchema, "A newer version exists (CONFLICT)"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      try {
        const saved = await services(c).deliverables.saveSection(
          c.get("caller"),
          c.req.valid("param").id,
          c.req.valid("json"),
        );
        return c.json(presentSection(saved), 200);
      } catch (error) {
        if (!isSectionConflict(error)) throw error;
        return c.json(
          {
            ...errorBody(error, c.get("caller").locale),
            code: "CONFLICT" as const,
            issues: error.issues,
            current: presentCurrent(error.current),
          },
          409,
        );
      }
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/sections/{id}/versions",
      tags,
      summary: "Every saved version of a section, newest first: who, when, the whole text",
      request: { params: idParam },
      responses: {
        200: jsonResponse(z.array(versionWithBodySchema), "Versions"),
        ...errorResponses(...signedIn, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        (await services(c).deliverables.versions(c.get("caller"), c.req.valid("param").id)).map(presentVersionWithBody),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/sections/{id}/compare",
      tags,
      summary: "Two versions compared line by line (version 0 is the empty section)",
      request: {
        params: idParam,
        query: z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) }),
      },
      responses: { 200: jsonResponse(comparisonSchema, "The comparison"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentComparison(
          await services(c).deliverables.compare(c.get("caller"), c.req.valid("param").id, c.req.valid("query")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/sections/{id}/comments",
      tags,
      summary: "Comment on a section (the group's people and staff)",
      request: { params: idParam, body: jsonBody(commentInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await services(c).deliverables.comment(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  // One group (after the fixed paths above)

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/{id}",
      tags,
      summary: "A group: members with their home organisations, and the deliverables this caller may read",
      request: { params: idParam },
      responses: {
        200: jsonResponse(groupDetailSchema, "The group"),
        ...errorResponses(...signedIn, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentGroupDetail(await services(c).groups.getById(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/groups/{id}",
      tags,
      summary: "Change the group's name, theme, description or publicity (its convener, chair, secretary, or staff)",
      request: { params: idParam, body: jsonBody(groupUpdateInput) },
      responses: { 200: jsonResponse(groupSchema, "The group as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentGroup(await services(c).groups.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json"))),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/{id}/members/{userId}",
      tags,
      summary: "Add a person to the group or change their role",
      description:
        "The convener's, chair's and secretary's roles are one person's at a time: giving one makes its previous holder a member.",
      request: { params: memberParam, body: jsonBody(z.object({ role: z.enum(groupRoles).default("member") })) },
      responses: {
        200: jsonResponse(z.array(memberSchema), "The group's members now"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json(
        await services(c).groups.setMember(c.get("caller"), id, { userId, role: c.req.valid("json").role }),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/groups/{id}/members/{userId}",
      tags,
      summary: "Remove a person from the group",
      request: { params: memberParam },
      responses: {
        200: jsonResponse(z.array(memberSchema), "The group's members now"),
        ...errorResponses(...signedIn, "NOT_FOUND"),
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json(await services(c).groups.removeMember(c.get("caller"), id, userId), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/{id}/deliverables",
      tags,
      summary: "Start a deliverable from a template (the group's people and staff)",
      description: "The template's sections are copied with their titles and guidance in the deliverable's language.",
      request: { params: idParam, body: jsonBody(deliverableInput) },
      responses: {
        201: jsonResponse(z.object({ id: z.uuid(), title: z.string() }), "The new deliverable"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      const row = await services(c).deliverables.create(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ id: row.id, title: row.title }, 201);
    },
  );
}

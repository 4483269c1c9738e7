import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { issueInput, issuePatch } from "../inputs.ts";
import {
  archivedIssueSchema,
  archiveListSchema,
  issueListSchema,
  issueSchema,
  presentArchive,
  presentArchivedIssue,
  presentIssue,
  presentProgress,
  previewSchema,
  progressSchema,
  progressWithStatusSchema,
} from "../presenters.ts";

const tags = ["Newsletter"];

/** Issues: compose, preview, send, pause, resume, progress (staff); the archive of sent issues (anyone). */
export function registerIssueRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/newsletter/archive",
      tags,
      summary: "Sent issues, newest first (public)",
      responses: { 200: jsonResponse(archiveListSchema, "The archive") },
    }),
    async (c) => c.json(presentArchive(await apiServices(c).newsletterIssues.archive(c.get("caller"))), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/newsletter/archive/{id}",
      tags,
      summary: "One sent issue as it was sent (public)",
      request: { params: idParam },
      responses: { 200: jsonResponse(archivedIssueSchema, "The issue"), ...errorResponses("NOT_FOUND") },
    }),
    async (c) =>
      c.json(
        presentArchivedIssue(await apiServices(c).newsletterIssues.archived(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/newsletter/issues",
      tags,
      summary: "Every issue, newest first (staff)",
      responses: { 200: jsonResponse(issueListSchema, "The issues"), ...errorResponses(...signedInErrors) },
    }),
    async (c) =>
      c.json(
        (await apiServices(c).newsletterIssues.list(c.get("caller"))).map((i) => presentIssue(i)),
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/newsletter/issues",
      tags,
      summary: "Compose an issue: introduction and published posts (staff)",
      request: { body: jsonBody(issueInput) },
      responses: {
        201: jsonResponse(issueSchema, "The draft"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(presentIssue(await apiServices(c).newsletterIssues.create(c.get("caller"), c.req.valid("json"))), 201),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/newsletter/issues/{id}",
      tags,
      summary: "An issue with its progress (staff)",
      request: { params: idParam },
      responses: { 200: jsonResponse(issueSchema, "The issue"), ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) =>
      c.json(presentIssue(await apiServices(c).newsletterIssues.get(c.get("caller"), c.req.valid("param").id)), 200),
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/newsletter/issues/{id}",
      tags,
      summary: "Change a draft (staff)",
      request: { params: idParam, body: jsonBody(issuePatch) },
      responses: { 200: jsonResponse(issueSchema, "The draft as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentIssue(
          await apiServices(c).newsletterIssues.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/newsletter/issues/{id}/preview",
      tags,
      summary: "The issue as the page shows it and as the received mail, HTML and text (staff)",
      request: { params: idParam },
      responses: { 200: jsonResponse(previewSchema, "The preview"), ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => c.json(await apiServices(c).newsletterIssues.preview(c.get("caller"), c.req.valid("param").id), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/newsletter/issues/{id}/progress",
      tags,
      summary: "Recipients sent, failed and left (staff)",
      request: { params: idParam },
      responses: {
        200: jsonResponse(progressWithStatusSchema, "The progress"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) => {
      const { status, ...progress } = await apiServices(c).newsletterIssues.progress(
        c.get("caller"),
        c.req.valid("param").id,
      );
      return c.json({ status, ...presentProgress(progress) }, 200);
    },
  );
  for (const [action, summary] of [
    ["send", "Send the draft to every confirmed subscriber of its language and topics, in paced batches (staff)"],
    ["pause", "Pause a send after the batch in hand (staff)"],
    ["resume", "Resume a paused send (staff)"],
  ] as const) {
    api.openapi(
      createRoute({
        method: "post",
        path: `/newsletter/issues/{id}/${action}`,
        tags,
        summary,
        request: { params: idParam },
        responses: { 200: jsonResponse(progressSchema, "The progress"), ...errorResponses(...writeErrors) },
      }),
      async (c) =>
        c.json(
          presentProgress(await apiServices(c).newsletterIssues[action](c.get("caller"), c.req.valid("param").id)),
          200,
        ),
    );
  }
}

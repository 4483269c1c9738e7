import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../../core/policy.ts";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { receiveForm } from "../../files/multipart.ts";
import { postInput, postPatch, publishInput } from "../inputs.ts";
import { canReadDrafts, publishingPolicy } from "../policy.ts";
import {
  archiveMonthSchema,
  postSchema,
  postsPageSchema,
  presentPost,
  presentPostsPage,
  presentRevision,
  revisionSchema,
  tagCountSchema,
} from "../presenters.ts";
import { allPostsPageInput, publishedPageInput } from "../service.ts";

export const tags = ["Posts"];

const slugParam = z.object({
  slug: z
    .string()
    .max(200)
    .openapi({ param: { name: "slug", in: "path" } }),
});

/** Blog posts and news: public reading, staff writing, scheduling and corrections. */
export function registerPostRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/publishing/posts",
      tags,
      summary: "Published posts, newest first (anyone)",
      description: "Filter by tag, language, kind, year and month. A page at a time: nextCursor as ?cursor=.",
      request: { query: publishedPageInput },
      responses: {
        200: jsonResponse(postsPageSchema, "A page of published posts"),
        ...errorResponses("VALIDATION_FAILED"),
      },
    }),
    async (c) => {
      const caller = c.get("caller");
      const page = await apiServices(c).publishingPosts.listPublished(caller, c.req.valid("query"));
      return c.json(presentPostsPage(page), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/publishing/posts/all",
      tags,
      summary: "Every post, drafts and scheduled ones too, last changed first (staff, auditors)",
      request: { query: allPostsPageInput },
      responses: {
        200: jsonResponse(postsPageSchema, "A page of posts"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) => {
      const page = await apiServices(c).publishingPosts.listAll(c.get("caller"), c.req.valid("query"));
      return c.json(presentPostsPage(page, { staff: true }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/publishing/tags",
      tags,
      summary: "The most used tags of published posts (at most 100), with how many posts each",
      responses: { 200: jsonResponse(z.array(tagCountSchema), "Tags A–Z") },
    }),
    async (c) => c.json(await apiServices(c).publishingPosts.tags(c.get("caller")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/publishing/archive",
      tags,
      summary: "Published posts counted by year and month (Finnish time), newest first",
      responses: { 200: jsonResponse(z.array(archiveMonthSchema), "Months with posts") },
    }),
    async (c) => c.json(await apiServices(c).publishingPosts.archive(c.get("caller")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/publishing/posts",
      tags,
      summary: "Write a post as a draft (staff)",
      description:
        "The author is a person of the workspace (authorPersonId) or a guest author (authorName, authorOrganisation, authorTitle). Every image in the body needs its alternative text; a cover (coverFileId from POST /api/publishing/posts/covers) needs coverAlt.",
      request: { body: jsonBody(postInput) },
      responses: {
        201: jsonResponse(postSchema, "The new draft"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(
        presentPost(await apiServices(c).publishingPosts.create(c.get("caller"), c.req.valid("json")), { staff: true }),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/publishing/posts/by-slug/{slug}",
      tags,
      summary: "A post by its URL's slug (published; drafts to staff and auditors)",
      request: { params: slugParam },
      responses: { 200: jsonResponse(postSchema, "The post"), ...errorResponses("NOT_FOUND") },
    }),
    async (c) => {
      const caller = c.get("caller");
      const record = await apiServices(c).publishingPosts.getBySlug(caller, c.req.valid("param").slug);
      return c.json(presentPost(record, { staff: canReadDrafts(caller.actor) }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/publishing/posts/{id}",
      tags,
      summary: "Any post by id, drafts too (staff, auditors)",
      request: { params: idParam },
      responses: { 200: jsonResponse(postSchema, "The post"), ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) =>
      c.json(
        presentPost(await apiServices(c).publishingPosts.getById(c.get("caller"), c.req.valid("param").id), {
          staff: true,
        }),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/publishing/posts/{id}",
      tags,
      summary: "Change or correct a post (staff)",
      description:
        "The version replaced is kept (GET /api/publishing/posts/{id}/revisions). A change to a published post is a correction: correctedAt is set and the page says updated. The slug and URL never change.",
      request: { params: idParam, body: jsonBody(postPatch) },
      responses: { 200: jsonResponse(postSchema, "The post as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentPost(
          await apiServices(c).publishingPosts.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
          { staff: true },
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/publishing/posts/{id}/publish",
      tags,
      summary: "Publish now, or schedule for a time to come (staff)",
      description:
        "Without publishAt (or with a time now) the post is public at once; with a later time it is scheduled and a job publishes it then, also after a restart. A time in the past is refused (VALIDATION_FAILED naming publishAt).",
      request: { params: idParam, body: jsonBody(publishInput) },
      responses: { 200: jsonResponse(postSchema, "The post"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentPost(
          await apiServices(c).publishingPosts.publish(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
          { staff: true },
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/publishing/posts/{id}/unpublish",
      tags,
      summary: "Back to a draft: off the site, or not published at its scheduled time (staff)",
      request: { params: idParam },
      responses: { 200: jsonResponse(postSchema, "The post"), ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) =>
      c.json(
        presentPost(await apiServices(c).publishingPosts.unpublish(c.get("caller"), c.req.valid("param").id), {
          staff: true,
        }),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/publishing/posts/{id}/revisions",
      tags,
      summary: "A post's earlier versions, newest first (staff, auditors)",
      request: { params: idParam },
      responses: {
        200: jsonResponse(z.array(revisionSchema), "Earlier versions"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        (await apiServices(c).publishingPosts.revisions(c.get("caller"), c.req.valid("param").id)).map(presentRevision),
        200,
      ),
  );

  const coverSchema = z
    .object({ fileId: z.uuid(), name: z.string(), mimeType: z.string(), width: z.number(), height: z.number() })
    .openapi("PostCoverUpload");
  api.openAPIRegistry.registerPath(
    createRoute({
      method: "post",
      path: "/publishing/posts/covers",
      tags,
      summary: "Upload a cover image (staff); give its fileId as a post's coverFileId with coverAlt",
      description:
        "multipart/form-data with `file`: JPEG, PNG, WebP or GIF (written again: metadata removed), up to UPLOAD_MAX_BYTES.",
      request: {
        body: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.string().openapi({ type: "string", format: "binary" }) }),
            },
          },
        },
      },
      responses: {
        201: jsonResponse(coverSchema, "The upload"),
        ...errorResponses(
          "VALIDATION_FAILED",
          "PAYLOAD_TOO_LARGE",
          "FILE_TYPE_REFUSED",
          "UNPROCESSABLE_FILE",
          ...signedInErrors,
        ),
      },
    }),
  );
  api.post("/publishing/posts/covers", async (c) => {
    const caller = c.get("caller");
    const covers = apiServices(c).postCovers;
    // Only staff get as far as spooling a file.
    authorize(publishingPolicy, "writePosts", caller.actor);
    const { file } = await receiveForm(c.req.raw, {
      fileField: "file",
      maxFileBytes: covers.uploadMaxBytes,
      tooLarge: () => covers.tooLarge(caller.locale),
    });
    try {
      return c.json(await covers.upload(caller, file), 201);
    } finally {
      await file?.dispose();
    }
  });
}

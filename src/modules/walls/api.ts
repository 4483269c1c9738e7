import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../core/errors.ts";
import { pageSchema } from "../../core/pagination.ts";
import { issueMessage } from "../../core/validate.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../http/openapi.ts";
import type { Locale } from "../../i18n/locale.ts";
import { receiveForm } from "../files/multipart.ts";
import { wallViewer } from "./http-viewer.ts";
import {
  moderationInput,
  postEditInput,
  postInput,
  reactionInput,
  reportInput,
  wallInput,
  wallSettingsInput,
} from "./inputs.ts";
import { openedWallSchema, postSchema, postSourceSchema, viewerPostSchema, wallSchema } from "./presenters.ts";
import { postsPageInput, wallsPageInput } from "./service.ts";

const tags = ["Walls"];
const wallParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const postParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

const accessErrors = ["UNAUTHENTICATED", "JOIN_CODE_REQUIRED", "NOT_FOUND"] as const;

const uploadForm = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: "string", format: "binary", description: "The file; its type is read from its content" }),
});

/** VALIDATION_FAILED as the router's own validation gives it (http/openapi.ts). */
const invalid = (error: z.ZodError, locale: Locale) =>
  new AppError(
    "VALIDATION_FAILED",
    error.issues.map((issue) => ({ path: issue.path.join("."), message: issueMessage(issue, locale) })),
  );

const uploadSchema = z
  .object({
    fileId: z.uuid().openapi({ description: "Send as the post's attachmentFileId" }),
    kind: z.enum(["image", "file"]),
    name: z.string(),
    mimeType: z.string().openapi({ description: "Detected from the content" }),
    size: z.number().int(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
  })
  .openapi("Upload");

export function registerWallsApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/walls",
      tags,
      summary: "Create a wall (staff)",
      request: { body: jsonBody(wallInput) },
      responses: {
        201: jsonResponse(wallSchema, "The new wall"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => c.json(await c.get("platform").services.walls.create(c.get("caller"), c.req.valid("json")), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/walls",
      tags,
      summary: "Every wall (staff), newest first; the next page with ?cursor=<nextCursor>",
      request: { query: wallsPageInput },
      responses: {
        200: jsonResponse(pageSchema(wallSchema).openapi("WallPage"), "A page of walls, newest first"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => c.json(await c.get("platform").services.walls.pageWalls(c.get("caller"), c.req.valid("query")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/walls/{id}",
      tags,
      summary: "Open a wall: its settings and what this viewer may do",
      request: { params: wallParam },
      responses: { 200: jsonResponse(openedWallSchema, "The wall"), ...errorResponses(...accessErrors) },
    }),
    async (c) => c.json(await c.get("platform").services.walls.openById(wallViewer(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/walls/{id}",
      tags,
      summary: "Change a wall's settings, or close it (its moderators)",
      request: { params: wallParam, body: jsonBody(wallSettingsInput) },
      responses: {
        200: jsonResponse(wallSchema, "The wall as saved"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        await c.get("platform").services.walls.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/walls/{id}/join",
      tags,
      summary: "Give a wall's join code; this browser is then let in",
      request: { params: wallParam, body: jsonBody(z.object({ code: z.string().min(1).max(40) })) },
      responses: {
        204: { description: "The code is right" },
        ...errorResponses("VALIDATION_FAILED", "NOT_FOUND", "RATE_LIMITED"),
      },
    }),
    async (c) => {
      const { services } = c.get("platform");
      const opened = await services.walls.joinById(
        c.req.valid("param").id,
        c.req.valid("json").code,
        services.participants.hashAddress(c.get("clientIp")),
        c.get("caller").locale,
      );
      c.header("Set-Cookie", services.wallCookies.rememberJoin(c.req.header("cookie"), opened.wallId, opened.code), {
        append: true,
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/walls/{id}/posts",
      tags,
      summary:
        "The wall's posts this viewer may see, newest first (the pinned ones first), with `seq`: stream changes after it; older posts with ?cursor=<nextCursor>",
      request: { params: wallParam, query: postsPageInput },
      responses: {
        200: jsonResponse(
          z
            .object({
              posts: z.array(viewerPostSchema),
              seq: z.number().int(),
              nextCursor: z
                .string()
                .nullable()
                .openapi({ description: "Pass as ?cursor= for older posts; null at the end" }),
            })
            .openapi("PostPage"),
          "Posts",
        ),
        ...errorResponses("VALIDATION_FAILED", ...accessErrors),
      },
    }),
    async (c) =>
      c.json(
        await c
          .get("platform")
          .services.walls.readerPosts(wallViewer(c), c.req.valid("param").id, c.req.valid("query")),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/walls/{id}/posts",
      tags,
      summary: "Post on a wall (no account needed)",
      description:
        "Send a fresh idempotencyKey per post. A retry with the same key (same browser) answers 200 with the post already made, never a second post.",
      request: { params: wallParam, body: jsonBody(postInput) },
      responses: {
        201: jsonResponse(postSchema, "Posted"),
        200: jsonResponse(postSchema, "Already posted with this idempotency key"),
        ...errorResponses("VALIDATION_FAILED", "WALL_CLOSED", "RATE_LIMITED", ...accessErrors),
      },
    }),
    async (c) => {
      const { post, created } = await c
        .get("platform")
        .services.posts.create(wallViewer(c), c.req.valid("param").id, c.req.valid("json"));
      return created ? c.json(post, 201) : c.json(post, 200);
    },
  );

  // Described with the form's schema, but not validated by the router: its form validator would hold the body
  // whole several times over. The handler reads it as it streams in (files/multipart.ts), with the same errors.
  api.openAPIRegistry.registerPath(
    createRoute({
      method: "post",
      path: "/walls/{id}/uploads",
      tags,
      summary: "Upload a file to attach to a post on this wall (no account needed)",
      description:
        "Images (JPEG, PNG, WebP, GIF) are turned upright, fitted within 1600×1600 and stored without any metadata (EXIF, GPS); an image post needs attachmentAlt. An image may have at most 50 megapixels; an animation at most 200 frames and 16 megapixels over all its frames (422 UNPROCESSABLE_FILE). Files: PDF, docx, xlsx, pptx, odt, ods, odp (else 415 FILE_TYPE_REFUSED), up to UPLOAD_MAX_BYTES (413), always served as downloads. The type is read from the content, never from the name. Only the same browser can attach the upload, once, to a post on this wall.",
      request: {
        params: wallParam,
        body: { required: true, content: { "multipart/form-data": { schema: uploadForm } } },
      },
      responses: {
        201: jsonResponse(uploadSchema, "Stored, not attached yet"),
        ...errorResponses(
          "VALIDATION_FAILED",
          "PAYLOAD_TOO_LARGE",
          "FILE_TYPE_REFUSED",
          "UNPROCESSABLE_FILE",
          "WALL_CLOSED",
          "RATE_LIMITED",
          ...accessErrors,
        ),
      },
    }),
  );
  api.post("/walls/:id/uploads", async (c) => {
    const viewer = wallViewer(c);
    const param = wallParam.safeParse({ id: c.req.param("id") });
    if (!param.success) throw invalid(param.error, viewer.locale);
    const { attachments } = c.get("platform").services;
    const { file } = await receiveForm(c.req.raw, {
      fileField: "file",
      maxFileBytes: attachments.uploadMaxBytes,
      tooLarge: () => attachments.tooLarge(viewer.locale),
    });
    // No file part: the form schema's own refusal, naming the field.
    const missing = uploadForm.safeParse({});
    if (!file) throw missing.success ? new AppError("VALIDATION_FAILED") : invalid(missing.error, viewer.locale);
    try {
      return c.json(await attachments.upload(viewer, param.data.id, file), 201);
    } finally {
      await file.dispose();
    }
  });

  api.openapi(
    createRoute({
      method: "patch",
      path: "/posts/{id}",
      tags,
      summary: "Edit a post: its writer (same browser) or a moderator",
      request: { params: postParam, body: jsonBody(postEditInput) },
      responses: {
        200: jsonResponse(postSchema, "The post as saved"),
        ...errorResponses("VALIDATION_FAILED", "FORBIDDEN", "WALL_CLOSED", ...accessErrors),
      },
    }),
    async (c) =>
      c.json(
        await c.get("platform").services.posts.edit(wallViewer(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/posts/{id}/source",
      tags,
      summary: "A post's Markdown source, for its editor: its writer (same browser) or a moderator",
      description:
        "The lists and the live stream carry a post's rendered `html` only; the editor asks for what was typed here.",
      request: { params: postParam },
      responses: {
        200: jsonResponse(postSourceSchema, "The post as typed"),
        ...errorResponses("FORBIDDEN", ...accessErrors),
      },
    }),
    async (c) => c.json(await c.get("platform").services.posts.source(wallViewer(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/posts/{id}",
      tags,
      summary: "Delete a post: its writer (same browser) or a moderator",
      request: { params: postParam },
      responses: { 204: { description: "Deleted" }, ...errorResponses("FORBIDDEN", "WALL_CLOSED", ...accessErrors) },
    }),
    async (c) => {
      await c.get("platform").services.posts.remove(wallViewer(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/posts/{id}/reactions",
      tags,
      summary: "Like a post or upvote a question (on: false takes it back); once per participant",
      request: { params: postParam, body: jsonBody(reactionInput) },
      responses: {
        200: jsonResponse(z.object({ likes: z.number().int(), votes: z.number().int() }), "The post's counts now"),
        ...errorResponses("VALIDATION_FAILED", "RATE_LIMITED", "WALL_CLOSED", ...accessErrors),
      },
    }),
    async (c) =>
      c.json(
        await c.get("platform").services.posts.react(wallViewer(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/posts/{id}/reports",
      tags,
      summary: "Report a post to the wall's moderators",
      request: { params: postParam, body: jsonBody(reportInput) },
      responses: {
        204: { description: "Reported" },
        ...errorResponses("VALIDATION_FAILED", "WALL_CLOSED", ...accessErrors),
      },
    }),
    async (c) => {
      await c.get("platform").services.posts.report(wallViewer(c), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/posts/{id}/moderation",
      tags,
      summary: "Approve, hide, delete, pin or move a post (the wall's moderators)",
      request: { params: postParam, body: jsonBody(moderationInput) },
      responses: {
        200: jsonResponse(postSchema.nullable(), "The post now (null when deleted)"),
        ...errorResponses("VALIDATION_FAILED", "FORBIDDEN", "WALL_CLOSED", ...accessErrors),
      },
    }),
    async (c) =>
      c.json(
        await c.get("platform").services.posts.moderate(wallViewer(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  api.openAPIRegistry.registerPath({
    method: "get",
    path: "/walls/{id}/events",
    tags,
    summary: "The wall's live changes as server-sent events",
    description:
      "Each event is `event: change` with `id:` the wall's sequence number and `data:` one of {type:'post', post} (a LivePost: its rendered html, no Markdown source; the editor reads GET /posts/{id}/source), {type:'post.removed', id}, {type:'reactions', id, likes, votes}, {type:'wall', wall}. Reconnect with Last-Event-ID (or ?lastEventId=; the header wins when both are given) to receive every missed change once, in order. Either value must be a decimal integer of digits only; anything else (empty, sign, decimals, exponent, hex, spaces, repeated) is 400 VALIDATION_FAILED naming the field, before the stream starts. A value above the wall's newest seq gets `event: reset` with `id:` the newest seq and `data:` {type:'reset', seq, wall}: re-read the posts, then changes continue live after that seq.",
    request: { params: wallParam },
    responses: {
      200: { description: "An endless text/event-stream", content: { "text/event-stream": { schema: z.string() } } },
      ...errorResponses("VALIDATION_FAILED", ...accessErrors),
    },
  });
}

import { z } from "@hono/zod-openapi";
import { type DownloadDocs, downloadResponse } from "../../http/openapi.ts";

const token = z
  .string()
  .min(16)
  .max(200)
  .openapi({
    param: { name: "token", in: "query" },
    description: "The subscriber's unsubscribe token, as in the List-Unsubscribe URL of every newsletter mail",
  });

/**
 * The unsubscribe page's address in the OpenAPI document: every newsletter mail's List-Unsubscribe URL, which a mail
 * program POSTs to for RFC 8058 one-click (no Origin, no cookie: the signed token in the URL is what authorises it).
 * React Router serves the page (app/routes/newsletter-unsubscribe.tsx); the JSON equivalent is
 * POST /api/newsletter/unsubscriptions.
 */
export function describeNewsletterRoutes(docs: DownloadDocs) {
  const page = (description: string) => downloadResponse("text/html", description);
  docs.registerPath({
    method: "get",
    path: "/newsletter/unsubscribe",
    tags: ["Newsletter"],
    summary: "The unsubscribe page of a mail's link: it asks (a link preview must not unsubscribe anyone)",
    request: { query: z.object({ token: token.optional() }) },
    responses: { 200: page("The page with its button") },
  });
  docs.registerPath({
    method: "post",
    path: "/newsletter/unsubscribe",
    tags: ["Newsletter"],
    summary: "Unsubscribe: the page's button, and a mail program's RFC 8058 one-click (List-Unsubscribe-Post)",
    description:
      "The token comes in the query (one-click: the List-Unsubscribe URL as it is) or as the form's `token` field. " +
      "No sign-in, cookie or Origin is needed. The address is deleted and only its keyed hash kept; a second POST " +
      "of the same token answers the same. A forged or malformed token is refused with 400 and changes nothing.",
    request: {
      query: z.object({ token: token.optional() }),
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: z.object({
              "List-Unsubscribe": z
                .literal("One-Click")
                .optional()
                .openapi({ description: "What a mail program sends (RFC 8058)" }),
              token: z.string().optional().openapi({ description: "The page's form sends the token here" }),
            }),
          },
          "multipart/form-data": {
            schema: z.object({ "List-Unsubscribe": z.literal("One-Click").optional(), token: z.string().optional() }),
          },
        },
      },
    },
    responses: {
      200: page("Unsubscribed (also when the address had already gone)"),
      400: page("VALIDATION_FAILED: the link is not valid; nothing changed"),
    },
  });
}

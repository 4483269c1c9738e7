import { createRoute } from "@hono/zod-openapi";
import { apiServices, signedInErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { dueRemindersPageSchema, presentDueRemindersPage } from "../presenters.ts";
import { dueRemindersPageInput } from "../reminders.ts";
import { tags } from "./folders.ts";

/** One's own due contract reminders (the in-app list beside the e-mails). */
export function registerReminderRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/reminders/due",
      tags,
      summary: "The caller's contract reminders that have gone out and whose date has not passed, newest first",
      description:
        "As a contract's responsible person or deputy. A reminder is recorded once when it is due (every 15 minutes, and at once when a change makes one due today) and mailed in the same transaction.",
      request: { query: dueRemindersPageInput },
      responses: {
        200: jsonResponse(dueRemindersPageSchema, "A page of reminders"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(
        presentDueRemindersPage(await apiServices(c).contractReminders.listDue(c.get("caller"), c.req.valid("query"))),
        200,
      ),
  );
}

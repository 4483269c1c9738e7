import { createRoute } from "@hono/zod-openapi";
import { apiServices, signedInErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { presentTimeline, timelineSchema } from "../presenters.ts";

const tags = ["Programme timeline"];

/** The programme timeline. */
export function registerTimelineRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/timeline",
      tags,
      summary: "The programme timeline: phases, milestones and the deadlines this caller may see, in date order",
      responses: { 200: jsonResponse(timelineSchema, "The timeline"), ...errorResponses(...signedInErrors) },
    }),
    async (c) => c.json(presentTimeline(await apiServices(c).timeline.get(c.get("caller"))), 200),
  );
}

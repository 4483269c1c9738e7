import { createRoute, z } from "@hono/zod-openapi";
import { type ApiRouter, errorResponses, jsonResponse } from "../http/openapi.ts";
import { jobLists, jobsPageInput } from "./list.ts";
import { jobPageSchema, jobsOverviewSchema, presentJobPage, presentJobsOverview } from "./presenters.ts";

const tags = ["Jobs"];
const listParam = z.object({ list: z.enum(jobLists).openapi({ param: { name: "list", in: "path" } }) });

export function registerJobsApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/jobs",
      tags,
      summary:
        "Background jobs (admin): counts per state, the first page of the queued, running and failed jobs with their errors",
      request: { query: jobsPageInput.omit({ cursor: true }) },
      responses: {
        200: jsonResponse(jobsOverviewSchema, "Jobs"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const overview = await c.get("platform").services.jobs.overview(c.get("caller"), c.req.valid("query"));
      return c.json(presentJobsOverview(overview), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/jobs/{list}",
      tags,
      summary: "One list of background jobs (admin), a page at a time; the next page with ?cursor=<nextCursor>",
      request: { params: listParam, query: jobsPageInput },
      responses: {
        200: jsonResponse(jobPageSchema, "A page of jobs: queued next first, running and failed latest first"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const page = await c
        .get("platform")
        .services.jobs.page(c.get("caller"), c.req.valid("param").list, c.req.valid("query"));
      return c.json(presentJobPage(page), 200);
    },
  );
}

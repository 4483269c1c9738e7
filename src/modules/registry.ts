import type { Hono } from "hono";
import type { AppEnv } from "../http/context.ts";
import type { ApiRouter, DownloadDocs } from "../http/openapi.ts";
import { registerJobsApi } from "../jobs/api.ts";
import { registerAccountsApi } from "./accounts/api.ts";
import { registerAuditApi } from "./audit/api.ts";
import { registerDeliverablesApi } from "./deliverables/api/index.ts";
import { describeDeliverableOutputs, registerDeliverableOutputs } from "./deliverables/http.ts";
import { registerEventsApi } from "./events/api.ts";
import { registerEventCalendars } from "./events/calendar-http.ts";
import { describeFileRoute, registerFileRoute } from "./files/http.ts";
import { registerGroupsApi } from "./groups/api/index.ts";
import { registerPeopleApi } from "./people/api.ts";
import { registerProgrammeApi } from "./programme/api/index.ts";
import { registerTemplatesApi } from "./templates/api/index.ts";
import { registerWallsApi } from "./walls/api.ts";
import { describeWallOutputs, registerWallOutputs } from "./walls/outputs/http.ts";

/** What a module adds to the HTTP surface; src/http/app.ts mounts every entry of `moduleRoutes`. */
export interface ModuleRoutes {
  name: string;
  /** Its JSON API under /api (OpenAPI routes). */
  api?: (api: ApiRouter) => void;
  /** Its routes outside /api: downloads, files, calendars. */
  routes?: (app: Hono<AppEnv>) => void;
  /** Those routes in the OpenAPI document, at their own URLs. */
  downloads?: (docs: DownloadDocs) => void;
}

/**
 * The modules' HTTP parts, listed once, in mounting order. Order matters where paths share a prefix: templates,
 * programme and deliverables have fixed paths under /api/groups and come before groups' /groups/{id}.
 */
export const moduleRoutes: readonly ModuleRoutes[] = [
  { name: "accounts", api: registerAccountsApi },
  { name: "people", api: registerPeopleApi },
  { name: "audit", api: registerAuditApi },
  { name: "jobs", api: registerJobsApi },
  { name: "files", routes: registerFileRoute, downloads: describeFileRoute },
  { name: "walls", api: registerWallsApi, routes: registerWallOutputs, downloads: describeWallOutputs },
  { name: "templates", api: registerTemplatesApi },
  { name: "programme", api: registerProgrammeApi },
  {
    name: "deliverables",
    api: registerDeliverablesApi,
    routes: registerDeliverableOutputs,
    downloads: describeDeliverableOutputs,
  },
  { name: "groups", api: registerGroupsApi },
  { name: "events", api: registerEventsApi, routes: registerEventCalendars },
];

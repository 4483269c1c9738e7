import type { ApiRouter } from "../../../http/openapi.ts";
import { registerIssueRoutes } from "./issues.ts";
import { registerSubscriberRoutes } from "./subscribers.ts";

/** The newsletter under /api/newsletter: subscriptions, links, subscribers (admin), issues and the archive. */
export function registerNewsletterApi(api: ApiRouter) {
  registerSubscriberRoutes(api);
  registerIssueRoutes(api);
}

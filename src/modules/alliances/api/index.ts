import type { ApiRouter } from "../../../http/openapi.ts";
import { registerAllianceRoutes } from "./alliances.ts";
import { registerAttachmentRoutes } from "./attachments.ts";
import { registerBookRoutes } from "./books.ts";
import { registerDecisionRoutes } from "./decisions.ts";
import { registerGateRoutes } from "./gates.ts";
import { registerInvoiceRoutes } from "./invoices.ts";
import { registerSettlementRoutes } from "./settlements.ts";

/**
 * Alliances under /api/alliances: alliances, parties, members, contributions, the open books (budget, costs and
 * their import), incentive model versions, settlements, the decision log and its phase gates, attachments of cost
 * entries and decisions, and invoices.
 */
export function registerAlliancesApi(api: ApiRouter) {
  registerAllianceRoutes(api);
  registerBookRoutes(api);
  registerSettlementRoutes(api);
  registerDecisionRoutes(api);
  registerAttachmentRoutes(api);
  registerGateRoutes(api);
  registerInvoiceRoutes(api);
}

import type { ApiRouter } from "../../../http/openapi.ts";
import { registerAllianceRoutes } from "./alliances.ts";
import { registerBookRoutes } from "./books.ts";
import { registerDecisionRoutes } from "./decisions.ts";
import { registerInvoiceRoutes } from "./invoices.ts";
import { registerSettlementRoutes } from "./settlements.ts";

/**
 * Alliances under /api/alliances: alliances, parties, members, contributions, the open books (budget, costs and
 * their import), incentive model versions, settlements, the decision log and invoices.
 */
export function registerAlliancesApi(api: ApiRouter) {
  registerAllianceRoutes(api);
  registerBookRoutes(api);
  registerSettlementRoutes(api);
  registerDecisionRoutes(api);
  registerInvoiceRoutes(api);
}

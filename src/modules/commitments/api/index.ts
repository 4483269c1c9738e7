import type { ApiRouter } from "../../../http/openapi.ts";
import { registerContractRoutes } from "./contracts.ts";
import { registerDocumentRoutes } from "./documents.ts";
import { registerFolderRoutes } from "./folders.ts";
import { registerGrantRoutes } from "./grants.ts";
import { registerPartyRoutes } from "./parties.ts";
import { registerRampdownRoutes } from "./rampdown.ts";
import { registerReminderRoutes } from "./reminders.ts";
import { registerSecondmentRoutes } from "./secondments.ts";

/**
 * The contract register under /api/commitments: folders, contracts, parties, documents (upload, versions; the
 * files themselves at /commitments/files/{versionId}/{name}), reminder settings and one's due reminders.
 */
export function registerCommitmentsApi(api: ApiRouter) {
  registerFolderRoutes(api);
  registerReminderRoutes(api);
  registerPartyRoutes(api);
  registerDocumentRoutes(api);
  registerContractRoutes(api);
  registerSecondmentRoutes(api);
  registerGrantRoutes(api);
  registerRampdownRoutes(api);
}

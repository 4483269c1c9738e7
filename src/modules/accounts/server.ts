import { defineModuleServer } from "../module.ts";
import { registerAccountsApi } from "./api.ts";
import { createInvitationService } from "./invitations.ts";
import { createSessionService } from "./sessions.ts";

export default defineModuleServer({
  services: ({ db, auth, config, outbox, writes }) => ({
    sessions: createSessionService(auth, config),
    invitations: createInvitationService({ db, outbox, config, writes }),
  }),
  api: registerAccountsApi,
});

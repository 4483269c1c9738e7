import { defineModuleServer } from "../module.ts";
import type { WallService } from "../walls/service.ts";
import { registerGroupsApi } from "./api/index.ts";
import { createGroupService } from "./service.ts";
import { groupWallRole } from "./wall-access.ts";

export default defineModuleServer({
  services: ({ db, writes, need }) => ({
    groups: createGroupService({ db, walls: need<WallService>("walls"), writes }),
    // Who leads and who takes part in a group's wall (the walls module asks: walls/server.ts wallOwnerRoleService).
    wallOwnerRole: groupWallRole(db),
  }),
  api: registerGroupsApi,
});

import { defineModule } from "../module.ts";

/** Stored files (wall attachments today): the store, type checks, image clean-up, downloads. */
export default defineModule({
  name: "files",
  server: () => import("./server.ts"),
});

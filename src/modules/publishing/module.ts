import { defineModule } from "../module.ts";
import { publishingEn, publishingFi, publishingSv } from "./messages.ts";

/** Publishing (issue 10): posts by named authors, the front page, search, feeds and the newsletter. */
export default defineModule({
  name: "publishing",
  messages: { fi: publishingFi, sv: publishingSv, en: publishingEn },
  server: () => import("./server.ts"),
});

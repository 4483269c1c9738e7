import { defineModule } from "../module.ts";
import { strategyEn, strategyFi, strategySv } from "./messages.ts";

/** The regional strategy: goals in the act's six categories, follow-up indicators with targets and measured series. */
export default defineModule({
  name: "strategy",
  messages: { fi: strategyFi, sv: strategySv, en: strategyEn },
  server: () => import("./server.ts"),
});

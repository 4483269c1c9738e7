import { defineModule } from "../module.ts";
import { strategyEn, strategyFi, strategySv } from "./messages.ts";

/** The regional strategy: goals in the act's six categories, follow-up indicators with targets and measured series. */
export default defineModule({
  name: "strategy",
  messages: { fi: strategyFi, sv: strategySv, en: strategyEn },
  pages: [
    { path: "strategies", file: "routes/strategies.tsx" },
    { path: "strategies/:id", file: "routes/strategy.tsx" },
    { path: "strategies/:id/edit", file: "routes/strategy-edit.tsx" },
    { path: "strategies/:id/goals/:goalId", file: "routes/strategy-goal.tsx" },
    { path: "strategies/:id/consultation", file: "routes/strategy-consultation.tsx" },
  ],
  navigation: [{ to: "/strategies", label: "strategy.nav", roles: ["anyone"], order: 25 }],
  server: () => import("./server.ts"),
});

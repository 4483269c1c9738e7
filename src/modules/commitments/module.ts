import { defineModule } from "../module.ts";
import { commitmentsEn, commitmentsFi, commitmentsSv } from "./messages.ts";
import { planEn, planFi, planSv } from "./messages-plan.ts";

/**
 * Commitments (issue 12): the contract register with notice deadlines and reminders, secondments, grants and
 * their cost entries, the ramp-down plan; the final report, import/export and the archive come later.
 */
export default defineModule({
  name: "commitments",
  messages: {
    fi: { ...commitmentsFi, ...planFi },
    sv: { ...commitmentsSv, ...planSv },
    en: { ...commitmentsEn, ...planEn },
  },
  pages: [
    { path: "commitments", file: "routes/commitments.tsx" },
    { path: "commitments/contracts/:id", file: "routes/commitments-contract.tsx" },
    { path: "commitments/secondments", file: "routes/commitments-secondments.tsx" },
  ],
  server: () => import("./server.ts"),
});

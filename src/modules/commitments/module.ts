import { defineModule } from "../module.ts";
import { commitmentsEn, commitmentsFi, commitmentsSv } from "./messages.ts";
import { editEn, editFi, editSv } from "./messages-edit.ts";
import { pagesEn, pagesFi, pagesSv } from "./messages-pages.ts";
import { planEn, planFi, planSv } from "./messages-plan.ts";

/**
 * Commitments (issue 12): the contract register with notice deadlines and reminders, secondments, grants and
 * their cost entries, the ramp-down plan; the final report, import/export and the archive come later.
 */
export default defineModule({
  name: "commitments",
  messages: {
    fi: { ...commitmentsFi, ...planFi, ...pagesFi, ...editFi },
    sv: { ...commitmentsSv, ...planSv, ...pagesSv, ...editSv },
    en: { ...commitmentsEn, ...planEn, ...pagesEn, ...editEn },
  },
  pages: [
    { path: "commitments", file: "routes/commitments.tsx" },
    { path: "commitments/contracts/new", file: "routes/commitments-contract-new.tsx" },
    { path: "commitments/import", file: "routes/commitments-import.tsx" },
    { path: "commitments/contracts/:id", file: "routes/commitments-contract.tsx" },
    { path: "commitments/contracts/:id/edit", file: "routes/commitments-contract-edit.tsx" },
    { path: "commitments/secondments", file: "routes/commitments-secondments.tsx" },
    { path: "commitments/secondments/new", file: "routes/commitments-secondment-new.tsx" },
    { path: "commitments/secondments/:id/edit", file: "routes/commitments-secondment-edit.tsx" },
    { path: "commitments/grants", file: "routes/commitments-grants.tsx" },
    { path: "commitments/grants/:id", file: "routes/commitments-grant.tsx" },
    { path: "commitments/grants/:id/edit", file: "routes/commitments-grant-edit.tsx" },
    { path: "commitments/costs/:id/edit", file: "routes/commitments-cost-edit.tsx" },
    { path: "commitments/rampdown", file: "routes/commitments-rampdown.tsx" },
    { path: "commitments/rampdown/decisions/:id/edit", file: "routes/commitments-decision-edit.tsx" },
  ],
  // Members read their organisation's contracts in the register; staff and auditors the whole module.
  navigation: [
    { to: "/commitments", label: "commitments.nav", roles: ["admin", "staff", "auditor", "member"], order: 45 },
  ],
  server: () => import("./server.ts"),
});

import { defineModule } from "../module.ts";
import { commitmentsEn, commitmentsFi, commitmentsSv } from "./messages.ts";

/**
 * Commitments (issue 12): the contract register with notice deadlines and reminders (this first part); secondments,
 * grants, the ramp-down plan, the final report, import/export and the archive come later. Pages come later too.
 */
export default defineModule({
  name: "commitments",
  messages: { fi: commitmentsFi, sv: commitmentsSv, en: commitmentsEn },
  server: () => import("./server.ts"),
});

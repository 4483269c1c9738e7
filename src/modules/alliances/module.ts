import { defineModule } from "../module.ts";
import { alliancesEn, alliancesFi, alliancesSv } from "./messages.ts";

/**
 * Alliances (issue 11): parties, contributions, open books, the incentive model with its settlement, the board's
 * decision log and invoices. The incentive engine (incentive/) is pure; the rest builds on it.
 */
export default defineModule({
  name: "alliances",
  messages: { fi: alliancesFi, sv: alliancesSv, en: alliancesEn },
  pages: [
    { path: "alliances", file: "routes/alliances.tsx" },
    { path: "alliances/:id", file: "routes/alliance.tsx" },
    { path: "alliances/:id/decisions", file: "routes/alliance-decisions.tsx" },
    { path: "alliances/settlements/:id", file: "routes/alliance-settlement.tsx" },
    { path: "alliances/:id/invoices", file: "routes/alliance-invoices.tsx" },
    { path: "alliances/:id/model", file: "routes/alliance-model.tsx" },
  ],
  navigation: [{ to: "/alliances", label: "alliances.nav", roles: ["admin", "staff", "member", "auditor"], order: 35 }],
  server: () => import("./server.ts"),
});

import { defineModuleServer } from "../module.ts";
import { registerAlliancesApi } from "./api/index.ts";
import { createBooksService } from "./books.ts";
import { createChartDataService } from "./chart-data.ts";
import { createDecisionService } from "./decisions.ts";
import { describeAllianceDownloads, registerAllianceDownloads } from "./export/http.ts";
import { createCostImportService } from "./import.ts";
import { createInvoiceService } from "./invoices.ts";
import { createAllianceService } from "./service.ts";
import { createSettlementService } from "./settlements.ts";

export default defineModuleServer({
  services: ({ db, writes }) => {
    const allianceBooks = createBooksService({ db, writes });
    return {
      alliances: createAllianceService({ db, writes }),
      allianceBooks,
      allianceCharts: createChartDataService({ db, books: allianceBooks }),
      allianceImports: createCostImportService({ db, writes }),
      allianceSettlements: createSettlementService({ db, writes }),
      allianceDecisions: createDecisionService({ db, writes }),
      allianceInvoices: createInvoiceService({ db, writes }),
    };
  },
  api: registerAlliancesApi,
  routes: registerAllianceDownloads,
  downloads: describeAllianceDownloads,
});

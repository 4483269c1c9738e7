import type { FileStore } from "../files/store.ts";
import { defineModuleServer } from "../module.ts";
import { registerAlliancesApi } from "./api/index.ts";
import { createAttachmentService } from "./attachments.ts";
import { describeAttachmentFiles, registerAttachmentFiles } from "./attachments-http.ts";
import { createBooksService } from "./books.ts";
import { createChartDataService } from "./chart-data.ts";
import { createDecisionService } from "./decisions.ts";
import { describeAllianceDownloads, registerAllianceDownloads } from "./export/http.ts";
import { createGateService } from "./gates.ts";
import { createCostImportService } from "./import.ts";
import { createInvoiceService } from "./invoices.ts";
import { createAllianceService } from "./service.ts";
import { createSettlementService } from "./settlements.ts";

export default defineModuleServer({
  services: ({ db, writes, need, config }) => {
    const allianceBooks = createBooksService({ db, writes });
    const allianceAttachments = createAttachmentService({
      db,
      writes,
      files: need<FileStore>("files"),
      uploadMaxBytes: config.uploadMaxBytes,
    });
    return {
      alliances: createAllianceService({ db, writes }),
      allianceBooks,
      allianceCharts: createChartDataService({ db, books: allianceBooks }),
      allianceImports: createCostImportService({ db, writes }),
      allianceSettlements: createSettlementService({ db, writes }),
      allianceDecisions: createDecisionService({ db, writes, attachments: allianceAttachments }),
      allianceAttachments,
      allianceGates: createGateService({ db, writes }),
      allianceInvoices: createInvoiceService({ db, writes }),
    };
  },
  api: registerAlliancesApi,
  routes: (app) => {
    registerAttachmentFiles(app);
    registerAllianceDownloads(app);
  },
  downloads: (docs) => {
    describeAttachmentFiles(docs);
    describeAllianceDownloads(docs);
  },
});

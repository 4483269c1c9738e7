import type { Caller } from "../../core/caller.ts";
import { helsinkiDate, type PlainDate } from "../../core/dates.ts";
import type { Page } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import type { DeliverableSummary } from "../deliverables/of-group.ts";
import type { EventListItem } from "../events/presenters.ts";
import type { EventService } from "../events/service.ts";
import type { GroupService, GroupSummary } from "../groups/service.ts";
import type { GrantService, GrantView } from "./grants.ts";
import { commitmentsPolicy } from "./policy.ts";
import type { ChecklistRow, DecisionView, RampdownService } from "./rampdown.ts";
import type { MonthlyReturns, SecondmentTotals } from "./secondment-totals.ts";
import type { SecondmentService } from "./secondments.ts";

/**
 * The final report (issue 12 point 7), compiled from the platform's own records: the working groups and their
 * deliverables, the events and their published summaries, the ramp-down plan's decisions and checklist, the staff
 * returns, the grants' use. Other modules are read only through their services, as the caller may see them (so
 * the report holds nothing its reader could not open in the app).
 */
export interface FinalReport {
  compiledOn: PlainDate;
  groups: { group: GroupSummary; deliverables: DeliverableSummary[] }[];
  events: EventListItem[];
  decisions: DecisionView[];
  checklist: ChecklistRow[];
  staff: { totals: SecondmentTotals; returns: MonthlyReturns[] };
  grants: GrantView[];
}

/** Every page of a keyset list (each service bounds its own page size). */
async function everyPage<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export interface FinalReportDeps {
  groups: GroupService;
  events: EventService;
  secondments: SecondmentService;
  grants: GrantService;
  rampdown: RampdownService;
  /** Today in Finland; tests fix it. */
  today?: () => PlainDate;
}

export function createFinalReportService({
  groups,
  events,
  secondments,
  grants,
  rampdown,
  today = () => helsinkiDate(),
}: FinalReportDeps) {
  return {
    /** The report's records; those who read the ramp-down plan (staff, admins, auditors) may compile it. */
    async compile(caller: Caller): Promise<FinalReport> {
      authorize(commitmentsPolicy, "readRampdown", caller.actor);
      const groupList = await everyPage((cursor) => groups.list(caller, { cursor, limit: 200 }));
      const withDeliverables = [];
      for (const group of groupList)
        withDeliverables.push({ group, deliverables: (await groups.getById(caller, group.id)).deliverables });
      return {
        compiledOn: today(),
        groups: withDeliverables,
        events: await everyPage((cursor) => events.list(caller, { when: "all", cursor, limit: 200 })),
        decisions: await rampdown.listDecisions(caller),
        checklist: await rampdown.checklist(caller),
        staff: { totals: await secondments.totals(caller), returns: await secondments.returnSchedule(caller) },
        grants: await grants.list(caller),
      };
    },
  };
}

export type FinalReportService = ReturnType<typeof createFinalReportService>;

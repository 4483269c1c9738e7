import type { ReactNode } from "react";
import type { MessageKey } from "../../src/i18n/translate.ts";
import { jobLists } from "../../src/jobs/list.ts";
import { presentJobPage } from "../../src/jobs/presenters.ts";
import { type T, useI18n } from "../ui/i18n.ts";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.jobs";

type ListKey = "queued" | "running" | "failed";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  const query = new URL(request.url).searchParams;
  // `?list=failed&cursor=…` pages one list; the others show their first page.
  const list = jobLists.find((name) => name === query.get("list")) ?? null;
  const cursor = list ? readCursor(query) : undefined;
  // Presenter output only: a job's data (a queued e-mail's link has a token in it) never leaves the server.
  return load(async () => {
    const overview = await services.jobs.overview(caller);
    const pages = { queued: overview.queued, running: overview.running, failed: overview.failed };
    if (list && cursor) pages[list] = await services.jobs.page(caller, list, { cursor });
    return {
      counts: overview.counts,
      lists: {
        queued: presentJobPage(pages.queued),
        running: presentJobPage(pages.running),
        failed: presentJobPage(pages.failed),
      },
      pagedList: cursor ? list : null,
    };
  });
}

type Job = Route.ComponentProps["loaderData"]["lists"]["queued"]["items"][number];
type Column = "name" | "attempts" | "created" | "runAfter" | "started" | "finished" | "error";

const sections = [
  { key: "queued", caption: "jobs.queued.caption", columns: ["name", "attempts", "created", "runAfter", "error"] },
  { key: "running", caption: "jobs.running.caption", columns: ["name", "attempts", "created", "started"] },
  { key: "failed", caption: "jobs.failed.caption", columns: ["name", "attempts", "created", "finished", "error"] },
] as const satisfies readonly { key: ListKey; caption: MessageKey; columns: readonly Column[] }[];

const columnLabel: Record<Column, MessageKey> = {
  name: "jobs.name",
  attempts: "jobs.attempts",
  created: "jobs.created",
  runAfter: "jobs.runAfter",
  started: "jobs.started",
  finished: "jobs.finished",
  error: "jobs.error",
};

const states = ["queued", "running", "failed", "completed"] as const;

export default function Jobs({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { counts, lists, pagedList } = loaderData;
  const when = (value: string | null) => (value ? <time dateTime={value}>{dateTime(new Date(value))}</time> : "–");
  const cell: Record<Column, (job: Job) => ReactNode> = {
    name: (job) => jobName(t, job.name),
    attempts: (job) => t("jobs.attemptsOf", { attempts: job.attempts, max: job.retryLimit + 1 }),
    created: (job) => when(job.createdAt),
    runAfter: (job) => when(job.runAfter),
    started: (job) => when(job.startedAt),
    finished: (job) => when(job.finishedAt),
    error: (job) => job.error ?? "–",
  };
  const countColumns: DataTableColumn<(typeof states)[number]>[] = [
    { key: "state", header: t("jobs.state"), cell: (state) => t(`jobs.state.${state}`) },
    { key: "count", header: t("jobs.count"), cell: (state) => counts[state], align: "end" },
  ];
  return (
    <div className="stack">
      <title>{`${t("jobs.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("jobs.lead")}>{t("jobs.title")}</PageTitle>
      <DataTable
        caption={t("jobs.counts.caption")}
        columns={countColumns}
        rows={states}
        rowKey={(state) => state}
        rowHeader
        emptyText={t("jobs.none")}
      />
      {sections.map((section) => {
        const page = lists[section.key];
        const columns: DataTableColumn<Job>[] = section.columns.map((column) => ({
          key: column,
          header: t(columnLabel[column]),
          cell: cell[column],
        }));
        return (
          <section key={section.key} aria-labelledby={`jobs-${section.key}`} className="stack">
            <Heading level={2} id={`jobs-${section.key}`}>
              {t(`jobs.state.${section.key}`)}
            </Heading>
            {pagedList === section.key && (
              <p>
                <a href={pageHref("", undefined)}>{t("pagination.first")}</a>
              </p>
            )}
            <DataTable
              caption={t(section.caption)}
              columns={columns}
              rows={page.items}
              rowKey={(job) => job.id}
              emptyText={t("jobs.none")}
              nextPageHref={page.nextCursor ? pageHref(`?list=${section.key}`, page.nextCursor) : undefined}
            />
          </section>
        );
      })}
    </div>
  );
}

/** A job's name in the reader's language where there is one (`jobs.names.<name>`), else the name itself as code. */
function jobName(t: T, name: string) {
  const key = `jobs.names.${name}` as MessageKey;
  const label = t(key);
  return label === key ? <code>{name}</code> : label;
}

import { Heading, Paragraph } from "suomifi-ui-components";
import type { MessageKey } from "../../src/i18n/translate.ts";
import type { JobView } from "../../src/jobs/queue.ts";
import { type T, useI18n } from "../ui/i18n.ts";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.jobs";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  // The overview never holds a job's data (a queued e-mail's link has a token in it).
  return load(() => services.jobs.overview(caller));
}

type Column = "name" | "attempts" | "created" | "runAfter" | "started" | "finished" | "error";

const sections = [
  { key: "queued", caption: "jobs.queued.caption", columns: ["name", "attempts", "created", "runAfter", "error"] },
  { key: "running", caption: "jobs.running.caption", columns: ["name", "attempts", "created", "started"] },
  { key: "failed", caption: "jobs.failed.caption", columns: ["name", "attempts", "created", "finished", "error"] },
] as const satisfies readonly { key: string; caption: MessageKey; columns: readonly Column[] }[];

const columnLabel: Record<Column, MessageKey> = {
  name: "jobs.name",
  attempts: "jobs.attempts",
  created: "jobs.created",
  runAfter: "jobs.runAfter",
  started: "jobs.started",
  finished: "jobs.finished",
  error: "jobs.error",
};

export default function Jobs({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { counts } = loaderData;
  const when = (value: Date | string | null) =>
    value ? <time dateTime={new Date(value).toISOString()}>{dateTime(new Date(value))}</time> : "–";
  const cell = (job: JobView, column: Column) => {
    switch (column) {
      case "name":
        return jobName(t, job.name);
      case "attempts":
        return t("jobs.attemptsOf", { attempts: job.attempts, max: job.retryLimit + 1 });
      case "created":
        return when(job.createdAt);
      case "runAfter":
        return when(job.runAfter);
      case "started":
        return when(job.startedAt);
      case "finished":
        return when(job.finishedAt);
      case "error":
        return job.error ?? "–";
    }
  };
  return (
    <div className="stack">
      <title>{`${t("jobs.title")} – ${t("app.name")}`}</title>
      <Heading variant="h1">{t("jobs.title")}</Heading>
      <Paragraph className="lead">{t("jobs.lead")}</Paragraph>
      <div className="table-wrap">
        <table className="data">
          <caption>{t("jobs.counts.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("jobs.state")}</th>
              <th scope="col">{t("jobs.count")}</th>
            </tr>
          </thead>
          <tbody>
            {(["queued", "running", "failed", "completed"] as const).map((state) => (
              <tr key={state}>
                <th scope="row">{t(`jobs.state.${state}`)}</th>
                <td>{counts[state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sections.map((section) => {
        const jobs = loaderData[section.key] as JobView[];
        return (
          <section key={section.key} aria-labelledby={`jobs-${section.key}`} className="stack">
            <Heading variant="h2" id={`jobs-${section.key}`}>
              {t(`jobs.state.${section.key}`)}
            </Heading>
            {jobs.length === 0 ? (
              <Paragraph>{t("jobs.none")}</Paragraph>
            ) : (
              <div className="table-wrap">
                <table className="data stack-on-phone">
                  <caption>{t(section.caption)}</caption>
                  <thead>
                    <tr>
                      {section.columns.map((column) => (
                        <th scope="col" key={column}>
                          {t(columnLabel[column])}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {jobs.map((job) => (
                      <tr key={job.id}>
                        {section.columns.map((column) => (
                          <td key={column} data-label={t(columnLabel[column])}>
                            {cell(job, column)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
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

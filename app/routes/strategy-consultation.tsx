import { presentConsultationSummary } from "../../src/modules/strategy/report-presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { ButtonAnchor } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import strategyCss from "../ui/strategy/strategy.css?url";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/strategy-consultation";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: strategyCss }];

/** The consultation's summary (staff): per goal its visible comments, and the CSV and XLSX downloads. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return presentConsultationSummary(await load(() => services.strategyConsultation.summary(caller, params.id)));
}

type Comment = Route.ComponentProps["loaderData"]["goals"][number]["comments"][number];

export default function ConsultationSummary({ loaderData }: Route.ComponentProps) {
  const { t, date, dateTime } = useI18n();
  const { strategy, deadline, goals } = loaderData;
  const title = t("strategy.consultation.summaryTitle", { name: strategy.name });
  const columns = [
    {
      key: "author",
      header: t("strategy.consultation.column.author"),
      cell: (c: Comment) => c.authorName ?? t("strategy.consultation.anonymous"),
    },
    {
      key: "comment",
      header: t("strategy.consultation.column.comment"),
      cell: (c: Comment) => (
        <>
          {c.title && <strong>{c.title}</strong>}
          <SanitisedHtml html={c.html} />
        </>
      ),
    },
    {
      key: "likes",
      header: t("strategy.consultation.column.likes"),
      cell: (c: Comment) => c.likes,
      align: "end" as const,
    },
    { key: "created", header: t("strategy.consultation.column.created"), cell: (c: Comment) => dateTime(c.createdAt) },
  ];
  return (
    <div className="stack">
      <title>{`${title} – ${t("app.name")}`}</title>
      <p>
        <a href={`/strategies/${strategy.id}/edit`}>← {t("strategy.edit.back")}</a>
      </p>
      <PageTitle
        lead={
          <>
            {t("strategy.consultation.summaryLead")}{" "}
            {deadline
              ? t("strategy.consultation.deadlineWas", { date: date(deadline) })
              : t("strategy.consultation.noDeadline")}
          </>
        }
        actions={
          <>
            <ButtonAnchor href={`/strategies/${strategy.id}/consultation.csv`} download>
              {t("strategy.consultation.downloadCsv")}
            </ButtonAnchor>
            <ButtonAnchor href={`/strategies/${strategy.id}/consultation.xlsx`} download>
              {t("strategy.consultation.downloadXlsx")}
            </ButtonAnchor>
          </>
        }
      >
        {title}
      </PageTitle>
      {goals.map((goal) => (
        <section key={goal.id} aria-labelledby={`goal-${goal.id}`} className="stack">
          <Heading level={2} id={`goal-${goal.id}`}>
            {goal.title}
          </Heading>
          <p className="muted">
            {t(`strategy.category.${goal.category}`)}
            {goal.wall ? (
              <>
                {" · "}
                <a href={`/w/${goal.wall.slug}`}>{t("strategy.consultation.wallLink")}</a>
                {goal.wall.closed && <> · {t("strategy.consultation.wallClosed")}</>}
              </>
            ) : (
              <> · {t("strategy.consultation.noWall")}</>
            )}
          </p>
          <DataTable
            caption={t("strategy.consultation.commentsOf", { title: goal.title })}
            captionHidden
            columns={columns}
            rows={goal.comments}
            rowKey={(c) => c.id}
            emptyText={t("strategy.consultation.noComments")}
          />
        </section>
      ))}
    </div>
  );
}

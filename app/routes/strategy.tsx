import { goalCategories } from "../../src/modules/strategy/constants.ts";
import { presentStrategyDetail } from "../../src/modules/strategy/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { ButtonAnchor, ButtonLink } from "../ui/kit/Button.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { indicatorCharts } from "../ui/strategy/charts.server.ts";
import { IndicatorSection, OverviewTable, StatusRule } from "../ui/strategy/StrategyView.tsx";
import strategyCss from "../ui/strategy/strategy.css?url";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/strategy";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: strategyCss }];

/**
 * The public strategy page: its vision, the overview per category, then per category its goals and per goal its
 * indicators, each with its chart (drawn here, on the server) and the chart's numbers. Drafts are for staff only.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  const strategy = presentStrategyDetail(await load(() => services.strategies.get(caller, params.id)));
  // The analysis's link only for those the deliverables module lets read it.
  const environment = await load(() => services.strategyEnvironment.get(caller, params.id));
  return {
    strategy,
    charts: indicatorCharts(strategy.goals, caller.locale),
    environmentId: environment.deliverable ? environment.deliverableId : null,
  };
}

export default function Strategy({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { strategy, charts, environmentId } = loaderData;
  const consulting = strategy.status === "consultation";
  const measurable = strategy.goals.filter((g) => g.canEnterMeasurements && !strategy.canManage);
  return (
    <div className="stack strategy-page">
      <title>{`${strategy.name} – ${t("app.name")}`}</title>
      <PageTitle
        lead={
          <>
            {t("strategy.page.period", { start: strategy.startYear, end: strategy.endYear })}
            {" · "}
            {t("strategy.page.status", { status: t(`strategy.strategyStatus.${strategy.status}`) })}
          </>
        }
        actions={
          strategy.canManage ? (
            <ButtonLink to={`/strategies/${strategy.id}/edit`} className="strategy-screen-only">
              {t("strategy.page.edit")}
            </ButtonLink>
          ) : undefined
        }
      >
        {strategy.name}
      </PageTitle>
      {strategy.status === "draft" && (
        <div className="notice" role="note">
          {t("strategy.page.draftNotice")}
        </div>
      )}
      {consulting && strategy.consultationDeadline && (
        <div className="notice" role="note">
          {t("strategy.consultation.isOpen", { date: date(strategy.consultationDeadline) })}
        </div>
      )}
      {strategy.canManage && strategy.goals.some((g) => g.wall) && (
        <p className="strategy-screen-only">
          <a href={`/strategies/${strategy.id}/consultation`}>{t("strategy.consultation.summaryLink")}</a>
        </p>
      )}
      {strategy.vision && (
        <section aria-labelledby="vision">
          <Heading level={2} id="vision">
            {t("strategy.page.vision")}
          </Heading>
          <SanitisedHtml html={strategy.visionHtml} className="strategy-vision" />
        </section>
      )}
      <section aria-labelledby="overview">
        <Heading level={2} id="overview">
          {t("strategy.overview.title")}
        </Heading>
        <OverviewTable overview={strategy.overview} />
      </section>
      {goalCategories.map((category) => {
        const goals = strategy.goals.filter((g) => g.category === category);
        return (
          <section key={category} aria-labelledby={`category-${category}`} className="strategy-category">
            <Heading level={2} id={`category-${category}`}>
              {t(`strategy.category.${category}`)}
            </Heading>
            {goals.length === 0 && <p className="muted">{t("strategy.goals.none")}</p>}
            {goals.map((goal) => (
              <section key={goal.id} aria-labelledby={`goal-${goal.id}`} className="strategy-goal">
                <Heading level={3} id={`goal-${goal.id}`}>
                  {goal.title}
                </Heading>
                {goal.description && <p>{goal.description}</p>}
                {goal.responsible && (
                  <p className="muted">
                    {goal.responsible.kind === "group" ? (
                      <>
                        {t("strategy.goal.responsible", { name: "" })}
                        <a href={`/groups/${goal.responsible.slug}`}>{goal.responsible.name}</a>
                      </>
                    ) : (
                      t("strategy.goal.responsible", { name: goal.responsible.name })
                    )}
                  </p>
                )}
                {consulting && goal.wall && !goal.wall.closed && (
                  <p className="strategy-screen-only">
                    <a href={`/w/${goal.wall.slug}`} aria-describedby={`goal-${goal.id}`}>
                      {t("strategy.consultation.comment")}
                    </a>
                    {strategy.consultationDeadline && (
                      <>
                        {" "}
                        <span className="muted">
                          {t("strategy.consultation.until", { date: date(strategy.consultationDeadline) })}
                        </span>
                      </>
                    )}
                  </p>
                )}
                {measurable.includes(goal) && (
                  <p className="strategy-screen-only">
                    <a href={`/strategies/${strategy.id}/goals/${goal.id}`}>{t("strategy.measurement.add")}</a>
                  </p>
                )}
                {goal.indicators.length === 0 && <p className="muted">{t("strategy.goal.noIndicators")}</p>}
                {goal.indicators.map((indicator) => {
                  const chart = charts[indicator.id];
                  return chart ? <IndicatorSection key={indicator.id} indicator={indicator} chart={chart} /> : null;
                })}
              </section>
            ))}
          </section>
        );
      })}
      {environmentId && (
        <section aria-labelledby="environment">
          <Heading level={2} id="environment">
            {t("strategy.environment.title")}
          </Heading>
          <p>
            <a href={`/d/${environmentId}`}>{t("strategy.environment.link")}</a>
          </p>
        </section>
      )}
      <StatusRule />
      <section aria-labelledby="downloads" className="strategy-screen-only">
        <Heading level={2} id="downloads">
          {t("strategy.export.title")}
        </Heading>
        <p className="form-actions">
          <ButtonAnchor href={`/strategies/${strategy.id}/export.xlsx`} download>
            {t("strategy.export.xlsx")}
          </ButtonAnchor>
          <ButtonAnchor href={`/strategies/${strategy.id}/export.docx`} download>
            {t("strategy.export.docx")}
          </ButtonAnchor>
        </p>
      </section>
    </div>
  );
}

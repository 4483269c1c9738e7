import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import type { PresentedIndicator } from "../../src/modules/strategy/chart-data.ts";
import { presentStrategyDetail } from "../../src/modules/strategy/presenters.ts";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { indicatorCharts } from "../ui/strategy/charts.server.ts";
import { responsibleChoices } from "../ui/strategy/choices.server.ts";
import { GoalFields, IndicatorFields, MeasurementFields } from "../ui/strategy/fields.tsx";
import { indicatorFormInput, onFormFields } from "../ui/strategy/form-input.ts";
import { decimalText } from "../ui/strategy/labels.ts";
import { IndicatorSection } from "../ui/strategy/StrategyView.tsx";
import strategyCss from "../ui/strategy/strategy.css?url";
import { fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/strategy-goal";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: strategyCss }];

/**
 * A goal's page for those who keep it up: staff edit the goal and its indicators; staff and the members of the
 * goal's responsible group (once the strategy is public, as the policy says) enter and delete measurements.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const strategy = presentStrategyDetail(await load(() => services.strategies.get(caller, params.id)));
  const goal = strategy.goals.find((g) => g.id === params.goalId);
  if (!goal) return load(() => Promise.reject(new AppError("NOT_FOUND")));
  if (!strategy.canManage && !goal.canEnterMeasurements) return load(() => Promise.reject(new AppError("FORBIDDEN")));
  const choices = strategy.canManage
    ? await load(() => responsibleChoices(services, caller))
    : { groups: [], people: [] };
  return {
    strategy: { id: strategy.id, name: strategy.name, canManage: strategy.canManage },
    goal,
    charts: indicatorCharts([goal], caller.locale),
    ...choices,
  };
}

/** The form's intent → its field id prefix: "indicator:<id>" → "indicator-<id>". */
const prefixOf = (intent: string | undefined) =>
  !intent || intent === "goal" || intent === "deleteMeasurement" ? undefined : intent.replace(":", "-");

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const { intent = "", ...fields } = fieldsOf(await request.formData());
  const [kind, id = ""] = intent.split(":");
  return attemptForm(caller.locale, intent, () =>
    onFormFields(async () => {
      switch (kind) {
        case "goal":
          await services.strategies.updateGoal(caller, params.goalId, fields);
          return { saved: intent };
        case "indicator":
          if (id) await services.strategies.updateIndicator(caller, id, indicatorFormInput(fields, caller.locale));
          else
            await services.strategies.createIndicator(caller, params.goalId, indicatorFormInput(fields, caller.locale));
          return { saved: intent };
        case "measurement":
          await services.strategies.createMeasurement(caller, id, fields);
          return { saved: intent };
        case "deleteMeasurement":
          await services.strategies.deleteMeasurement(caller, fields.measurementId ?? "");
          return { saved: intent };
        default:
          throw new AppError("MALFORMED_BODY");
      }
    }),
  );
}

type Measurement = PresentedIndicator["measurements"][number];

export default function StrategyGoal({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, date } = useI18n();
  const { strategy, goal, charts, groups, people } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const errorFor = (intent: string) => (failed === intent ? error : undefined);
  const saved = actionData && "saved" in actionData;
  const measurementColumns = (indicator: PresentedIndicator): DataTableColumn<Measurement>[] => [
    { key: "date", header: t("strategy.measurement.date"), cell: (m) => date(m.date) },
    {
      key: "value",
      header: indicator.unit
        ? `${t("strategy.measurement.value")} (${indicator.unit})`
        : t("strategy.measurement.value"),
      align: "end",
      cell: (m) => decimalText(locale, m.value),
    },
    { key: "source", header: t("strategy.measurement.source"), cell: (m) => m.source },
    { key: "note", header: t("strategy.measurement.note"), cell: (m) => m.note },
    { key: "by", header: t("strategy.measurement.enteredBy"), cell: (m) => m.enteredBy?.name ?? "" },
    {
      key: "delete",
      header: t("strategy.measurement.delete"),
      cell: (m) => (
        <Form method="post">
          <input type="hidden" name="intent" value="deleteMeasurement" />
          <input type="hidden" name="measurementId" value={m.id} />
          <Button variant="secondary" aria-label={t("strategy.measurement.deleteLabel", { date: date(m.date) })}>
            {t("strategy.measurement.delete")}
          </Button>
        </Form>
      ),
    },
  ];
  return (
    <div className="stack">
      <title>{`${t("strategy.goal.pageTitle", { title: goal.title })} – ${t("app.name")}`}</title>
      <p>
        <a href={`/strategies/${strategy.id}`}>← {strategy.name}</a>
        {strategy.canManage && (
          <>
            {" · "}
            <a href={`/strategies/${strategy.id}/edit`}>{t("strategy.page.edit")}</a>
          </>
        )}
      </p>
      <PageTitle lead={t(`strategy.category.${goal.category}`)}>
        {t("strategy.goal.pageTitle", { title: goal.title })}
      </PageTitle>
      {saved && <Notice>{t("strategy.saved")}</Notice>}
      <ErrorSummary error={errorFor("deleteMeasurement")} />
      {!strategy.canManage && <p>{t("strategy.goal.measurersNote")}</p>}

      {strategy.canManage && (
        <section aria-labelledby="goal-fields" className="narrow stack">
          <Heading level={2} id="goal-fields">
            {t("strategy.goal.edit")}
          </Heading>
          <ErrorSummary error={errorFor("goal")} />
          <Form method="post" className="stack" aria-labelledby="goal-fields">
            <input type="hidden" name="intent" value="goal" />
            <GoalFields error={errorFor("goal")} goal={goal} groups={groups} people={people} />
            <div className="form-actions">
              <Button>{t("strategy.save")}</Button>
            </div>
          </Form>
        </section>
      )}

      {goal.indicators.map((indicator) => {
        const chart = charts[indicator.id];
        const editIntent = `indicator:${indicator.id}`;
        const measureIntent = `measurement:${indicator.id}`;
        return (
          <section key={indicator.id} aria-labelledby={`measurements-${indicator.id}`} className="stack">
            <Heading level={2} id={`measurements-${indicator.id}`}>
              {t("strategy.measurements.title", { name: indicator.name })}
            </Heading>
            {chart && <IndicatorSection indicator={indicator} chart={chart} level={3} />}
            <DataTable
              caption={t("strategy.measurements.title", { name: indicator.name })}
              columns={measurementColumns(indicator)}
              rows={indicator.measurements}
              rowKey={(m) => m.id}
              rowHeader
              emptyText={t("strategy.measurements.none")}
            />
            <FieldIdScope prefix={prefixOf(measureIntent) ?? ""}>
              <Form
                method="post"
                className="stack narrow"
                aria-labelledby={`add-${indicator.id}`}
                key={indicator.measurements.length}
              >
                <Heading level={3} id={`add-${indicator.id}`}>
                  {t("strategy.measurement.add")}: {indicator.name}
                </Heading>
                <ErrorSummary error={errorFor(measureIntent)} />
                <input type="hidden" name="intent" value={measureIntent} />
                <MeasurementFields error={errorFor(measureIntent)} />
                <div className="form-actions">
                  <Button>{t("strategy.measurement.add")}</Button>
                </div>
              </Form>
            </FieldIdScope>
            {strategy.canManage && (
              <details className="strategy-details" open={failed === editIntent}>
                <summary>{t("strategy.indicator.edit", { name: indicator.name })}</summary>
                <FieldIdScope prefix={prefixOf(editIntent) ?? ""}>
                  <Form method="post" className="stack narrow">
                    <ErrorSummary error={errorFor(editIntent)} />
                    <input type="hidden" name="intent" value={editIntent} />
                    <IndicatorFields error={errorFor(editIntent)} indicator={indicator} />
                    <div className="form-actions">
                      <Button>{t("strategy.save")}</Button>
                    </div>
                  </Form>
                </FieldIdScope>
              </details>
            )}
          </section>
        );
      })}

      {strategy.canManage && (
        <section aria-labelledby="add-indicator" className="narrow stack">
          <Heading level={2} id="add-indicator">
            {t("strategy.indicator.add")}
          </Heading>
          <FieldIdScope prefix="indicator">
            <ErrorSummary error={errorFor("indicator")} />
            <Form method="post" className="stack" aria-labelledby="add-indicator" key={goal.indicators.length}>
              <input type="hidden" name="intent" value="indicator" />
              <IndicatorFields error={errorFor("indicator")} />
              <div className="form-actions">
                <Button>{t("strategy.indicator.add")}</Button>
              </div>
            </Form>
          </FieldIdScope>
        </section>
      )}
    </div>
  );
}

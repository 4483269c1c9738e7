import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { isMultipart } from "../../src/modules/files/multipart.ts";
import { formatFileSize } from "../../src/modules/files/size.ts";
import { goalCategories } from "../../src/modules/strategy/constants.ts";
import { presentStrategyDetail } from "../../src/modules/strategy/presenters.ts";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { responsibleChoices } from "../ui/strategy/choices.server.ts";
import { ConsultationPanel, EnvironmentPanel, ImportPanel } from "../ui/strategy/EditPanels.tsx";
import { GoalFields, StrategyFields } from "../ui/strategy/fields.tsx";
import { importFromForm, importMaxBytes } from "../ui/strategy/import.server.ts";
import { StatusBadge } from "../ui/strategy/StrategyView.tsx";
import strategyCss from "../ui/strategy/strategy.css?url";
import { fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/strategy-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: strategyCss }];

/**
 * Staff's editing of a strategy: its own fields, its goals (each with a link to its page) and a new goal; the
 * consultation (open with a deadline, close), the operating-environment analysis, and importing measurements.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const strategy = presentStrategyDetail(await load(() => services.strategies.get(caller, params.id)));
  if (!strategy.canManage) return load(() => Promise.reject(new AppError("FORBIDDEN")));
  const environment = await load(() => services.strategyEnvironment.get(caller, params.id));
  return {
    strategy,
    environmentId: environment.deliverableId,
    importMaxSize: formatFileSize(caller.locale, importMaxBytes),
    ...(await load(() => responsibleChoices(services, caller))),
  };
}

const intents = ["strategy", "goal", "consultation-open", "consultation-close", "environment"] as const;
type Intent = (typeof intents)[number] | "import";

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  // The import's forms are multipart (a file, or the checked rows): read as they stream in (files/multipart.ts).
  if (isMultipart(request))
    return attemptForm(caller.locale, "import" as Intent, () =>
      importFromForm(services.strategyImports, caller, params.id, request),
    );
  const fields = fieldsOf(await request.formData());
  const intent: Intent = intents.find((i) => i === fields.intent) ?? "strategy";
  return attemptForm(caller.locale, intent, async () => {
    switch (intent) {
      case "goal": {
        const goal = await services.strategies.createGoal(caller, params.id, fields);
        return redirect(`/strategies/${params.id}/goals/${goal.id}`);
      }
      case "consultation-open":
        // A checkbox left unticked sends nothing: its absence is "no".
        await services.strategyConsultation.open(caller, params.id, {
          deadline: fields.deadline ?? "",
          anonymousAllowed: fields.anonymousAllowed === "true",
          moderation: fields.preModeration === "true" ? "pre" : "open",
        });
        return { notice: "strategy.consultation.opened" as const };
      case "consultation-close":
        await services.strategyConsultation.close(caller, params.id, { to: fields.to });
        return { notice: "strategy.consultation.closed" as const };
      case "environment":
        await services.strategyEnvironment.attach(caller, params.id, { groupId: fields.groupId ?? "" });
        return { notice: "strategy.environment.attached" as const };
      default: {
        const { intent: _, ...strategy } = fields;
        await services.strategies.update(caller, params.id, strategy);
        return { notice: "strategy.saved" as const };
      }
    }
  });
}

export default function EditStrategy({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { strategy, groups, people, environmentId, importMaxSize } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const notice = actionData && "notice" in actionData ? actionData.notice : undefined;
  const errorFor = (intent: Intent) => (failed === intent ? error : undefined);
  return (
    <div className="stack">
      <title>{`${t("strategy.edit.title", { name: strategy.name })} – ${t("app.name")}`}</title>
      <p>
        <a href={`/strategies/${strategy.id}`}>← {t("strategy.edit.back")}</a>
      </p>
      <PageTitle>{t("strategy.edit.title", { name: strategy.name })}</PageTitle>
      {notice && <Notice>{t(notice)}</Notice>}

      <section aria-labelledby="strategy-fields" className="narrow stack">
        <Heading level={2} id="strategy-fields">
          {t("strategy.edit.strategy")}
        </Heading>
        <ErrorSummary error={failed === "strategy" ? error : undefined} />
        <Form method="post" className="stack" aria-labelledby="strategy-fields">
          <input type="hidden" name="intent" value="strategy" />
          <StrategyFields error={failed === "strategy" ? error : undefined} strategy={strategy} />
          <div className="form-actions">
            <Button>{t("strategy.save")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="goals" className="stack">
        <Heading level={2} id="goals">
          {t("strategy.edit.goals")}
        </Heading>
        {goalCategories.map((category) => {
          const goals = strategy.goals.filter((g) => g.category === category);
          if (goals.length === 0) return null;
          return (
            <div key={category}>
              <Heading level={3}>{t(`strategy.category.${category}`)}</Heading>
              <ul className="strategy-goal-list">
                {goals.map((goal) => (
                  <li key={goal.id}>
                    <a href={`/strategies/${strategy.id}/goals/${goal.id}`}>{goal.title}</a>
                    {goal.indicators.length > 0 && (
                      <ul>
                        {goal.indicators.map((i) => (
                          <li key={i.id}>
                            {i.name}: <StatusBadge status={i.status.status} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="add-goal" className="narrow stack">
        <Heading level={2} id="add-goal">
          {t("strategy.edit.addGoal")}
        </Heading>
        <FieldIdScope prefix="goal">
          <ErrorSummary error={failed === "goal" ? error : undefined} />
          <Form method="post" className="stack" aria-labelledby="add-goal">
            <input type="hidden" name="intent" value="goal" />
            <GoalFields error={failed === "goal" ? error : undefined} groups={groups} people={people} />
            <div className="form-actions">
              <Button>{t("strategy.edit.addGoal")}</Button>
            </div>
          </Form>
        </FieldIdScope>
      </section>

      <div className="narrow stack">
        <ConsultationPanel
          strategy={strategy}
          error={failed === "consultation-open" || failed === "consultation-close" ? error : undefined}
        />
        <EnvironmentPanel deliverableId={environmentId} groups={groups} error={errorFor("environment")} />
        <ImportPanel
          error={errorFor("import")}
          checked={actionData && "checked" in actionData ? actionData.checked : undefined}
          rows={actionData && "rows" in actionData ? actionData.rows : undefined}
          imported={actionData && "imported" in actionData ? actionData.imported : undefined}
          maxSize={importMaxSize}
        />
      </div>
    </div>
  );
}

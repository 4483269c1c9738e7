import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
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
import { GoalFields, StrategyFields } from "../ui/strategy/fields.tsx";
import { StatusBadge } from "../ui/strategy/StrategyView.tsx";
import strategyCss from "../ui/strategy/strategy.css?url";
import { fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/strategy-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: strategyCss }];

/** Staff's editing of a strategy: its own fields, its goals (each with a link to its page) and a new goal. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const strategy = presentStrategyDetail(await load(() => services.strategies.get(caller, params.id)));
  if (!strategy.canManage) return load(() => Promise.reject(new AppError("FORBIDDEN")));
  return { strategy, ...(await load(() => responsibleChoices(services, caller))) };
}

type Intent = "strategy" | "goal";

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const fields = fieldsOf(await request.formData());
  const intent: Intent = fields.intent === "goal" ? "goal" : "strategy";
  return attemptForm(caller.locale, intent, async () => {
    if (intent === "goal") {
      const goal = await services.strategies.createGoal(caller, params.id, fields);
      return redirect(`/strategies/${params.id}/goals/${goal.id}`);
    }
    const { intent: _, ...strategy } = fields;
    await services.strategies.update(caller, params.id, strategy);
    return { saved: true };
  });
}

export default function EditStrategy({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { strategy, groups, people } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const saved = actionData && "saved" in actionData;
  return (
    <div className="stack">
      <title>{`${t("strategy.edit.title", { name: strategy.name })} – ${t("app.name")}`}</title>
      <p>
        <a href={`/strategies/${strategy.id}`}>← {t("strategy.edit.back")}</a>
      </p>
      <PageTitle>{t("strategy.edit.title", { name: strategy.name })}</PageTitle>
      {saved && <Notice>{t("strategy.saved")}</Notice>}

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
    </div>
  );
}

import { Form, redirect, useLocation } from "react-router";
import type { z } from "zod";
import { canManageStrategies } from "../../src/modules/strategy/policy.ts";
import { presentStrategiesPage, type strategySchema } from "../../src/modules/strategy/presenters.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { StrategyFields } from "../ui/strategy/fields.tsx";
import strategyCss from "../ui/strategy/strategy.css?url";
import { attempt, formFields, load } from "../web/actions.server.ts";
import type { Route } from "./+types/strategies";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: strategyCss }];

/** The strategies, newest period first, a page at a time (`?cursor=`); staff also see drafts. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    page: presentStrategiesPage(await services.strategies.list(caller, { cursor, limit: 50 })),
    canManage: canManageStrategies(caller.actor),
  }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const fields = await formFields(request);
  return attempt(caller.locale, async () => {
    const strategy = await services.strategies.create(caller, fields);
    return redirect(`/strategies/${strategy.id}/edit`);
  });
}

type Strategy = z.infer<typeof strategySchema>;

export default function Strategies({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { search } = useLocation();
  const error = errorOf(actionData);
  const { page, canManage } = loaderData;
  const columns: DataTableColumn<Strategy>[] = [
    { key: "name", header: t("strategy.list.name"), cell: (s) => <a href={`/strategies/${s.id}`}>{s.name}</a> },
    { key: "period", header: t("strategy.list.period"), cell: (s) => `${s.startYear}–${s.endYear}` },
    { key: "status", header: t("strategy.list.status"), cell: (s) => t(`strategy.strategyStatus.${s.status}`) },
  ];
  return (
    <div className="stack">
      <title>{`${t("strategy.list.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("strategy.list.lead")}>{t("strategy.list.title")}</PageTitle>
      <DataTable
        caption={t("strategy.list.title")}
        captionHidden
        rowHeader
        columns={columns}
        rows={page.items}
        rowKey={(s) => s.id}
        emptyText={t("strategy.list.none")}
        nextPageHref={page.nextCursor ? pageHref(search, page.nextCursor) : undefined}
      />
      {canManage && (
        <section aria-labelledby="new-strategy" className="narrow stack">
          <Heading level={2} id="new-strategy">
            {t("strategy.create")}
          </Heading>
          <ErrorSummary error={error} />
          <Form method="post" className="stack" aria-labelledby="new-strategy">
            <StrategyFields error={error} />
            <div className="form-actions">
              <Button>{t("strategy.create")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}

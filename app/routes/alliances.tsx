import { useLocation } from "react-router";
import type { z } from "zod";
import { type allianceSummarySchema, presentAlliancesPage } from "../../src/modules/alliances/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/alliances";

/** The alliances a signed-in person may see: the published ones and their own, by name. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    page: presentAlliancesPage(await services.alliances.list(caller, { cursor, limit: 50 })),
  }));
}

type Alliance = z.infer<typeof allianceSummarySchema>;

export default function Alliances({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { search } = useLocation();
  const columns: DataTableColumn<Alliance>[] = [
    { key: "name", header: t("alliances.field.name"), cell: (a) => <a href={`/alliances/${a.id}`}>{a.name}</a> },
    { key: "kind", header: t("alliances.field.kind"), cell: (a) => t(`alliances.kind.${a.kind}`) },
    { key: "period", header: t("alliances.field.period"), cell: (a) => `${date(a.startDate)}–${date(a.endDate)}` },
  ];
  return (
    <div className="stack">
      <title>{`${t("alliances.list.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("alliances.list.lead")}>{t("alliances.list.title")}</PageTitle>
      <DataTable
        caption={t("alliances.list.title")}
        captionHidden
        rowHeader
        columns={columns}
        rows={loaderData.page.items}
        rowKey={(a) => a.id}
        emptyText={t("alliances.list.none")}
        nextPageHref={loaderData.page.nextCursor ? pageHref(search, loaderData.page.nextCursor) : undefined}
      />
    </div>
  );
}

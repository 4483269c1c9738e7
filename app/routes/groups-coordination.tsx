import { presentCoordination } from "../../src/modules/deliverables/presenters.ts";
import { DeadlineText, StatusTag } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/groups-coordination";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => ({
    rows: (await context.services.deliverables.coordination(context.caller)).map(presentCoordination),
  }));
}

export default function Coordination({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { rows } = loaderData;
  const columns: DataTableColumn<(typeof rows)[number]>[] = [
    { key: "deadline", header: t("groups.nextDeadline"), cell: (r) => <DeadlineText deadline={r.nextDeadline} /> },
    {
      key: "deliverable",
      header: t("groups.deliverable"),
      cell: (r) => <a href={`/d/${r.deliverableId}`}>{r.title}</a>,
    },
    { key: "group", header: t("groups.group"), cell: (r) => <a href={`/groups/${r.group.slug}`}>{r.group.name}</a> },
    {
      key: "status",
      header: t("groups.status"),
      cell: (r) => (
        <>
          <StatusTag status={r.status} />
          <span className="muted"> · {date(r.updatedAt)}</span>
        </>
      ),
    },
  ];
  return (
    <div className="stack">
      <title>{`${t("groups.coordination.title")} – ${t("app.name")}`}</title>
      <p>
        <a href="/groups">← {t("groups.title")}</a>
      </p>
      <PageTitle lead={t("groups.coordination.lead")}>{t("groups.coordination.title")}</PageTitle>
      <DataTable
        caption={t("groups.coordination.title")}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.deliverableId}
        rowClassName={(r) => (r.nextDeadline?.overdue ? "row-overdue" : undefined)}
        emptyText={t("groups.coordination.none")}
      />
    </div>
  );
}

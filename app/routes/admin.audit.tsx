import { Form, useLocation } from "react-router";
import type { MessageKey } from "../../src/i18n/translate.ts";
import { presentAuditEvent } from "../../src/modules/audit/presenters.ts";
import { presentPersonChoice } from "../../src/modules/people/presenters.ts";
import { Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref } from "../ui/kit/table-query.ts";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.audit";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  const query = new URL(request.url).searchParams;
  const filter = {
    actorId: query.get("actorId") || undefined,
    module: query.get("module") || undefined,
    cursor: query.get("cursor") || undefined,
  };
  return load(async () => {
    const page = await services.audit.list(caller, filter);
    return {
      page: { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor },
      modules: await services.audit.modules(caller),
      people: (await services.people.listPeople(caller)).map(presentPersonChoice),
      filter,
    };
  });
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { page, modules, people, filter } = loaderData;
  const events = page.items;
  const moduleLabel = (m: string) => {
    const key = `audit.modules.${m}` as MessageKey;
    const label = t(key);
    return label === key ? m : label;
  };
  // Plain links that keep the filters, so paging works without JavaScript.
  const { search } = useLocation();
  const columns: DataTableColumn<(typeof events)[number]>[] = [
    { key: "at", header: t("audit.at"), cell: (e) => <time dateTime={e.at}>{dateTime(e.at)}</time> },
    { key: "actor", header: t("audit.actor"), cell: (e) => e.actorName ?? t("audit.system") },
    { key: "module", header: t("audit.module"), cell: (e) => moduleLabel(e.module) },
    { key: "action", header: t("audit.action"), cell: (e) => <code>{e.action}</code> },
    {
      key: "target",
      header: t("audit.target"),
      cell: (e) => (
        <>
          {e.targetType}
          {e.targetId ? <span className="muted"> {e.targetId.slice(0, 8)}</span> : null}
        </>
      ),
    },
  ];
  return (
    <div className="stack">
      <title>{`${t("audit.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("audit.lead")}>{t("audit.title")}</PageTitle>
      <Form method="get" className="filters">
        <Select
          name="actorId"
          label={t("audit.person")}
          defaultValue={filter.actorId ?? ""}
          options={[{ value: "", label: t("audit.all") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Select
          name="module"
          label={t("audit.module")}
          defaultValue={filter.module ?? ""}
          options={[{ value: "", label: t("audit.all") }, ...modules.map((m) => ({ value: m, label: moduleLabel(m) }))]}
        />
        <Button>{t("audit.filter")}</Button>
      </Form>
      <DataTable
        caption={t("audit.title")}
        captionHidden
        columns={columns}
        rows={events}
        rowKey={(e) => String(e.id)}
        emptyText={t("audit.empty")}
      />
      {/* First and older pages: plain links that keep the filters. */}
      {(page.nextCursor || filter.cursor) && (
        <nav aria-label={t("pagination.label")} className="data-table-pages">
          {filter.cursor && <a href={pageHref(search, undefined)}>{t("pagination.first")}</a>}
          {page.nextCursor && (
            <a href={pageHref(search, page.nextCursor)} rel="next">
              {t("audit.older")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}

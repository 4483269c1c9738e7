import type { EventView } from "../../src/modules/events/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/series";

export function loader({ context, params }: Route.LoaderArgs) {
  return load(() => context.services.events.getSeries(context.caller, params.slug));
}

export default function SeriesPage({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { series, events } = loaderData;
  const columns: DataTableColumn<EventView>[] = [
    { key: "when", header: t("events.when"), cell: (e) => <time dateTime={e.startsAt}>{date(e.startsAt)}</time> },
    { key: "city", header: t("events.form.city"), cell: (e) => e.city },
    { key: "event", header: t("events.item"), cell: (e) => <a href={`/e/${e.slug}`}>{e.title}</a> },
    { key: "regions", header: t("events.form.regions"), cell: (e) => e.regions.join(", ") },
  ];
  return (
    <div className="stack">
      <title>{`${series.name} – ${t("app.name")}`}</title>
      <p>
        <a href="/events">← {t("events.title")}</a>
      </p>
      <PageTitle lead={series.description || undefined}>{series.name}</PageTitle>
      <p>
        <a href={`/series/${series.slug}/calendar.ics`}>{t("events.addSeriesToCalendar")}</a>
      </p>
      <DataTable
        caption={t("events.seriesEvents", { name: series.name })}
        rowHeader
        columns={columns}
        rows={events}
        rowKey={(e) => e.id}
        emptyText={t("events.none")}
      />
    </div>
  );
}

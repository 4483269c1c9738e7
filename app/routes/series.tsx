import { useI18n } from "../ui/i18n.ts";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/series";

export function loader({ context, params }: Route.LoaderArgs) {
  return load(() => context.services.events.getSeries(context.caller, params.slug));
}

export default function SeriesPage({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { series, events } = loaderData;
  return (
    <div className="stack">
      <title>{`${series.name} – ${t("app.name")}`}</title>
      <p>
        <a href="/events">← {t("events.title")}</a>
      </p>
      <h1>{series.name}</h1>
      {series.description && <p className="lead">{series.description}</p>}
      <p>
        <a href={`/series/${series.slug}/calendar.ics`}>{t("events.addSeriesToCalendar")}</a>
      </p>
      <div className="table-wrap">
        <table className="data stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{t("events.when")}</th>
              <th scope="col">{t("events.form.city")}</th>
              <th scope="col">{t("events.item")}</th>
              <th scope="col">{t("events.form.regions")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td data-label={t("events.when")}>{date(e.startsAt)}</td>
                <td data-label={t("events.form.city")}>{e.city}</td>
                <td data-label={t("events.item")}>
                  <a href={`/e/${e.slug}`}>{e.title}</a>
                </td>
                <td data-label={t("events.form.regions")}>{e.regions.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

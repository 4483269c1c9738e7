import { Form, redirect } from "react-router";
import { allows } from "../../src/core/policy.ts";
import { eventsPolicy } from "../../src/modules/events/policy.ts";
import { EventFields, eventFormInput } from "../ui/events/EventFields.tsx";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { attempt } from "../web/actions.server.ts";
import type { Route } from "./+types/events";

export async function loader({ context }: Route.LoaderArgs) {
  const { services, caller } = context;
  const canManage = allows(eventsPolicy.manageEvents, caller.actor);
  return {
    events: await services.events.list(caller),
    series: canManage ? await services.events.listSeries() : [],
    canManage,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  return attempt(context.caller.locale, async () => {
    if (form.get("intent") === "series") {
      await context.services.events.createSeries(context.caller, {
        name: form.get("name"),
        description: form.get("description") ?? "",
      });
      return { seriesCreated: true };
    }
    const event = await context.services.events.create(context.caller, eventFormInput(form));
    return redirect(`/e/${event.slug}/manage`);
  });
}

export default function Events({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const error = errorOf(actionData);
  const now = Date.now();
  const upcoming = loaderData.events.filter((e) => new Date(e.endsAt).getTime() >= now);
  const past = loaderData.events.filter((e) => new Date(e.endsAt).getTime() < now).reverse();
  const list = (items: typeof loaderData.events, label: string) => (
    <section aria-label={label}>
      <h2>{label}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("events.none")}</p>
      ) : (
        <ul className="event-list">
          {items.map((e) => (
            <li key={e.id}>
              <a href={`/e/${e.slug}`}>{e.title}</a>
              <span className="muted">
                {" "}
                {date(e.startsAt)}
                {e.city ? `, ${e.city}` : ""}
                {e.seriesName ? ` · ${e.seriesName}` : ""}
                {!e.isPublic ? ` · ${t("events.notPublic")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div className="stack">
      <title>{`${t("events.title")} – ${t("app.name")}`}</title>
      <h1>{t("events.title")}</h1>
      <p className="lead">{t("events.lead")}</p>
      {list(upcoming, t("events.upcoming"))}
      {list(past, t("events.past"))}
      {loaderData.canManage && (
        <section aria-labelledby="new-event" className="narrow stack">
          <h2 id="new-event">{t("events.create")}</h2>
          <ErrorSummary error={error} />
          <Form method="post" className="stack">
            <EventFields error={error} series={loaderData.series} />
            <div className="form-actions">
              <button type="submit" className="button-primary">
                {t("events.create")}
              </button>
            </div>
          </Form>
          <h2 id="new-series">{t("events.createSeries")}</h2>
          <Form method="post" className="stack" aria-labelledby="new-series">
            <input type="hidden" name="intent" value="series" />
            <div className="field">
              <label htmlFor="series-name">{t("events.seriesName")}</label>
              <input id="series-name" name="name" className="text-input" required />
            </div>
            <div className="form-actions">
              <button type="submit" className="button-secondary">
                {t("events.createSeries")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}

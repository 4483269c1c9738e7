import { Form, redirect, useLocation } from "react-router";
import { canManageEvents } from "../../src/modules/events/policy.ts";
import type { EventListItem } from "../../src/modules/events/presenters.ts";
import { EventFields, eventFormInput } from "../ui/events/EventFields.tsx";
import { failedIntent } from "../ui/events/form-intent.ts";
import { eventListHref, eventListParams } from "../ui/events/list-pages.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { load } from "../web/actions.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/events";

/** Events per page in each of the two lists. */
const pageSize = 20;

/**
 * Two lists on one page, each paged by its own cursor (`?upcoming=` and
 * `?past=`), so paging one keeps the other where it was.
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const query = new URL(request.url).searchParams;
  const canManage = canManageEvents(caller.actor);
  return load(async () => ({
    upcoming: await services.events.list(caller, {
      when: "upcoming",
      cursor: query.get(eventListParams.upcoming) ?? undefined,
      limit: pageSize,
    }),
    past: await services.events.list(caller, {
      when: "past",
      cursor: query.get(eventListParams.past) ?? undefined,
      limit: pageSize,
    }),
    series: canManage ? await services.events.listSeries(caller) : [],
    canManage,
  }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const { services, caller } = context;
  if (form.get("intent") === "series") {
    return attemptForm(caller.locale, "series", async () => {
      await services.events.createSeries(caller, {
        name: form.get("name"),
        description: form.get("description") ?? "",
      });
      return { seriesCreated: true };
    });
  }
  return attemptForm(caller.locale, "event", async () => {
    const event = await services.events.create(caller, eventFormInput(form));
    return redirect(`/e/${event.slug}/manage`);
  });
}

export default function Events({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { search } = useLocation();
  const error = errorOf(actionData);
  const columns: DataTableColumn<EventListItem>[] = [
    { key: "when", header: t("events.when"), cell: (e) => <time dateTime={e.startsAt}>{date(e.startsAt)}</time> },
    {
      key: "title",
      header: t("events.form.title"),
      cell: (e) => (
        <>
          <a href={`/e/${e.slug}`}>{e.title}</a>
          {!e.isPublic && <span className="muted"> · {t("events.notPublic")}</span>}
        </>
      ),
    },
    { key: "city", header: t("events.form.city"), cell: (e) => e.city },
    { key: "series", header: t("events.form.series"), cell: (e) => e.seriesName ?? "" },
  ];
  const list = (which: "upcoming" | "past", id: string) => {
    const page = loaderData[which];
    return (
      <section aria-labelledby={id}>
        <Heading level={2} id={id}>
          {t(which === "upcoming" ? "events.upcoming" : "events.past")}
        </Heading>
        <DataTable
          caption={t(which === "upcoming" ? "events.upcoming" : "events.past")}
          captionHidden
          rowHeader
          columns={columns}
          rows={page.items}
          rowKey={(e) => e.id}
          emptyText={t("events.none")}
          nextPageHref={page.nextCursor ? eventListHref(search, which, page.nextCursor) : undefined}
        />
      </section>
    );
  };
  // Each form shows its own refusal, its summary linking to its own fields.
  const failed = failedIntent(actionData);
  const eventError = failed === "event" ? error : undefined;
  const seriesError = failed === "series" ? error : undefined;
  return (
    <div className="stack">
      <title>{`${t("events.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("events.lead")}>{t("events.title")}</PageTitle>
      {list("upcoming", "upcoming-events")}
      {list("past", "past-events")}
      {loaderData.canManage && (
        <section aria-labelledby="new-event" className="narrow stack">
          <Heading level={2} id="new-event">
            {t("events.create")}
          </Heading>
          <ErrorSummary error={eventError} />
          <Form method="post" className="stack">
            <EventFields error={eventError} series={loaderData.series} />
            <div className="form-actions">
              <Button>{t("events.create")}</Button>
            </div>
          </Form>
          <Heading level={2} id="new-series">
            {t("events.createSeries")}
          </Heading>
          <FieldIdScope prefix="series">
            <Form method="post" className="stack" aria-labelledby="new-series">
              <ErrorSummary error={seriesError} />
              <input type="hidden" name="intent" value="series" />
              <TextField name="name" label={t("events.seriesName")} error={seriesError} required />
              <div className="form-actions">
                <Button variant="secondary">{t("events.createSeries")}</Button>
              </div>
            </Form>
          </FieldIdScope>
        </section>
      )}
    </div>
  );
}

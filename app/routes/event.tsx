import { Form, redirect } from "react-router";
import type { EventDetailView } from "../../src/modules/events/presenters.ts";
import { summariseWall } from "../../src/modules/walls/outputs/summary.ts";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { TextField } from "../ui/TextField.tsx";
import { fieldsOf } from "../web/actions.server.ts";
import { loadEvent } from "../web/event-loader.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/event";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams;
  const notice = query.has("registered") ? "registered" : query.has("joined") ? "joined" : null;
  const detail = await loadEvent(context, params.slug);
  const wallSummaries = (await context.services.events.publishedWallPosts(context.caller, params.slug)).map(
    ({ wall, posts }) => ({
      title: wall.title,
      slug: wall.slug,
      summary: summariseWall(wall, posts),
    }),
  );
  return { ...detail, notice, wallSummaries };
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? `${data.event.title} – Uudistamo` : "Uudistamo" }];
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const fields = fieldsOf(await request.formData());
  const { services, wallViewer: viewer, caller } = context;
  const intent = fields.intent === "join" ? "join" : "register";
  return attemptForm(caller.locale, intent, async () => {
    const walls =
      intent === "join"
        ? await services.events.join(
            params.slug,
            fields.code ?? "",
            services.participants.hashAddress(context.clientIp),
            caller.locale,
            caller.actor,
          )
        : await services.events.register(viewer, params.slug, fields, fields.code);
    return redirect(`/e/${params.slug}?${intent === "join" ? "joined" : "registered"}#walls`, {
      headers: { "Set-Cookie": services.wallCookies.rememberJoins(request.headers.get("cookie"), walls) },
    });
  });
}

type AgendaItem = EventDetailView["agenda"][number];

function useAgendaColumns(): DataTableColumn<AgendaItem>[] {
  const { t, time } = useI18n();
  return [
    {
      key: "time",
      header: t("events.time"),
      cell: (item) => <time dateTime={new Date(item.startsAt).toISOString()}>{time(item.startsAt)}</time>,
    },
    {
      key: "item",
      header: t("events.item"),
      cell: (item) => (
        <>
          <strong>{item.title}</strong>
          {item.kind !== "item" && <span className="muted"> ({t(`events.kind.${item.kind}`)})</span>}
          {item.description && <p className="agenda-description">{item.description}</p>}
        </>
      ),
    },
    {
      key: "speakers",
      header: t("events.speakers"),
      cell: (item) =>
        item.speakers.length > 0 && (
          <ul className="plain-list">
            {item.speakers.map((s) => (
              <li key={s.name}>
                {s.name}
                {s.title || s.organisation ? `, ${[s.title, s.organisation].filter(Boolean).join(", ")}` : ""}
              </li>
            ))}
          </ul>
        ),
    },
  ];
}

export default function EventPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, time } = useI18n();
  const { event, agenda, workshops, canManage, registrations } = loaderData;
  const agendaColumns = useAgendaColumns();
  // The registration and the join form both have a code field: each form shows its own refusal.
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const registerError = failed === "register" ? error : undefined;
  const joinError = failed === "join" ? error : undefined;
  return (
    <div className="stack">
      <p className="muted">
        {event.seriesName && event.seriesSlug ? (
          <a href={`/series/${event.seriesSlug}`}>{event.seriesName}</a>
        ) : (
          <a href="/events">{t("events.title")}</a>
        )}
      </p>
      <PageTitle>{event.title}</PageTitle>
      <dl className="event-facts">
        <dt>{t("events.when")}</dt>
        <dd>
          <time dateTime={new Date(event.startsAt).toISOString()}>{date(event.startsAt)}</time> {time(event.startsAt)}–
          {time(event.endsAt)}
        </dd>
        {(event.place || event.city) && (
          <>
            <dt>{t("events.form.place")}</dt>
            <dd>{[event.place, event.city].filter((part, i, all) => part && all.indexOf(part) === i).join(", ")}</dd>
          </>
        )}
        {event.organiser && (
          <>
            <dt>{t("events.form.organiser")}</dt>
            <dd>{event.organiser}</dd>
          </>
        )}
        {event.regions.length > 0 && (
          <>
            <dt>{t("events.form.regions")}</dt>
            <dd>{event.regions.join(", ")}</dd>
          </>
        )}
      </dl>
      <p className="wall-links">
        <a href={`/e/${event.slug}/calendar.ics`}>{t("events.addToCalendar")}</a>
        {canManage && <a href={`/e/${event.slug}/manage`}>{t("events.manage")}</a>}
        {canManage && (
          <span>
            {t("walls.joinCode")}: <strong>{event.joinCode}</strong> ·{" "}
            {t("events.registrations", { count: registrations ?? 0 })}
          </span>
        )}
      </p>
      {event.description && <p className="lead">{event.description}</p>}

      {event.summaryPublishedAt && (
        <section aria-labelledby="summary-title">
          <Heading level={2} id="summary-title">
            {t("events.summary")}
          </Heading>
          {event.summary && <p className="pre-line">{event.summary}</p>}
          {loaderData.wallSummaries
            .filter((w) => w.summary.groups.some((g) => g.posts.length > 0))
            .map((w) => (
              <section key={w.slug} aria-labelledby={`summary-${w.slug}`}>
                <Heading level={3} id={`summary-${w.slug}`}>
                  {w.title}
                </Heading>
                {w.summary.groups.map((group) => (
                  <div key={group.key}>
                    <Heading level={4}>
                      {group.title ?? (group.kind ? t(`walls.kind.${group.kind}`) : t("walls.noSection"))}
                    </Heading>
                    <ul className="summary-list">
                      {group.posts.map((post) => (
                        <li key={post.id}>
                          <SanitisedHtml html={post.html} />
                          {post.kind === "question" && post.votes > 0 && (
                            <span className="muted">{t("walls.votes", { count: post.votes })}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            ))}
        </section>
      )}

      {agenda.length > 0 && (
        <section aria-labelledby="agenda-title">
          <Heading level={2} id="agenda-title">
            {t("events.agenda")}
          </Heading>
          <DataTable
            caption={t("events.agenda")}
            captionHidden
            rowHeader
            className="agenda"
            columns={agendaColumns}
            rows={agenda}
            rowKey={(item) => item.id}
            rowClassName={(item) => (item.kind === "break" ? "agenda-break" : undefined)}
            emptyText={t("events.none")}
          />
        </section>
      )}

      {workshops.map((w) => (
        <section key={w.id} aria-labelledby={`workshop-${w.id}`}>
          <Heading level={2} id={`workshop-${w.id}`}>
            {w.title}
          </Heading>
          {w.assignment && <p className="pre-line">{w.assignment}</p>}
          <ol className="workshop-steps">
            {w.steps.map((s) => (
              <li key={s.position}>
                {s.instructions} <span className="muted">({t("events.minutes", { count: s.minutes })})</span>
              </li>
            ))}
          </ol>
          {w.groups.length > 0 && (
            <>
              <Heading level={3}>{t("events.groups")}</Heading>
              <ul className="plain-list">
                {w.groups.map((g) => (
                  <li key={g.id}>{g.wallSlug ? <a href={`/w/${g.wallSlug}`}>{g.name}</a> : g.name}</li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a href={`/e/${event.slug}/workshops/${w.id}`}>{t("events.facilitatorView")}</a>
          </p>
        </section>
      ))}

      <section id="walls" aria-labelledby="walls-title" className="narrow stack">
        <Heading level={2} id="walls-title">
          {t("events.takePart")}
        </Heading>
        {loaderData.notice && (
          <Notice>{t(loaderData.notice === "registered" ? "events.registered" : "events.joined")}</Notice>
        )}
        {event.wallSlug && (
          <p>
            <a href={`/w/${event.wallSlug}`}>{t("events.openWall")}</a>
          </p>
        )}
        <Form method="post" className="stack" aria-labelledby="register-title">
          <Heading level={3} id="register-title">
            {t("events.register")}
          </Heading>
          <ErrorSummary error={registerError} />
          <input type="hidden" name="intent" value="register" />
          <TextField name="name" label={t("people.name")} autoComplete="name" error={registerError} required />
          <TextField
            name="organisation"
            label={t("people.organisation")}
            autoComplete="organization"
            error={registerError}
            optional
          />
          {event.registrationEmail !== "off" && (
            <TextField
              name="email"
              type="email"
              label={t("people.email")}
              autoComplete="email"
              error={registerError}
              optional={event.registrationEmail === "optional"}
              required={event.registrationEmail === "required"}
            />
          )}
          {!event.isPublic && <TextField name="code" label={t("walls.joinCode")} error={registerError} required />}
          <div className="form-actions">
            <Button>{t("events.registerButton")}</Button>
          </div>
        </Form>
        <FieldIdScope prefix="join">
          <Form method="post" className="stack" aria-labelledby="join-title">
            <Heading level={3} id="join-title">
              {t("events.joinWithCode")}
            </Heading>
            <ErrorSummary error={joinError} />
            <input type="hidden" name="intent" value="join" />
            <TextField name="code" label={t("walls.joinCode")} autoComplete="off" error={joinError} required />
            <div className="form-actions">
              <Button variant="secondary">{t("walls.join")}</Button>
            </div>
          </Form>
        </FieldIdScope>
      </section>
    </div>
  );
}

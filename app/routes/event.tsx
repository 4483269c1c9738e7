import { Form, redirect } from "react-router";
import { summariseWall } from "../../src/modules/walls/outputs/summary.ts";
import { ErrorSummary, errorOf, fieldError, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, fieldsOf } from "../web/actions.server.ts";
import { loadEvent } from "../web/event-loader.server.ts";
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
  return attempt(caller.locale, async () => {
    const walls =
      fields.intent === "join"
        ? await services.events.join(
            params.slug,
            fields.code ?? "",
            services.participants.hashAddress(context.clientIp),
            caller.locale,
          )
        : await services.events.register(viewer, params.slug, fields, fields.code);
    return redirect(`/e/${params.slug}?${fields.intent === "join" ? "joined" : "registered"}#walls`, {
      headers: { "Set-Cookie": services.wallCookies.rememberJoins(request.headers.get("cookie"), walls) },
    });
  });
}

export default function EventPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, time } = useI18n();
  const { event, agenda, workshops, canManage, registrations } = loaderData;
  const error = errorOf(actionData);
  return (
    <div className="stack">
      <p className="muted">
        {event.seriesName && event.seriesSlug ? (
          <a href={`/series/${event.seriesSlug}`}>{event.seriesName}</a>
        ) : (
          <a href="/events">{t("events.title")}</a>
        )}
      </p>
      <h1>{event.title}</h1>
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
          <h2 id="summary-title">{t("events.summary")}</h2>
          {event.summary && <p className="pre-line">{event.summary}</p>}
          {loaderData.wallSummaries
            .filter((w) => w.summary.groups.some((g) => g.posts.length > 0))
            .map((w) => (
              <section key={w.slug} aria-labelledby={`summary-${w.slug}`}>
                <h3 id={`summary-${w.slug}`}>{w.title}</h3>
                {w.summary.groups.map((group) => (
                  <div key={group.key}>
                    <h4>{group.title ?? (group.kind ? t(`walls.kind.${group.kind}`) : t("walls.noSection"))}</h4>
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
          <h2 id="agenda-title">{t("events.agenda")}</h2>
          <div className="table-wrap">
            <table className="data stack-on-phone agenda">
              <thead>
                <tr>
                  <th scope="col">{t("events.time")}</th>
                  <th scope="col">{t("events.item")}</th>
                  <th scope="col">{t("events.speakers")}</th>
                </tr>
              </thead>
              <tbody>
                {agenda.map((item) => (
                  <tr key={item.id} className={item.kind === "break" ? "agenda-break" : undefined}>
                    <td data-label={t("events.time")}>
                      <time dateTime={new Date(item.startsAt).toISOString()}>{time(item.startsAt)}</time>
                    </td>
                    <td data-label={t("events.item")}>
                      <strong>{item.title}</strong>
                      {item.kind !== "item" && <span className="muted"> ({t(`events.kind.${item.kind}`)})</span>}
                      {item.description && <p className="agenda-description">{item.description}</p>}
                    </td>
                    <td data-label={t("events.speakers")}>
                      {item.speakers.length > 0 && (
                        <ul className="plain-list">
                          {item.speakers.map((s) => (
                            <li key={s.name}>
                              {s.name}
                              {s.title || s.organisation
                                ? `, ${[s.title, s.organisation].filter(Boolean).join(", ")}`
                                : ""}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {workshops.map((w) => (
        <section key={w.id} aria-labelledby={`workshop-${w.id}`}>
          <h2 id={`workshop-${w.id}`}>{w.title}</h2>
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
              <h3>{t("events.groups")}</h3>
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
        <h2 id="walls-title">{t("events.takePart")}</h2>
        {loaderData.notice && (
          <Notice>{t(loaderData.notice === "registered" ? "events.registered" : "events.joined")}</Notice>
        )}
        {event.wallSlug && (
          <p>
            <a href={`/w/${event.wallSlug}`}>{t("events.openWall")}</a>
          </p>
        )}
        <ErrorSummary error={error} />
        <Form method="post" className="stack" aria-labelledby="register-title">
          <h3 id="register-title">{t("events.register")}</h3>
          <input type="hidden" name="intent" value="register" />
          <TextField name="name" label={t("people.name")} autoComplete="name" error={error} required />
          <TextField
            name="organisation"
            label={t("people.organisation")}
            autoComplete="organization"
            error={error}
            optional
          />
          {event.registrationEmail !== "off" && (
            <TextField
              name="email"
              type="email"
              label={t("people.email")}
              autoComplete="email"
              error={error}
              optional={event.registrationEmail === "optional"}
              required={event.registrationEmail === "required"}
            />
          )}
          {!event.isPublic && <TextField name="code" label={t("walls.joinCode")} error={error} required />}
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t("events.registerButton")}
            </button>
          </div>
        </Form>
        <Form method="post" className="stack" aria-labelledby="join-title">
          <h3 id="join-title">{t("events.joinWithCode")}</h3>
          <input type="hidden" name="intent" value="join" />
          <div className="field">
            <label htmlFor="join-code">{t("walls.joinCode")}</label>
            <input
              id="join-code"
              name="code"
              className="text-input"
              autoComplete="off"
              required
              aria-invalid={fieldError(error, "code") ? true : undefined}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button-secondary">
              {t("walls.join")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

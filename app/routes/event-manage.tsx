import { Form, redirect } from "react-router";
import { instantToHelsinki } from "../../src/core/dates.ts";
import { AppError } from "../../src/http/errors.ts";
import { agendaItemKinds } from "../../src/modules/events/constants.ts";
import { EventFields, eventFormInput } from "../ui/events/EventFields.tsx";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { loadEvent } from "../web/event-loader.server.ts";
import type { Route } from "./+types/event-manage";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  const detail = await loadEvent(context, params.slug);
  if (!detail.canManage) return load(() => Promise.reject(new AppError("FORBIDDEN")));
  return { ...detail, series: await context.services.events.listSeries() };
}

/** "Name, title, organisation" per line → speakers. */
const speakersOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.split(",").map((part) => part.trim()))
    .filter(([name]) => name)
    .map(([name = "", title = "", ...organisation]) => ({ name, title, organisation: organisation.join(", ") }));

/** "30 | Instructions" per line → steps. */
const stepsOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [minutes, ...rest] = line.split("|");
      return { minutes: Number(minutes?.trim()), instructions: rest.join("|").trim() };
    });

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const fields = fieldsOf(form);
  const { services, caller } = context;
  return attempt(caller.locale, async () => {
    const { event } = await services.events.getBySlug(caller, params.slug);
    switch (fields.intent) {
      case "event":
        await services.events.update(caller, event.id, eventFormInput(form));
        return { saved: "event" };
      case "agenda":
        await services.events.addAgendaItem(caller, event.id, {
          ...fields,
          speakers: speakersOf(fields.speakers ?? ""),
        });
        return { saved: "agenda" };
      case "removeAgenda":
        await services.events.removeAgendaItem(caller, fields.itemId ?? "");
        return { saved: "agenda" };
      case "workshop":
        await services.events.addWorkshop(caller, event.id, {
          title: fields.title,
          assignment: fields.assignment,
          steps: stepsOf(fields.steps ?? ""),
          groups: (fields.groups ?? "")
            .split("\n")
            .map((g) => g.trim())
            .filter(Boolean),
        });
        return { saved: "workshop" };
      case "summary":
        await services.events.publishSummary(caller, event.id, {
          summary: fields.summary ?? "",
          publish: fields.publish ?? "false",
        });
        return redirect(`/e/${params.slug}`);
      default:
        throw new AppError("MALFORMED_BODY");
    }
  });
}

export default function ManageEvent({ loaderData, actionData }: Route.ComponentProps) {
  const { t, time } = useI18n();
  const { event, agenda, workshops, series } = loaderData;
  const error = errorOf(actionData);
  const saved = actionData && "saved" in actionData ? actionData.saved : null;
  const start = instantToHelsinki(new Date(event.startsAt));
  const end = instantToHelsinki(new Date(event.endsAt));
  return (
    <div className="stack">
      <title>{`${t("events.manage")}: ${event.title} – ${t("app.name")}`}</title>
      <p>
        <a href={`/e/${event.slug}`}>← {event.title}</a>
      </p>
      <h1>{t("events.manageTitle", { title: event.title })}</h1>
      {saved && <Notice>{t("people.saved")}</Notice>}
      <ErrorSummary error={error} />

      <section aria-labelledby="agenda-edit" className="stack">
        <h2 id="agenda-edit">{t("events.agenda")}</h2>
        {agenda.length > 0 && (
          <ul className="plain-list">
            {agenda.map((item) => (
              <li key={item.id} className="agenda-edit-row">
                <span>
                  {time(item.startsAt)} {item.title}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="removeAgenda" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" className="post-button">
                    {t("events.remove")} <span className="visually-hidden">{item.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="stack narrow" aria-labelledby="agenda-add">
          <h3 id="agenda-add">{t("events.addItem")}</h3>
          <input type="hidden" name="intent" value="agenda" />
          <div className="field">
            <label htmlFor="agenda-time">{t("events.time")}</label>
            <input id="agenda-time" name="time" type="time" className="text-input" required />
          </div>
          <fieldset className="choice">
            <legend>{t("events.itemKind")}</legend>
            {agendaItemKinds.map((k) => (
              <label key={k} className="choice-option">
                <input type="radio" name="kind" value={k} defaultChecked={k === "item"} /> {t(`events.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <TextField id="agenda-title" name="title" label={t("events.item")} required />
          <TextArea id="agenda-description" name="description" label={t("events.form.description")} optional rows={2} />
          <TextArea
            id="agenda-speakers"
            name="speakers"
            label={t("events.speakers")}
            hint={t("events.speakersHint")}
            optional
            rows={3}
          />
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t("events.addItem")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="workshop-add" className="stack narrow">
        <h2 id="workshop-add">{t("events.addWorkshop")}</h2>
        {workshops.length > 0 && (
          <ul className="plain-list">
            {workshops.map((w) => (
              <li key={w.id}>
                <a href={`/e/${event.slug}/workshops/${w.id}`}>{w.title}</a>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="workshop" />
          <TextField id="workshop-title" name="title" label={t("events.workshopTitle")} required />
          <TextArea id="workshop-assignment" name="assignment" label={t("events.assignment")} rows={3} />
          <TextArea
            id="workshop-steps"
            name="steps"
            label={t("events.steps")}
            hint={t("events.stepsHint")}
            required
            rows={4}
          />
          <TextArea
            id="workshop-groups"
            name="groups"
            label={t("events.groups")}
            hint={t("events.groupsHint")}
            optional
            rows={4}
          />
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t("events.addWorkshop")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="summary-edit" className="stack narrow">
        <h2 id="summary-edit">{t("events.summary")}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="summary" />
          <TextArea
            id="summary-text"
            name="summary"
            label={t("events.summaryText")}
            hint={t("events.summaryHint")}
            rows={6}
            defaultValue={event.summaryDraft ?? ""}
          />
          <label className="choice-option">
            <input type="hidden" name="publish" value="false" />
            <input type="checkbox" name="publish" value="true" defaultChecked={Boolean(event.summaryPublishedAt)} />{" "}
            {t("events.publishSummary")}
          </label>
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t("walls.save")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="event-edit" className="stack narrow">
        <h2 id="event-edit">{t("events.details")}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="event" />
          <EventFields
            error={error}
            series={series}
            values={{ ...event, date: start.date, startTime: start.time, endTime: end.time, joinCode: event.joinCode }}
          />
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t("walls.save")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

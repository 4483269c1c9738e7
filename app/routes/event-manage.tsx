import { Form, redirect } from "react-router";
import { instantToHelsinki } from "../../src/core/dates.ts";
import { AppError } from "../../src/core/errors.ts";
import { agendaItemKinds } from "../../src/modules/events/constants.ts";
import { EventFields, eventFormInput } from "../ui/events/EventFields.tsx";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { FieldGroup } from "../ui/kit/FieldGroup.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { loadEvent } from "../web/event-loader.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/event-manage";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  const detail = await loadEvent(context, params.slug);
  if (!detail.canManage) return load(() => Promise.reject(new AppError("FORBIDDEN")));
  return { ...detail, series: await context.services.events.listSeries(context.caller) };
}

/** "Name, title, organisation" per line → speakers. */
const speakersOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.split(",").map((part) => part.trim()))
    .filter(([name]) => name)
    .map(([name = "", title = "", ...organisation]) => ({ name, title, organisation: organisation.join(", ") }));

/**
 * The page's forms: each has its own field id prefix (FieldIdScope), so the
 * error summary of a refused submission links to that form's own fields (the
 * agenda's title, not the event's). The event's own form keeps plain
 * `field-<name>` ids, as on the page that creates events.
 */
const formPrefixes = {
  event: undefined,
  agenda: "agenda",
  removeAgenda: undefined,
  workshop: "workshop",
  summary: "summary",
};
type Intent = keyof typeof formPrefixes;
const isIntent = (value: string | undefined): value is Intent =>
  value !== undefined && Object.hasOwn(formPrefixes, value);

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
  const intent = isIntent(fields.intent) ? fields.intent : "event";
  return attemptForm(caller.locale, intent, async () => {
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
  const failed = failedIntent(actionData);
  const errorFor = (intent: Intent) => (failed === intent ? error : undefined);
  const saved = actionData && "saved" in actionData ? actionData.saved : null;
  const start = instantToHelsinki(new Date(event.startsAt));
  const end = instantToHelsinki(new Date(event.endsAt));
  return (
    <div className="stack">
      <title>{`${t("events.manage")}: ${event.title} – ${t("app.name")}`}</title>
      <p>
        <a href={`/e/${event.slug}`}>← {event.title}</a>
      </p>
      <PageTitle>{t("events.manageTitle", { title: event.title })}</PageTitle>
      {saved && <Notice>{t("people.saved")}</Notice>}
      <ErrorSummary error={error} idPrefix={isIntent(failed) ? formPrefixes[failed] : undefined} />

      <section aria-labelledby="agenda-edit" className="stack">
        <Heading level={2} id="agenda-edit">
          {t("events.agenda")}
        </Heading>
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
                  <Button variant="secondary">
                    {t("events.remove")} <span className="visually-hidden">{item.title}</span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <FieldIdScope prefix="agenda">
          <Form method="post" className="stack narrow" aria-labelledby="agenda-add">
            <Heading level={3} id="agenda-add">
              {t("events.addItem")}
            </Heading>
            <input type="hidden" name="intent" value="agenda" />
            <Field name="time" label={t("events.time")} error={errorFor("agenda")} required>
              <input type="time" className="text-input" />
            </Field>
            <FieldGroup name="kind" legend={t("events.itemKind")} error={errorFor("agenda")}>
              {agendaItemKinds.map((k) => (
                <label key={k} className="choice-option">
                  <input type="radio" name="kind" value={k} defaultChecked={k === "item"} /> {t(`events.kind.${k}`)}
                </label>
              ))}
            </FieldGroup>
            <TextField name="title" label={t("events.item")} error={errorFor("agenda")} required />
            <TextArea
              name="description"
              label={t("events.form.description")}
              error={errorFor("agenda")}
              optional
              rows={2}
            />
            <TextArea
              name="speakers"
              label={t("events.speakers")}
              hint={t("events.speakersHint")}
              error={errorFor("agenda")}
              optional
              rows={3}
            />
            <div className="form-actions">
              <Button>{t("events.addItem")}</Button>
            </div>
          </Form>
        </FieldIdScope>
      </section>

      <section aria-labelledby="workshop-add" className="stack narrow">
        <Heading level={2} id="workshop-add">
          {t("events.addWorkshop")}
        </Heading>
        {workshops.length > 0 && (
          <ul className="plain-list">
            {workshops.map((w) => (
              <li key={w.id}>
                <a href={`/e/${event.slug}/workshops/${w.id}`}>{w.title}</a>
              </li>
            ))}
          </ul>
        )}
        <FieldIdScope prefix="workshop">
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="workshop" />
            <TextField name="title" label={t("events.workshopTitle")} error={errorFor("workshop")} required />
            <TextArea name="assignment" label={t("events.assignment")} error={errorFor("workshop")} rows={3} />
            <TextArea
              name="steps"
              label={t("events.steps")}
              hint={t("events.stepsHint")}
              error={errorFor("workshop")}
              required
              rows={4}
            />
            <TextArea
              name="groups"
              label={t("events.groups")}
              hint={t("events.groupsHint")}
              error={errorFor("workshop")}
              optional
              rows={4}
            />
            <div className="form-actions">
              <Button>{t("events.addWorkshop")}</Button>
            </div>
          </Form>
        </FieldIdScope>
      </section>

      <section aria-labelledby="summary-edit" className="stack narrow">
        <Heading level={2} id="summary-edit">
          {t("events.summary")}
        </Heading>
        <FieldIdScope prefix="summary">
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="summary" />
            <TextArea
              name="summary"
              label={t("events.summaryText")}
              hint={t("events.summaryHint")}
              error={errorFor("summary")}
              rows={6}
              defaultValue={event.summaryDraft ?? ""}
            />
            <label className="choice-option">
              <input type="hidden" name="publish" value="false" />
              <input type="checkbox" name="publish" value="true" defaultChecked={Boolean(event.summaryPublishedAt)} />{" "}
              {t("events.publishSummary")}
            </label>
            <div className="form-actions">
              <Button>{t("walls.save")}</Button>
            </div>
          </Form>
        </FieldIdScope>
      </section>

      <section aria-labelledby="event-edit" className="stack narrow">
        <Heading level={2} id="event-edit">
          {t("events.details")}
        </Heading>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="event" />
          <EventFields
            error={errorFor("event")}
            series={series}
            values={{ ...event, date: start.date, startTime: start.time, endTime: end.time, joinCode: event.joinCode }}
          />
          <div className="form-actions">
            <Button>{t("walls.save")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}

import { Form, redirect } from "react-router";
import { locales } from "../../src/i18n/locale.ts";
import { presentTimeline } from "../../src/modules/programme/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { DateField } from "../ui/groups/DateField.tsx";
import { deadlineLabel, useDay, useLocalised } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, load, requireSignIn } from "../web/actions.server.ts";
import { nestFields } from "../web/groups.server.ts";
import type { Route } from "./+types/timeline";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  const query = new URL(request.url).searchParams;
  return load(async () => ({
    ...presentTimeline(await context.services.timeline.get(context.caller)),
    editing: query.get("phase"),
    saved: query.has("saved"),
  }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const { intent, phaseId, milestoneId, ...fields } = nestFields(await request.formData()) as Record<string, string>;
  const { caller, services } = context;
  return attempt(caller.locale, async () => {
    switch (intent) {
      case "milestone":
        await services.timeline.addMilestone(caller, { ...fields, phaseId });
        return { done: intent };
      case "remove-milestone":
        await services.timeline.removeMilestone(caller, milestoneId ?? "");
        return { done: intent };
      default:
        if (phaseId) await services.timeline.updatePhase(caller, phaseId, fields);
        else await services.timeline.createPhase(caller, fields);
        return redirect("/timeline?saved=1");
    }
  });
}

export default function Timeline({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const day = useDay();
  const localised = useLocalised();
  const { phases, entries, canManage, editing, saved } = loaderData;
  const error = errorOf(actionData);
  const phaseName = (id: string | null) =>
    localised(phases.find((p) => p.id === id)?.name ?? { fi: "", sv: "", en: "" });
  const edited = editing === "new" ? null : phases.find((p) => p.id === editing);
  return (
    <div className="stack">
      <title>{`${t("groups.timeline.title")} – ${t("app.name")}`}</title>
      <p>
        <a href="/groups">← {t("groups.title")}</a>
      </p>
      <h1>{t("groups.timeline.title")}</h1>
      <p className="lead">{t("groups.timeline.lead")}</p>
      {((actionData && "done" in actionData) || saved) && <Notice>{t("groups.timeline.saved")}</Notice>}
      <ErrorSummary error={error} />

      <section aria-labelledby="entries-title">
        <h2 id="entries-title">{t("groups.timeline.entries")}</h2>
        {entries.length === 0 ? (
          <p>{t("groups.timeline.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">{t("groups.timeline.date")}</th>
                  <th scope="col">{t("groups.timeline.kind")}</th>
                  <th scope="col">{t("groups.timeline.what")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={`${e.kind}-${e.id}`}>
                    <td data-label={t("groups.timeline.date")}>{day(e.date)}</td>
                    <td data-label={t("groups.timeline.kind")}>{t(`groups.timeline.kind.${e.kind}`)}</td>
                    <td data-label={t("groups.timeline.what")}>
                      {e.kind === "phase" && (
                        <>
                          <strong>{localised(e.name)}</strong>
                          {e.endsOn && <> ({t("groups.timeline.until", { date: day(e.endsOn) })})</>}
                        </>
                      )}
                      {e.kind === "milestone" && (
                        <>
                          <strong>{e.title}</strong>
                          {e.phaseId && <span className="muted"> · {phaseName(e.phaseId)}</span>}
                          {e.description && <p className="keep-lines">{e.description}</p>}
                          {canManage && (
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="intent" value="remove-milestone" />
                              <input type="hidden" name="milestoneId" value={e.id} />
                              <button type="submit" className="button-secondary">
                                {t("groups.timeline.removeMilestone")}
                                <span className="visually-hidden">: {e.title}</span>
                              </button>
                            </Form>
                          )}
                        </>
                      )}
                      {e.kind === "deadline" && (
                        <>
                          <strong>{deadlineLabel(t, e.deadlineKind, e.label)}</strong>:{" "}
                          <a href={`/d/${e.deliverable.id}`}>{e.deliverable.title}</a>{" "}
                          <span className="muted">
                            · {e.group.name}
                            {e.done && <> · {t("groups.done")}</>}
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="phases-title">
        <h2 id="phases-title">{t("groups.timeline.phases")}</h2>
        <div className="table-wrap">
          <table className="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("groups.timeline.phase")}</th>
                <th scope="col">{t("groups.timeline.starts")}</th>
                <th scope="col">{t("groups.timeline.ends")}</th>
              </tr>
            </thead>
            <tbody>
              {phases.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("groups.timeline.phase")}>
                    <strong>
                      {p.position}. {localised(p.name)}
                    </strong>
                    {localised(p.description) && <p>{localised(p.description)}</p>}
                    {canManage && (
                      <a href={`/timeline?phase=${p.id}#phase-form`}>
                        {t("groups.timeline.editPhase")}
                        <span className="visually-hidden">: {localised(p.name)}</span>
                      </a>
                    )}
                  </td>
                  <td data-label={t("groups.timeline.starts")}>
                    {p.startsOn ? day(p.startsOn) : t("groups.timeline.undecided")}
                  </td>
                  <td data-label={t("groups.timeline.ends")}>
                    {p.endsOn ? day(p.endsOn) : t("groups.timeline.undecided")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {canManage && (
        <section aria-labelledby="manage-title" className="stack">
          <h2 id="manage-title">{t("groups.timeline.manage")}</h2>
          <Form method="post" className="narrow stack" key={entries.length}>
            <h3>{t("groups.timeline.addMilestone")}</h3>
            <input type="hidden" name="intent" value="milestone" />
            <TextField name="title" label={t("groups.timeline.milestoneTitle")} error={error} required />
            <DateField name="dueOn" label={t("groups.dueOn")} error={fieldError(error, "dueOn")} />
            <Select
              name="phaseId"
              label={t("groups.timeline.phase")}
              options={[
                { value: "", label: t("groups.timeline.noPhase") },
                ...phases.map((p) => ({ value: p.id, label: localised(p.name) })),
              ]}
            />
            <TextArea
              name="description"
              label={t("groups.timeline.milestoneDescription")}
              rows={2}
              error={error}
              optional
            />
            <div className="form-actions">
              <button type="submit" className="button-primary">
                {t("groups.timeline.addMilestone")}
              </button>
            </div>
          </Form>

          {editing ? (
            <Form method="post" className="narrow stack" id="phase-form" key={editing}>
              <h3>
                {edited
                  ? `${t("groups.timeline.editPhase")}: ${localised(edited.name)}`
                  : t("groups.timeline.newPhase")}
              </h3>
              <input type="hidden" name="intent" value="phase" />
              {edited && <input type="hidden" name="phaseId" value={edited.id} />}
              {locales.map((l) => (
                <TextField
                  key={`name-${l}`}
                  name={`name.${l}`}
                  label={t("groups.templates.nameIn", { language: t(`groups.in.${l}`) })}
                  defaultValue={edited?.name[l] ?? ""}
                  error={error}
                  optional={l !== "fi"}
                  required={l === "fi"}
                />
              ))}
              <DateField
                name="startsOn"
                label={t("groups.timeline.starts")}
                defaultValue={edited?.startsOn ?? ""}
                error={fieldError(error, "startsOn")}
                optional
              />
              <DateField
                name="endsOn"
                label={t("groups.timeline.ends")}
                defaultValue={edited?.endsOn ?? ""}
                error={fieldError(error, "endsOn")}
                optional
              />
              {locales.map((l) => (
                <TextArea
                  key={`description-${l}`}
                  name={`description.${l}`}
                  label={t("groups.templates.descriptionIn", { language: t(`groups.in.${l}`) })}
                  defaultValue={edited?.description[l] ?? ""}
                  rows={2}
                  error={error}
                  optional
                />
              ))}
              <div className="form-actions">
                <button type="submit" className="button-primary">
                  {edited ? t("groups.timeline.savePhase") : t("groups.timeline.createPhase")}
                </button>
              </div>
            </Form>
          ) : (
            <p>
              <a href="/timeline?phase=new#phase-form">{t("groups.timeline.newPhase")}</a>
            </p>
          )}
        </section>
      )}
    </div>
  );
}

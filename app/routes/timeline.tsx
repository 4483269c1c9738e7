import { Form, redirect } from "react-router";
import { locales } from "../../src/i18n/locale.ts";
import { presentTimeline } from "../../src/modules/programme/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { DateField } from "../ui/groups/DateField.tsx";
import { deadlineLabel, useDay, useLocalised } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
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
  const entryColumns: DataTableColumn<(typeof entries)[number]>[] = [
    { key: "date", header: t("groups.timeline.date"), cell: (e) => day(e.date) },
    { key: "kind", header: t("groups.timeline.kind"), cell: (e) => t(`groups.timeline.kind.${e.kind}`) },
    {
      key: "what",
      header: t("groups.timeline.what"),
      cell: (e) => (
        <>
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
                  <Button variant="secondary">
                    {t("groups.timeline.removeMilestone")}
                    <span className="visually-hidden">: {e.title}</span>
                  </Button>
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
        </>
      ),
    },
  ];
  const phaseColumns: DataTableColumn<(typeof phases)[number]>[] = [
    {
      key: "phase",
      header: t("groups.timeline.phase"),
      cell: (p) => (
        <>
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
        </>
      ),
    },
    {
      key: "starts",
      header: t("groups.timeline.starts"),
      cell: (p) => (p.startsOn ? day(p.startsOn) : t("groups.timeline.undecided")),
    },
    {
      key: "ends",
      header: t("groups.timeline.ends"),
      cell: (p) => (p.endsOn ? day(p.endsOn) : t("groups.timeline.undecided")),
    },
  ];
  return (
    <div className="stack">
      <title>{`${t("groups.timeline.title")} – ${t("app.name")}`}</title>
      <p>
        <a href="/groups">← {t("groups.title")}</a>
      </p>
      <PageTitle lead={t("groups.timeline.lead")}>{t("groups.timeline.title")}</PageTitle>
      {((actionData && "done" in actionData) || saved) && <Notice>{t("groups.timeline.saved")}</Notice>}
      <ErrorSummary error={error} />

      <section aria-labelledby="entries-title">
        <Heading level={2} id="entries-title">
          {t("groups.timeline.entries")}
        </Heading>
        <DataTable
          caption={t("groups.timeline.entries")}
          captionHidden
          rowHeader
          columns={entryColumns}
          rows={entries}
          rowKey={(e) => `${e.kind}-${e.id}`}
          emptyText={t("groups.timeline.none")}
        />
      </section>

      <section aria-labelledby="phases-title">
        <Heading level={2} id="phases-title">
          {t("groups.timeline.phases")}
        </Heading>
        <DataTable
          caption={t("groups.timeline.phases")}
          captionHidden
          rowHeader
          columns={phaseColumns}
          rows={phases}
          rowKey={(p) => p.id}
          emptyText={t("groups.timeline.none")}
        />
      </section>

      {canManage && (
        <section aria-labelledby="manage-title" className="stack">
          <Heading level={2} id="manage-title">
            {t("groups.timeline.manage")}
          </Heading>
          <Form method="post" className="narrow stack" key={entries.length}>
            <Heading level={3}>{t("groups.timeline.addMilestone")}</Heading>
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
              <Button>{t("groups.timeline.addMilestone")}</Button>
            </div>
          </Form>

          {editing ? (
            <Form method="post" className="narrow stack" id="phase-form" key={editing}>
              <Heading level={3}>
                {edited
                  ? `${t("groups.timeline.editPhase")}: ${localised(edited.name)}`
                  : t("groups.timeline.newPhase")}
              </Heading>
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
                <Button>{edited ? t("groups.timeline.savePhase") : t("groups.timeline.createPhase")}</Button>
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

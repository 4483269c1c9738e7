import { Form } from "react-router";
import { presentDeliverable } from "../../src/modules/deliverables/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { DateField } from "../ui/groups/DateField.tsx";
import { deadlineKindOptions, deadlineLabel, StatusTag, useDay } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields } from "../web/actions.server.ts";
import { loadOrSignIn } from "../web/groups.server.ts";
import type { Route } from "./+types/deliverable";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOrSignIn(request, async () =>
    presentDeliverable(await context.services.deliverables.get(context.caller, params.id)),
  );
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { intent, ...fields } = await formFields(request);
  const { caller, services } = context;
  return attempt(caller.locale, async () => {
    switch (intent) {
      case "status":
        await services.deliverables.transition(caller, params.id, fields);
        return { done: intent };
      case "deadline":
        await services.deliverables.addDeadline(caller, params.id, fields);
        return { done: intent };
      case "deadline-done":
      case "deadline-open":
        await services.deliverables.setDeadlineDone(caller, fields.deadlineId ?? "", {
          done: intent === "deadline-done",
        });
        return { done: intent };
      case "deadline-remove":
        await services.deliverables.removeDeadline(caller, fields.deadlineId ?? "");
        return { done: intent };
      default:
        await services.deliverables.update(caller, params.id, { ...fields, isPublic: fields.isPublic ?? "false" });
        return { done: "settings" };
    }
  });
}

export default function Deliverable({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const day = useDay();
  const { deliverable, group, sections, deadlines, history, transitions, canWork, canManage, editable } = loaderData;
  const error = errorOf(actionData);
  const done = actionData && "done" in actionData ? actionData.done : null;
  const deadlineColumns: DataTableColumn<(typeof deadlines)[number]>[] = [
    { key: "dueOn", header: t("groups.dueOn"), cell: (d) => day(d.dueOn) },
    { key: "kind", header: t("groups.deadlineKind"), cell: (d) => deadlineLabel(t, d.kind, d.label) },
    {
      key: "state",
      header: t("groups.deadlineState"),
      cell: (d) => (
        <>
          {d.completedAt ? (
            t("groups.done")
          ) : d.overdue ? (
            <strong className="overdue-tag">{t("groups.overdue")}</strong>
          ) : (
            t("groups.open")
          )}
          {canWork && (
            <Form method="post" className="inline-form">
              <input type="hidden" name="deadlineId" value={d.id} />
              <Button variant="secondary" name="intent" value={d.completedAt ? "deadline-open" : "deadline-done"}>
                {t(d.completedAt ? "groups.reopen" : "groups.markDone")}
                <span className="visually-hidden">: {deadlineLabel(t, d.kind, d.label)}</span>
              </Button>
              <Button variant="secondary" name="intent" value="deadline-remove">
                {t("groups.removeDeadline")}
                <span className="visually-hidden">: {deadlineLabel(t, d.kind, d.label)}</span>
              </Button>
            </Form>
          )}
        </>
      ),
    },
  ];
  return (
    <div className="stack">
      <title>{`${deliverable.title} – ${t("app.name")}`}</title>
      <p>
        <a href={`/groups/${group.slug}`}>← {group.name}</a>
      </p>
      <PageTitle>
        <span lang={deliverable.locale}>{deliverable.title}</span>
      </PageTitle>
      <p>
        {t("groups.ofGroup", { name: group.name })} · <StatusTag status={deliverable.status} />
      </p>
      <section aria-labelledby="export-title">
        <Heading level={2} id="export-title" className="h-small">
          {t("groups.export")}
        </Heading>
        <ul className="link-list">
          <li>
            <a href={`/d/${deliverable.id}/export.docx`} download>
              {t("groups.exportDocx")}
            </a>
          </li>
          <li>
            <a href={`/d/${deliverable.id}/export.pptx`} download>
              {t("groups.exportPptx")}
            </a>
          </li>
        </ul>
      </section>
      {done === "settings" && <Notice>{t("groups.saved")}</Notice>}
      <ErrorSummary error={error} />
      {canWork && !editable && <Notice>{t("groups.notEditableNotice")}</Notice>}

      {canWork && (
        <section aria-labelledby="status-title" className="stack">
          <Heading level={2} id="status-title">
            {t("groups.statusTitle")}
          </Heading>
          <p>{t("groups.currentStatus", { status: t(`groups.status.${deliverable.status}`) })}</p>
          {transitions.length > 0 && (
            <Form method="post" className="narrow stack">
              <input type="hidden" name="intent" value="status" />
              <TextArea
                name="comment"
                label={t("groups.statusComment")}
                hint={t("groups.statusCommentHint")}
                rows={2}
                error={error}
                optional
              />
              <div className="form-actions">
                {transitions.map((to) => (
                  <Button
                    variant={to === "returned" || to === "draft" ? "secondary" : "primary"}
                    key={to}
                    name="to"
                    value={to}
                  >
                    {t(`groups.transition.${to}`)}
                  </Button>
                ))}
              </div>
            </Form>
          )}
          {history.length > 0 && (
            <>
              <Heading level={3}>{t("groups.statusHistory")}</Heading>
              <ol className="history-list">
                {history.map((h) => (
                  <li key={`${h.at.toString()}-${h.to}`}>
                    <strong>
                      {t("groups.statusChanged", {
                        from: t(`groups.status.${h.from}`),
                        to: t(`groups.status.${h.to}`),
                      })}
                    </strong>{" "}
                    <span className="muted">{t("groups.byAt", { name: h.actorName, time: dateTime(h.at) })}</span>
                    {h.comment && <p className="keep-lines">{h.comment}</p>}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="deadlines-title" className="stack">
        <Heading level={2} id="deadlines-title">
          {t("groups.deadlines")}
        </Heading>
        <DataTable
          caption={t("groups.deadlines")}
          captionHidden
          rowHeader
          columns={deadlineColumns}
          rows={deadlines}
          rowKey={(d) => d.id}
          emptyText={t("groups.noDeadlines")}
        />
        {canWork && (
          <Form method="post" className="narrow stack" key={done === "deadline" ? deadlines.length : "deadline"}>
            <Heading level={3}>{t("groups.addDeadline")}</Heading>
            <input type="hidden" name="intent" value="deadline" />
            <Select
              name="kind"
              label={t("groups.deadlineKind")}
              options={deadlineKindOptions(t)}
              error={fieldError(error, "kind")}
            />
            <TextField name="label" label={t("groups.deadlineLabel")} error={error} optional />
            <DateField name="dueOn" label={t("groups.dueOn")} error={fieldError(error, "dueOn")} />
            <div className="form-actions">
              <Button>{t("groups.addDeadline")}</Button>
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="sections-title" className="stack">
        <Heading level={2} id="sections-title">
          {t("groups.sections")}
        </Heading>
        <nav aria-labelledby="contents-title">
          <Heading level={3} id="contents-title" className="h-small">
            {t("groups.contents")}
          </Heading>
          <ol className="contents" lang={deliverable.locale}>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`#section-${s.position}`}>{s.title}</a>
              </li>
            ))}
          </ol>
        </nav>
        {sections.map((s) => (
          <article
            key={s.id}
            id={`section-${s.position}`}
            className="deliverable-section"
            aria-labelledby={`s-${s.id}`}
          >
            <Heading level={3} id={`s-${s.id}`} lang={deliverable.locale}>
              {t("groups.sectionHeading", { number: s.position, title: s.title })}
            </Heading>
            {canWork && s.guidance && (
              <details className="guidance">
                <summary>{t("groups.guidance")}</summary>
                <p lang={deliverable.locale}>{s.guidance}</p>
              </details>
            )}
            {s.html ? (
              <SanitisedHtml html={s.html} className="section-body" />
            ) : (
              <p className="muted">{t("groups.emptySection")}</p>
            )}
            {canWork && (
              <p className="section-meta">
                {s.updatedByName && s.updatedAt && (
                  <span className="muted">
                    {t("groups.lastEdit", { name: s.updatedByName, time: dateTime(s.updatedAt) })} ·{" "}
                  </span>
                )}
                <span className="muted">{t("groups.commentCount", { count: s.commentCount })}</span> ·{" "}
                <a href={`/d/${deliverable.id}/s/${s.id}`}>
                  {t(editable ? "groups.writeSection" : "groups.openSection")}
                  <span className="visually-hidden">: {s.title}</span>
                </a>
              </p>
            )}
          </article>
        ))}
      </section>

      {canManage && (
        <section aria-labelledby="settings-title" className="narrow stack">
          <Heading level={2} id="settings-title">
            {t("groups.deliverableSettings")}
          </Heading>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="settings" />
            <TextField
              name="title"
              label={t("groups.deliverableTitle")}
              defaultValue={deliverable.title}
              error={error}
              required
            />
            <label className="choice-option">
              <input type="checkbox" name="isPublic" value="true" defaultChecked={deliverable.isPublic} />{" "}
              {t("groups.deliverableIsPublic")}
            </label>
            <div className="form-actions">
              <Button>{t("groups.save")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}

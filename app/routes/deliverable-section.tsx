import { data, Form } from "react-router";
import { AppError, isAppError } from "../../src/core/errors.ts";
import { type ErrorBody, errorBody } from "../../src/http/respond-error.ts";
import { isSectionConflict, type SectionCurrent } from "../../src/modules/deliverables/conflict.ts";
import { sectionBodyMaxLength } from "../../src/modules/deliverables/constants.ts";
import { presentSectionDetail } from "../../src/modules/deliverables/presenters.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { StatusTag } from "../ui/groups/labels.tsx";
import { VersionCompareForm } from "../ui/groups/VersionCompareForm.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { TextArea } from "../ui/TextArea.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/deliverable-section";

type ConflictData = { error: ErrorBody; conflict: SectionCurrent; draft: string };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => {
    const detail = await context.services.deliverables.section(context.caller, params.sectionId);
    if (detail.deliverable.id !== params.id) throw new AppError("NOT_FOUND");
    return presentSectionDetail(detail);
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { intent, ...fields } = await formFields(request);
  const { caller, services } = context;
  if (intent === "comment") {
    return attempt(caller.locale, async () => {
      await services.deliverables.comment(caller, params.sectionId, { body: fields.comment ?? "" });
      return { commented: true };
    });
  }
  try {
    const saved = await services.deliverables.saveSection(caller, params.sectionId, fields);
    return { saved: saved.version };
  } catch (error) {
    // Refused: the newer text comes back with the writer's own, which stays in the form.
    if (isSectionConflict(error)) {
      return data<ConflictData>(
        { error: errorBody(error, caller.locale), conflict: error.current, draft: fields.body ?? "" },
        { status: 409 },
      );
    }
    if (isAppError(error)) return data({ error: errorBody(error, caller.locale) }, { status: error.status });
    throw error;
  }
}

export default function DeliverableSection({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { deliverable, group, section, versions, comments, editable, previous, next } = loaderData;
  const error = errorOf(actionData);
  // One of: a save's version, a sent comment, an error, or a refused save with the newer text and the writer's own.
  const result = actionData as Partial<ConflictData & { saved: number; commented: boolean }> | undefined;
  const conflict = result?.conflict ?? null;
  const draft = result?.draft ?? null;
  const savedVersion = result?.saved ?? null;
  const commented = result?.commented === true;
  const heading = t("groups.sectionHeading", { number: section.position, title: section.title });
  const base = conflict ? conflict.version : section.version;
  return (
    <div className="stack">
      <title>{`${heading} – ${deliverable.title} – ${t("app.name")}`}</title>
      <p>
        <a href={`/d/${deliverable.id}#section-${section.position}`}>
          ← {t("groups.backTo", { title: deliverable.title })}
        </a>
      </p>
      <PageTitle>
        <span lang={deliverable.locale}>{heading}</span>
      </PageTitle>
      <p>
        {group.name} · <StatusTag status={deliverable.status} /> ·{" "}
        {section.version > 0 && section.updatedByName && section.updatedAt
          ? t("groups.lastEdit", { name: section.updatedByName, time: dateTime(section.updatedAt) })
          : t("groups.noVersions")}
      </p>
      {savedVersion !== null && <Notice>{t("groups.sectionSaved", { version: savedVersion })}</Notice>}
      <ErrorSummary error={error} labels={{ body: t("groups.sectionText"), comment: t("groups.writeComment") }} />

      <div className="section-workspace">
        {section.guidance && (
          <aside className="guidance-panel" aria-labelledby="guidance-title">
            <Heading level={2} id="guidance-title" className="h-small">
              {t("groups.guidance")}
            </Heading>
            <p id="section-guidance" lang={deliverable.locale}>
              {section.guidance}
            </p>
          </aside>
        )}
        <div className="stack section-editor">
          {conflict && (
            <section className="conflict" aria-labelledby="newer-title">
              <Heading level={2} id="newer-title" className="h-small">
                {t("groups.newerVersion", {
                  version: conflict.version,
                  name: conflict.authorName,
                  time: dateTime(conflict.savedAt),
                })}
              </Heading>
              <pre className="plain-text" lang={deliverable.locale}>
                {conflict.body}
              </pre>
              <p>{t("groups.conflictHint")}</p>
            </section>
          )}
          {editable ? (
            <Form method="post" className="stack" key={`${base}-${conflict ? "conflict" : "saved"}`}>
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="baseVersion" value={base} />
              <TextArea
                name="body"
                label={t("groups.sectionText")}
                hint={t("groups.formatHint")}
                describedBy={section.guidance ? "section-guidance" : undefined}
                defaultValue={draft ?? section.body}
                rows={14}
                maxLength={sectionBodyMaxLength}
                error={error}
              />
              <div className="form-actions">
                <Button>{t("groups.saveSection")}</Button>
              </div>
            </Form>
          ) : (
            <>
              <Notice>{t("groups.notEditableNotice")}</Notice>
              {section.html ? (
                <SanitisedHtml html={section.html} className="section-body" />
              ) : (
                <p className="muted">{t("groups.emptySection")}</p>
              )}
            </>
          )}
        </div>
      </div>

      <section aria-labelledby="versions-title" className="stack">
        <Heading level={2} id="versions-title">
          {t("groups.versions")}
        </Heading>
        {versions.length === 0 ? (
          <p>{t("groups.noVersions")}</p>
        ) : (
          <>
            <ol className="history-list" reversed>
              {versions.map((v) => (
                <li key={v.version}>
                  <strong>{t("groups.version", { version: v.version })}</strong>{" "}
                  <span className="muted">{t("groups.byAt", { name: v.authorName, time: dateTime(v.savedAt) })}</span>
                </li>
              ))}
            </ol>
            <VersionCompareForm
              action={`/d/${deliverable.id}/s/${section.id}/history`}
              versions={versions}
              from={Math.max(0, (versions[0]?.version ?? 1) - 1)}
              to={versions[0]?.version ?? 0}
            />
          </>
        )}
      </section>

      <section aria-labelledby="comments-title" className="stack">
        <Heading level={2} id="comments-title">
          {t("groups.comments")}
        </Heading>
        {comments.length === 0 ? (
          <p>{t("groups.noComments")}</p>
        ) : (
          <ol className="history-list comments">
            {comments.map((c) => (
              <li key={c.id}>
                <p className="muted">{t("groups.byAt", { name: c.authorName, time: dateTime(c.at) })}</p>
                <SanitisedHtml html={c.html} />
              </li>
            ))}
          </ol>
        )}
        {commented && <Notice>{t("groups.commentSent")}</Notice>}
        <Form method="post" className="narrow stack" key={comments.length}>
          <input type="hidden" name="intent" value="comment" />
          <TextArea name="comment" label={t("groups.writeComment")} rows={3} error={error} />
          <div className="form-actions">
            <Button variant="secondary">{t("groups.sendComment")}</Button>
          </div>
        </Form>
      </section>

      {(previous || next) && (
        <nav aria-label={t("groups.sectionNav")}>
          <ul className="link-list">
            {previous && (
              <li>
                <a href={`/d/${deliverable.id}/s/${previous.id}`}>
                  ← {t("groups.previousSection", { title: `${previous.position}. ${previous.title}` })}
                </a>
              </li>
            )}
            {next && (
              <li>
                <a href={`/d/${deliverable.id}/s/${next.id}`}>
                  {t("groups.nextSection", { title: `${next.position}. ${next.title}` })} →
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}

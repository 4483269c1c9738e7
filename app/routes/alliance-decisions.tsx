import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { phaseNames, positions } from "../../src/modules/alliances/constants.ts";
import { presentAlliance, presentDecisionLogEntry } from "../../src/modules/alliances/presenters.ts";
import { isMultipart, receiveForm } from "../../src/modules/files/multipart.ts";
import { formatFileSize } from "../../src/modules/files/size.ts";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeepingForm } from "../web/alliance-decisions.server.ts";
import type { Route } from "./+types/alliance-decisions";

/**
 * An alliance's decision log: the board's decisions by day with their subject, text, each member's position and
 * party, the parties present, the files (the signed minutes) and the gates they decided. Its managers record a
 * decision (with its file), attach files and decide a phase's gate with a decision here; every form works without
 * JavaScript and a refused one comes back filled in.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => ({
    alliance: presentAlliance(await services.alliances.get(caller, params.id)),
    log: (await services.allianceDecisions.log(caller, params.id)).map(presentDecisionLogEntry),
    uploadLimit: formatFileSize(caller.locale, services.allianceAttachments.uploadMaxBytes),
  }));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  // The forms with a file are read as they stream in, stopping at the upload limit (files/multipart.ts).
  const { fields, file } = isMultipart(request)
    ? await receiveForm(request, {
        fileField: "file",
        maxFileBytes: services.allianceAttachments.uploadMaxBytes,
        tooLarge: () => services.allianceAttachments.tooLarge(caller.locale),
      })
    : { fields: fieldsOf(await request.formData()), file: null };
  const intent = fields.intent ?? "";
  // An attachment's form is one per decision: its refusal is shown at that decision.
  const form = intent === "attach" ? `attach-${fields.decisionId ?? ""}` : intent;
  try {
    return await attemptKeepingForm(caller.locale, form, fields, async () => {
      switch (intent) {
        case "decision": {
          const board = (await services.alliances.get(caller, params.id)).members.filter((m) => m.board);
          // An empty file field sends a file of no bytes: no attachment then.
          await services.allianceDecisions.record(
            caller,
            params.id,
            {
              subject: fields.subject ?? "",
              proposal: fields.proposal ?? "",
              decidedOn: fields.decidedOn ?? "",
              requiresUnanimity: fields.requiresUnanimity === "true",
              made: fields.made === "true",
              positions: board.map((m) => ({
                personId: m.personId,
                position: (fields[`position-${m.personId}`] ?? "") as never,
              })),
            },
            file && file.size > 0 ? file : null,
          );
          return { saved: intent };
        }
        case "attach":
          await services.allianceAttachments.attach(caller, { decisionId: fields.decisionId ?? "" }, file);
          return { saved: intent };
        case "gate":
          await services.allianceGates.decide(caller, params.id, {
            phase: (fields.phase ?? "") as never,
            decisionId: fields.decisionId ?? "",
          });
          return { saved: intent };
        default:
          throw new AppError("MALFORMED_BODY");
      }
    });
  } finally {
    await file?.dispose();
  }
}

export default function AllianceDecisions({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { alliance, log, uploadLimit } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const errorFor = (intent: string) => (failed === intent ? error : undefined);
  const submitted =
    actionData && "submitted" in actionData ? (actionData.submitted as Record<string, string>) : undefined;
  // A refused form's own values; other forms start empty.
  const kept = (intent: string, name: string) => (failed === intent ? submitted?.[name] : undefined);
  const saved = actionData && "saved" in actionData;
  const board = alliance.members.filter((m) => m.board);
  const decidable = alliance.phases.filter((p) => p.gate !== "approved");
  return (
    <div className="stack">
      <title>{`${t("alliances.decisions.title")} – ${alliance.name} – ${t("app.name")}`}</title>
      <PageTitle lead={alliance.name}>{t("alliances.decisions.title")}</PageTitle>
      <p>
        <a href={`/alliances/${alliance.id}`}>{t("alliances.decisions.back")}</a>
      </p>
      {saved && <Notice>{t("alliances.saved")}</Notice>}

      {log.length === 0 && <p>{t("alliances.decisions.none")}</p>}
      <ol className="stack" aria-label={t("alliances.decisions.title")}>
        {log.map((d) => (
          <li key={d.id} id={`decision-${d.id}`} className="stack">
            <article aria-labelledby={`decision-${d.id}-title`} className="stack">
              <Heading level={2} id={`decision-${d.id}-title`}>
                {`${date(d.decidedOn)}${d.subject ? ` – ${d.subject}` : ""}`}
              </Heading>
              <dl>
                <dt>{t("alliances.decision.subject")}</dt>
                <dd>{d.subject || "–"}</dd>
                <dt>{t("alliances.decision.proposal")}</dt>
                <dd style={{ whiteSpace: "pre-line" }}>{d.proposal}</dd>
                <dt>{t("alliances.decision.outcome")}</dt>
                <dd>
                  {t(d.made ? "alliances.decision.made" : "alliances.decision.notMade")}
                  {d.requiresUnanimity && ` (${t("alliances.decision.unanimityRequired")})`}
                </dd>
                <dt>{t("alliances.decision.presentParties")}</dt>
                <dd>{d.partiesPresent.map((p) => p.name).join(", ") || t("alliances.decision.nobodyPresent")}</dd>
                {d.gates.map((g) => (
                  <dd key={g}>{t("alliances.decision.gate", { phase: t(`alliances.phase.${g}`) })}</dd>
                ))}
              </dl>
              <DataTable
                caption={t("alliances.decision.positions")}
                rowHeader
                columns={[
                  { key: "name", header: t("alliances.decision.member"), cell: (p) => p.name },
                  { key: "party", header: t("alliances.decision.party"), cell: (p) => p.partyName ?? "–" },
                  {
                    key: "position",
                    header: t("alliances.decision.outcome"),
                    cell: (p) => t(`alliances.position.${p.position}`),
                  },
                ]}
                rows={d.positions}
                rowKey={(p) => p.personId}
                emptyText="–"
              />
              <Heading level={3} id={`decision-${d.id}-files`}>
                {t("alliances.decision.attachments")}
              </Heading>
              {d.attachments.length === 0 ? (
                <p>{t("alliances.decision.noAttachments")}</p>
              ) : (
                <ul aria-labelledby={`decision-${d.id}-files`}>
                  {d.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={a.downloadUrl} download>
                        {a.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {alliance.canManage && (
                <FieldIdScope prefix={`attach-${d.id}`}>
                  <ErrorSummary error={errorFor(`attach-${d.id}`)} />
                  <Form method="post" encType="multipart/form-data" className="stack">
                    <input type="hidden" name="intent" value="attach" />
                    <input type="hidden" name="decisionId" value={d.id} />
                    <Field
                      name="file"
                      label={t("alliances.decision.attachFile", { date: date(d.decidedOn) })}
                      hint={t("alliances.decision.fileHint", { limit: uploadLimit })}
                      error={errorFor(`attach-${d.id}`)}
                    >
                      <input type="file" accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp" />
                    </Field>
                    <div className="form-actions">
                      <Button variant="secondary">{t("alliances.decision.attach")}</Button>
                    </div>
                  </Form>
                </FieldIdScope>
              )}
            </article>
          </li>
        ))}
      </ol>

      {alliance.canManage && (
        <FieldIdScope prefix="decision">
          <section aria-labelledby="record-decision" className="narrow stack">
            <Heading level={2} id="record-decision">
              {t("alliances.decision.record")}
            </Heading>
            <ErrorSummary error={errorFor("decision")} />
            <Form
              method="post"
              encType="multipart/form-data"
              className="stack"
              aria-labelledby="record-decision"
              key={`${log.length}-${failed === "decision" ? "kept" : "new"}`}
            >
              <input type="hidden" name="intent" value="decision" />
              <TextField
                name="subject"
                label={t("alliances.decision.subject")}
                optional
                defaultValue={kept("decision", "subject")}
                error={errorFor("decision")}
              />
              <TextArea
                name="proposal"
                label={t("alliances.decision.proposal")}
                rows={5}
                defaultValue={kept("decision", "proposal")}
                error={errorFor("decision")}
              />
              <TextField
                name="decidedOn"
                label={t("alliances.decision.date")}
                hint={t("alliances.decision.dateHint")}
                defaultValue={kept("decision", "decidedOn")}
                error={errorFor("decision")}
              />
              {board.map((m) => (
                <Select
                  key={m.personId}
                  name={`position-${m.personId}`}
                  label={t("alliances.decision.positionLabel", { name: m.name })}
                  options={positions.map((p) => ({ value: p, label: t(`alliances.position.${p}`) }))}
                  defaultValue={kept("decision", `position-${m.personId}`)}
                  error={errorFor("decision")}
                />
              ))}
              <label className="choice-option">
                <input
                  type="checkbox"
                  name="requiresUnanimity"
                  value="true"
                  defaultChecked={kept("decision", "requiresUnanimity") === "true"}
                />{" "}
                {t("alliances.decision.requiresUnanimity")}
              </label>
              <label className="choice-option" id="field-decision-made">
                <input type="checkbox" name="made" value="true" defaultChecked={kept("decision", "made") === "true"} />{" "}
                {t("alliances.decision.madeField")}
              </label>
              <Field
                name="file"
                label={t("alliances.decision.file")}
                hint={t("alliances.decision.fileHint", { limit: uploadLimit })}
                optional
                error={errorFor("decision")}
              >
                <input type="file" accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp" />
              </Field>
              <div className="form-actions">
                <Button>{t("alliances.decision.record")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}

      {alliance.canManage && decidable.length > 0 && (
        <FieldIdScope prefix="gate">
          <section aria-labelledby="decide-gate" className="narrow stack">
            <Heading level={2} id="decide-gate">
              {t("alliances.gate.title")}
            </Heading>
            <p>{t("alliances.gate.intro")}</p>
            <ErrorSummary error={errorFor("gate")} />
            {log.length === 0 ? (
              <p>{t("alliances.gate.noDecisions")}</p>
            ) : (
              <Form method="post" className="stack" aria-labelledby="decide-gate" key={`gate-${log.length}`}>
                <input type="hidden" name="intent" value="gate" />
                <Select
                  name="phase"
                  label={t("alliances.gate.phase")}
                  options={phaseNames
                    .filter((n) => decidable.some((p) => p.name === n))
                    .map((n) => ({ value: n, label: t(`alliances.phase.${n}`) }))}
                  defaultValue={kept("gate", "phase")}
                  error={errorFor("gate")}
                />
                <Select
                  name="decisionId"
                  label={t("alliances.gate.decision")}
                  options={[...log].reverse().map((d) => ({
                    value: d.id,
                    label: `${date(d.decidedOn)} ${d.subject || d.proposal.slice(0, 80)}`,
                  }))}
                  defaultValue={kept("gate", "decisionId")}
                  error={errorFor("gate")}
                />
                <div className="form-actions">
                  <Button>{t("alliances.gate.decide")}</Button>
                </div>
              </Form>
            )}
          </section>
        </FieldIdScope>
      )}
    </div>
  );
}

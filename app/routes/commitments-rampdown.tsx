import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { allows } from "../../src/core/policy.ts";
import { checklistStatuses } from "../../src/modules/commitments/constants.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentContractsPage } from "../../src/modules/commitments/presenters.ts";
import { presentGrant } from "../../src/modules/commitments/presenters-grants.ts";
import { presentChecklistItem, presentDecision } from "../../src/modules/commitments/presenters-rampdown.ts";
import { presentSecondmentsPage } from "../../src/modules/commitments/presenters-secondments.ts";
import { CommitmentsLinks } from "../ui/commitments/CommitmentsLinks.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { DecisionFields } from "../ui/commitments/DecisionFields.tsx";
import { day, euros } from "../ui/commitments/format.ts";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { decisionFromForm, FormReader } from "../web/commitments-form.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/commitments-rampdown";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** The ramp-down plan: a decision on each commitment, and the checklist of seed 003's decisions with owners. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    const canManage = allows(commitmentsPolicy.manageRampdown, caller.actor);
    const decisions = (await services.rampdown.listDecisions(caller)).map(presentDecision);
    const checklist = (await services.rampdown.checklist(caller)).map(presentChecklistItem);
    if (!canManage) return { decisions, checklist, canManage, targets: null };
    const contracts = presentContractsPage(await services.contracts.listContracts(caller, { limit: 200 })).items;
    const secondments = presentSecondmentsPage(await services.secondments.list(caller, { limit: 500 })).items;
    const grants = (await services.grants.list(caller)).map(presentGrant);
    return {
      decisions,
      checklist,
      canManage,
      targets: {
        contracts: contracts.map((c) => ({ value: c.id, label: `${c.number} ${c.name}` })),
        secondments: secondments.map((s) => ({ value: s.id, label: `${s.personName}, ${s.homeOrganisationName}` })),
        grants: grants.map((g) => ({ value: g.id, label: g.name })),
      },
    };
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const r = new FormReader(await request.formData(), caller.locale);
  const intent = r.text("intent");
  const item = r.text("itemId");
  // Each checklist item has its own form: its refusal is shown at that item.
  return attemptForm(caller.locale, intent === "item" ? `item-${item}` : intent, async () => {
    if (intent === "decision") {
      const input = {
        contractId: r.text("contractId"),
        secondmentId: r.text("secondmentId"),
        grantId: r.text("grantId"),
        title: r.text("title"),
        ...decisionFromForm(r),
      };
      r.check();
      await services.rampdown.decide(caller, input);
      return { saved: intent };
    }
    if (intent === "item") {
      await services.rampdown.updateChecklistItem(caller, item, {
        owner: r.text("owner"),
        status: r.text("status"),
        dueDate: r.text("dueDate"),
      });
      return { saved: intent };
    }
    if (intent === "standard") {
      await services.rampdown.addStandardChecklist(caller);
      return { saved: intent };
    }
    if (intent === "ownItem") {
      await services.rampdown.addChecklistItem(caller, {
        title: r.text("title"),
        owner: r.text("owner"),
        dueDate: r.text("dueDate"),
      });
      return { saved: intent };
    }
    throw new AppError("MALFORMED_BODY");
  });
}

export default function CommitmentsRampdown({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { decisions, checklist, canManage, targets } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const errorFor = (intent: string) => (failed === intent ? error : undefined);
  const none = { value: "", label: t("commitments.form.none") };
  const itemTitle = (i: (typeof checklist)[number]) => (i.key ? t(`commitments.checklist.${i.key}`) : i.title);
  const missingStandard = checklist.filter((i) => i.key !== null).length < 9;
  return (
    <div className="stack">
      <title>{`${t("commitments.form.rampdown")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("commitments.form.rampdownLead")} actions={<CommitmentsLinks />}>
        {t("commitments.form.rampdown")}
      </PageTitle>
      {actionData && "saved" in actionData && <Notice>{t("commitments.form.saved")}</Notice>}

      <section aria-labelledby="decisions" className="stack">
        <Heading level={2} id="decisions">
          {t("commitments.form.decisions")}
        </Heading>
        <DataTable
          caption={t("commitments.form.decisions")}
          captionHidden
          rowHeader
          columns={[
            { key: "commitment", header: t("commitments.form.commitment"), cell: (d) => d.commitment.label },
            {
              key: "decision",
              header: t("commitments.form.decision"),
              cell: (d) =>
                d.transferTo
                  ? `${t(`commitments.decision.${d.decision}`)}: ${d.transferTo}`
                  : t(`commitments.decision.${d.decision}`),
            },
            { key: "on", header: t("commitments.form.decidedOn"), cell: (d) => day(locale, d.decidedOn) },
            { key: "by", header: t("commitments.form.decidedBy"), cell: (d) => d.decidedBy },
            {
              key: "cost",
              header: t("commitments.form.exitCost"),
              align: "end",
              cell: (d) => euros(locale, d.exitCostCents, d.currency),
            },
            {
              key: "exit",
              header: t("commitments.form.earliestExit"),
              cell: (d) => day(locale, d.earliestExitDate),
            },
            ...(canManage
              ? [
                  {
                    key: "edit",
                    header: t("commitments.form.actions"),
                    cell: (d: (typeof decisions)[number]) => (
                      <a
                        href={`/commitments/rampdown/decisions/${d.id}/edit`}
                        aria-label={t("commitments.edit.decisionLink", { name: d.commitment.label })}
                      >
                        {t("commitments.edit.link")}
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
          rows={decisions}
          rowKey={(d) => d.id}
          emptyText={t("commitments.form.noDecisions")}
        />
        {targets && (
          <FieldIdScope prefix="decision">
            <section aria-labelledby="add-decision" className="stack narrow">
              <Heading level={3} id="add-decision">
                {t("commitments.form.addDecision")}
              </Heading>
              <p>{t("commitments.form.targetHint")}</p>
              <ErrorSummary error={errorFor("decision")} />
              <Form method="post" className="stack" key={decisions.length}>
                <input type="hidden" name="intent" value="decision" />
                <Select
                  name="contractId"
                  label={t("commitments.page.contract")}
                  options={[none, ...targets.contracts]}
                  optional
                  error={errorFor("decision")}
                />
                <Select
                  name="secondmentId"
                  label={t("commitments.form.secondment")}
                  options={[none, ...targets.secondments]}
                  optional
                  error={errorFor("decision")}
                />
                <Select
                  name="grantId"
                  label={t("commitments.report.grant")}
                  options={[none, ...targets.grants]}
                  optional
                  error={errorFor("decision")}
                />
                <TextField
                  name="title"
                  label={t("commitments.form.otherCommitment")}
                  optional
                  error={errorFor("decision")}
                />
                <DecisionFields values={{}} error={errorFor("decision")} />
                <div className="form-actions">
                  <Button>{t("commitments.form.addDecision")}</Button>
                </div>
              </Form>
            </section>
          </FieldIdScope>
        )}
      </section>

      <section aria-labelledby="checklist" className="stack">
        <Heading level={2} id="checklist">
          {t("commitments.form.checklist")}
        </Heading>
        {checklist.length === 0 && <p>{t("commitments.form.noChecklist")}</p>}
        <ul className="commitments-checklist">
          {checklist.map((i) => (
            <li key={i.id} className="stack">
              <Heading level={3} id={`item-${i.id}`}>
                {itemTitle(i)}
              </Heading>
              <p>
                {t("commitments.form.itemState", {
                  status: t(`commitments.checklistStatus.${i.status}`),
                  owner: i.owner || "–",
                  due: day(locale, i.dueDate),
                })}
              </p>
              {canManage && (
                <FieldIdScope prefix={`item-${i.id}`}>
                  <ErrorSummary error={errorFor(`item-${i.id}`)} />
                  <Form method="post" className="commitments-row" aria-labelledby={`item-${i.id}`}>
                    <input type="hidden" name="intent" value="item" />
                    <input type="hidden" name="itemId" value={i.id} />
                    <TextField
                      name="owner"
                      label={t("commitments.form.owner")}
                      defaultValue={i.owner}
                      optional
                      error={errorFor(`item-${i.id}`)}
                    />
                    <Select
                      name="status"
                      label={t("commitments.page.status")}
                      options={checklistStatuses.map((v) => ({
                        value: v,
                        label: t(`commitments.checklistStatus.${v}`),
                      }))}
                      defaultValue={i.status}
                      error={errorFor(`item-${i.id}`)}
                    />
                    <TextField
                      name="dueDate"
                      label={t("commitments.form.dueDate")}
                      hint={t("commitments.form.dateHint")}
                      defaultValue={i.dueDate ?? ""}
                      optional
                      error={errorFor(`item-${i.id}`)}
                    />
                    <div className="form-actions">
                      <Button variant="secondary" aria-label={t("commitments.form.saveItem", { title: itemTitle(i) })}>
                        {t("commitments.form.save")}
                      </Button>
                    </div>
                  </Form>
                </FieldIdScope>
              )}
            </li>
          ))}
        </ul>
        {canManage && missingStandard && (
          <Form method="post">
            <input type="hidden" name="intent" value="standard" />
            <Button variant="secondary">{t("commitments.form.addStandard")}</Button>
          </Form>
        )}
        {canManage && (
          <FieldIdScope prefix="own">
            <section aria-labelledby="own-item" className="stack narrow">
              <Heading level={3} id="own-item">
                {t("commitments.form.addOwnItem")}
              </Heading>
              <ErrorSummary error={errorFor("ownItem")} />
              <Form method="post" className="stack" key={checklist.length}>
                <input type="hidden" name="intent" value="ownItem" />
                <TextField name="title" label={t("commitments.form.itemTitle")} error={errorFor("ownItem")} />
                <TextField name="owner" label={t("commitments.form.owner")} optional error={errorFor("ownItem")} />
                <TextField
                  name="dueDate"
                  label={t("commitments.form.dueDate")}
                  hint={t("commitments.form.dateHint")}
                  optional
                  error={errorFor("ownItem")}
                />
                <div className="form-actions">
                  <Button>{t("commitments.form.addOwnItem")}</Button>
                </div>
              </Form>
            </section>
          </FieldIdScope>
        )}
      </section>
    </div>
  );
}

import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { allows } from "../../src/core/policy.ts";
import { fundingSources, secondmentLegalForms } from "../../src/modules/commitments/constants.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentContractsPage } from "../../src/modules/commitments/presenters.ts";
import { presentOrganisation, presentPersonChoice } from "../../src/modules/people/presenters.ts";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { ErrorSummary, errorOf, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { FormSection } from "../ui/kit/FormSection.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, load, requireSignIn } from "../web/actions.server.ts";
import { FormReader } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-secondment-new";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** A new secondment (staff): the person, their home organisation, share of working time, FTE, dates, costs. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    if (!allows(commitmentsPolicy.manageSecondments, caller.actor)) throw new AppError("FORBIDDEN");
    const agreements = presentContractsPage(await services.contracts.listContracts(caller, { limit: 200 })).items;
    return {
      people: (await services.people.listPeople(caller)).map(presentPersonChoice),
      organisations: (await services.people.listOrganisations(caller)).map(presentOrganisation),
      agreements: agreements
        .filter((c) => c.type === "secondment_agreement" || c.type === "cooperation_agreement")
        .map((c) => ({ value: c.id, label: `${c.number} ${c.name}` })),
    };
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const r = new FormReader(await request.formData(), caller.locale);
  return attempt(caller.locale, async () => {
    const input = {
      personName: r.text("personName"),
      personId: r.text("personId"),
      title: r.text("title"),
      homeOrganisationName: r.text("homeOrganisationName"),
      homeOrganisationId: r.text("homeOrganisationId"),
      legalForm: r.text("legalForm"),
      sharePercent: r.text("sharePercent"),
      fte: r.text("fte"),
      startDate: r.text("startDate"),
      agreedEndDate: r.text("agreedEndDate"),
      plannedReturnDate: r.text("plannedReturnDate"),
      salaryCents: r.requiredCents("salaryCents"),
      sideCostsCents: r.requiredCents("sideCostsCents"),
      fundingSource: r.text("fundingSource"),
      grantEligible: r.flag("grantEligible"),
      contractId: r.text("contractId"),
      note: r.text("note"),
      substitutes: r.rows("substitutes", ["name", "post"], ["name", "post"], 10).map(({ row }) => row),
    };
    r.check();
    await services.secondments.create(caller, input);
    return redirect("/commitments/secondments");
  });
}

export default function CommitmentsSecondmentNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const { people, organisations, agreements } = loaderData;
  const none = { value: "", label: t("commitments.form.none") };
  return (
    <div className="stack narrow-wide">
      <title>{`${t("commitments.form.newSecondment")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("commitments.form.newSecondmentLead")}>{t("commitments.form.newSecondment")}</PageTitle>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <FormSection title={t("commitments.page.person")}>
          <TextField name="personName" label={t("commitments.form.personName")} error={error} />
          <Select
            name="personId"
            label={t("commitments.form.personAccount")}
            hint={t("commitments.form.personAccountHint")}
            options={[none, ...people.map((p) => ({ value: p.id, label: p.name }))]}
            optional
            error={error}
          />
          <TextField name="title" label={t("commitments.form.personTitle")} optional error={error} />
          <TextField name="homeOrganisationName" label={t("commitments.page.organisation")} error={error} />
          <Select
            name="homeOrganisationId"
            label={t("commitments.form.organisationRecord")}
            options={[none, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            optional
            error={error}
          />
          <Select
            name="legalForm"
            label={t("commitments.form.legalForm")}
            options={secondmentLegalForms.map((v) => ({ value: v, label: t(`commitments.legalForm.${v}`) }))}
            error={error}
          />
          <Select
            name="contractId"
            label={t("commitments.form.agreement")}
            options={[none, ...agreements]}
            optional
            error={error}
          />
        </FormSection>
        <FormSection title={t("commitments.form.workingTime")}>
          <TextField
            name="sharePercent"
            label={t("commitments.form.sharePercent")}
            hint={t("commitments.form.sharePercentHint")}
            defaultValue="100"
            error={error}
          />
          <TextField
            name="fte"
            label={t("commitments.page.fte")}
            hint={t("commitments.form.fteHint")}
            defaultValue="1,00"
            error={error}
          />
          <TextField
            name="startDate"
            label={t("commitments.page.start")}
            hint={t("commitments.form.dateHint")}
            error={error}
          />
          <TextField
            name="agreedEndDate"
            label={t("commitments.form.agreedEnd")}
            hint={t("commitments.form.dateHint")}
            error={error}
          />
          <TextField
            name="plannedReturnDate"
            label={t("commitments.form.plannedReturn")}
            hint={t("commitments.form.dateHint")}
            optional
            error={error}
          />
        </FormSection>
        <FormSection title={t("commitments.form.costs")}>
          <TextField
            name="salaryCents"
            label={t("commitments.form.salary")}
            hint={t("commitments.form.valueHint")}
            error={error}
          />
          <TextField
            name="sideCostsCents"
            label={t("commitments.form.sideCosts")}
            hint={t("commitments.form.valueHint")}
            error={error}
          />
          <Select
            name="fundingSource"
            label={t("commitments.page.funding")}
            options={fundingSources.map((v) => ({ value: v, label: t(`commitments.funding.${v}`) }))}
            error={error}
          />
          <label className="choice-option">
            <input type="checkbox" name="grantEligible" value="true" defaultChecked />{" "}
            {t("commitments.form.grantEligible")}
          </label>
        </FormSection>
        <FormSection title={t("commitments.page.chain")} description={t("commitments.form.chainHint")}>
          {[0, 1, 2].map((i) => (
            <div key={i} className="commitments-row">
              <TextField
                name={`substitutes.${i}.name`}
                label={t("commitments.form.substitute", { n: String(i + 1) })}
                optional
                error={error}
              />
              <TextField
                name={`substitutes.${i}.post`}
                label={t("commitments.form.substitutePost", { n: String(i + 1) })}
                optional
                error={error}
              />
            </div>
          ))}
        </FormSection>
        <TextArea name="note" label={t("commitments.form.note")} optional rows={3} error={error} />
        <div className="form-actions">
          <Button>{t("commitments.form.saveSecondment")}</Button>
          <ButtonLink to="/commitments/secondments">{t("commitments.form.cancel")}</ButtonLink>
        </div>
      </Form>
    </div>
  );
}

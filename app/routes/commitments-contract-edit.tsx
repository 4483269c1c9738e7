import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { presentContract } from "../../src/modules/commitments/presenters.ts";
import { ContractFields, submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { decimalCents } from "../ui/commitments/format.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping, contractFormChoices, contractFromForm, FormReader } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-contract-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** Changing a contract (staff); its parties, reminders and documents are managed on its own page. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => {
    const contract = presentContract(await context.services.contracts.getContract(context.caller, params.id));
    if (!contract.canManage) throw new AppError("FORBIDDEN");
    return { contract, ...(await contractFormChoices(context, params.id)) };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const reader = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    const input = contractFromForm(reader, false);
    reader.check();
    await services.contracts.updateContract(caller, params.id, input);
    return redirect(`/commitments/contracts/${params.id}`);
  });
}

export default function CommitmentsContractEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const error = errorOf(actionData);
  const { contract: c, folders, people, contracts } = loaderData;
  return (
    <div className="stack narrow-wide">
      <title>{`${t("commitments.form.editContract")}: ${c.name} – ${t("app.name")}`}</title>
      <PageTitle lead={c.name}>{t("commitments.form.editContract")}</PageTitle>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <ContractFields
          values={{
            ...c,
            folderId: c.folder.id,
            value: c.value ? decimalCents(locale, c.value.cents) : "",
            responsibleId: c.responsible?.id ?? null,
            deputyIds: c.deputies.map((d) => d.id),
          }}
          folders={folders}
          people={people}
          contracts={contracts}
          error={error}
          submitted={submittedOf(actionData)}
          withParties={false}
        />
        <div className="form-actions">
          <Button>{t("commitments.form.saveContract")}</Button>
          <ButtonLink to={`/commitments/contracts/${c.id}`}>{t("commitments.form.cancel")}</ButtonLink>
        </div>
      </Form>
    </div>
  );
}

import { Form, redirect } from "react-router";
import { ContractFields, submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping, contractFormChoices, contractFromForm, FormReader } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-contract-new";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** A new contract (staff): its folder, dates, notice period, people, value and parties; then its own page. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  const folderId = new URL(request.url).searchParams.get("folder") ?? undefined;
  return load(async () => ({ ...(await contractFormChoices(context)), folderId }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const reader = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    const input = contractFromForm(reader, true);
    reader.check();
    const view = await services.contracts.createContract(caller, input);
    return redirect(`/commitments/contracts/${view.contract.id}`);
  });
}

export default function CommitmentsContractNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const { folders, people, contracts, folderId } = loaderData;
  return (
    <div className="stack narrow-wide">
      <title>{`${t("commitments.form.newContract")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("commitments.form.newContractLead")}>{t("commitments.form.newContract")}</PageTitle>
      {folders.length === 0 ? (
        <p>
          {t("commitments.form.noFolders")} <a href="/commitments#new-folder">{t("commitments.form.newFolder")}</a>
        </p>
      ) : (
        <>
          <ErrorSummary error={error} />
          <Form method="post" className="stack">
            <ContractFields
              values={{ folderId }}
              folders={folders}
              people={people}
              contracts={contracts}
              error={error}
              submitted={submittedOf(actionData)}
              withParties
            />
            <div className="form-actions">
              <Button>{t("commitments.form.saveContract")}</Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

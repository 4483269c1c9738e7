import { data, Form, redirect } from "react-router";
import { AppError, isAppError } from "../../src/core/errors.ts";
import { allows } from "../../src/core/policy.ts";
import { errorBody } from "../../src/http/respond-error.ts";
import { templatesPolicy } from "../../src/modules/templates/policy.ts";
import { presentTemplate } from "../../src/modules/templates/presenters.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useLocalised } from "../ui/groups/labels.tsx";
import { TemplateFields } from "../ui/groups/TemplateFields.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { type TemplateFormValues, templateFormInput, toFormRows } from "../web/groups.server.ts";
import type { Route } from "./+types/admin.template";

const blank = { fi: "", sv: "", en: "" };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  const saved = new URL(request.url).searchParams.has("saved");
  return load(async () => {
    if (!allows(templatesPolicy.manageTemplates, caller.actor)) throw new AppError("FORBIDDEN");
    if (params.id === "new") {
      return {
        id: null,
        version: "new",
        saved: false,
        values: { name: blank, description: blank, rows: [] } satisfies TemplateFormValues,
      };
    }
    const template = presentTemplate(await services.deliverableTemplates.get(caller, params.id));
    return {
      id: template.id,
      version: template.updatedAt,
      saved,
      values: {
        name: template.name,
        description: template.description,
        rows: template.sections.map((s) => ({ order: String(s.position), title: s.title, guidance: s.guidance })),
      } satisfies TemplateFormValues,
    };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { caller, services } = context;
  const { input, rowOf, values } = templateFormInput(await request.formData());
  try {
    if (params.id === "new") {
      const created = await services.deliverableTemplates.create(caller, input);
      return redirect(`/admin/templates/${created.id}?saved=1`);
    }
    await services.deliverableTemplates.update(caller, params.id, input);
    return { saved: true };
  } catch (error) {
    // The form keeps what was typed, and each message points at its own field.
    if (isAppError(error)) {
      return data({ error: toFormRows(errorBody(error, caller.locale), rowOf), values }, { status: error.status });
    }
    throw error;
  }
}

export default function Template({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const localised = useLocalised();
  const error = errorOf(actionData);
  const values = actionData && "values" in actionData ? actionData.values : loaderData.values;
  const saved = (actionData && "saved" in actionData) || loaderData.saved;
  const heading = loaderData.id
    ? t("groups.templates.edit", { name: localised(loaderData.values.name) })
    : t("groups.templates.new");
  return (
    <div className="stack">
      <title>{`${heading} – ${t("app.name")}`}</title>
      <p>
        <a href="/admin/templates">← {t("groups.templates.title")}</a>
      </p>
      <PageTitle>{heading}</PageTitle>
      {loaderData.id && <p>{t("groups.templates.copiesKept")}</p>}
      {saved && <Notice>{t("groups.templates.saved")}</Notice>}
      <ErrorSummary error={error} />
      <Form method="post" className="stack narrow-wide" key={loaderData.version}>
        <TemplateFields values={values} error={error} />
        <div className="form-actions">
          <Button>{loaderData.id ? t("groups.save") : t("groups.templates.create")}</Button>
        </div>
      </Form>
    </div>
  );
}

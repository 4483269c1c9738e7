import { Form, useNavigation } from "react-router";
import { postLocales } from "../../src/modules/publishing/constants.ts";
import { startValues, submittedOf } from "../ui/commitments/ContractFields.tsx";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/office-settings";

/** The office's contact details (workspace settings) that the front page and the blog show: admins set them here. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => ({ office: await services.office.getForEditing(caller) }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const fields = fieldsOf(form);
  // A refusal gives back what was typed, so that without JavaScript the page comes back filled in as it was sent.
  return attemptKeeping(caller.locale, form, async () => {
    // The opening hours' fields are named as the input's path ("openingHours.fi"), so each error lands on its field.
    await services.office.set(caller, {
      name: fields.name ?? "",
      address: fields.address ?? "",
      email: fields.email ?? "",
      phone: fields.phone ?? "",
      openingHours: {
        fi: fields["openingHours.fi"] ?? "",
        sv: fields["openingHours.sv"] ?? "",
        en: fields["openingHours.en"] ?? "",
      },
    });
    return { saved: true as const };
  });
}

export default function OfficeSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const { office } = loaderData;
  const error = errorOf(actionData);
  const saved = actionData && "saved" in actionData && navigation.state === "idle";
  // After a refusal the fields show what was sent, not the saved values.
  const start = startValues(submittedOf(actionData));
  return (
    <div className="narrow stack">
      <title>{`${t("publishing.office.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("publishing.office.lead")} actions={<ButtonLink to="/">{t("nav.home")}</ButtonLink>}>
        {t("publishing.office.title")}
      </PageTitle>
      {saved && <Notice>{t("publishing.office.saved")}</Notice>}
      <Form method="post" className="stack" noValidate>
        <ErrorSummary error={error} />
        <TextField
          name="name"
          label={t("publishing.office.name")}
          defaultValue={start.text("name", office.name)}
          maxLength={200}
          optional
          error={error}
        />
        <TextArea
          name="address"
          label={t("publishing.home.address")}
          hint={t("publishing.office.multiline")}
          defaultValue={start.text("address", office.address)}
          rows={3}
          optional
          error={error}
        />
        {postLocales.map((locale) => (
          <TextArea
            key={locale}
            name={`openingHours.${locale}`}
            label={t("publishing.office.openingHoursIn", { language: t(`publishing.language.${locale}`) })}
            hint={t("publishing.office.multiline")}
            defaultValue={start.text(`openingHours.${locale}`, office.openingHours[locale])}
            rows={3}
            optional
            error={error}
          />
        ))}
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          label={t("publishing.home.email")}
          defaultValue={start.text("email", office.email)}
          optional
          error={error}
        />
        <TextField
          name="phone"
          type="tel"
          autoComplete="tel"
          label={t("publishing.home.phone")}
          defaultValue={start.text("phone", office.phone)}
          optional
          error={error}
        />
        <div className="form-actions">
          <Button>{t("publishing.office.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

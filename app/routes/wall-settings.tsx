import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { WallSettingsFields, wallFormInput } from "../ui/wall/WallSettingsFields.tsx";
import { attempt, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/wall-settings";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => {
    const opened = await context.services.walls.openBySlug(context.wallViewer, params.slug);
    if (!opened.canModerate) throw new AppError("FORBIDDEN");
    return opened;
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { sections: _sections, ...input } = wallFormInput(await request.formData());
  return attempt(context.caller.locale, async () => {
    const opened = await context.services.walls.openBySlug(context.wallViewer, params.slug);
    await context.services.walls.update(context.caller, opened.wall.id, { ...input, closed: input.closed ?? "false" });
    return { saved: true };
  });
}

export default function WallSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const { wall, joinCode } = loaderData;
  return (
    <div className="narrow stack wall-settings">
      <title>{`${t("walls.settings")}: ${wall.title} – ${t("app.name")}`}</title>
      <p>
        <a href={`/w/${wall.slug}`}>← {wall.title}</a>
      </p>
      <PageTitle>{t("walls.settingsOf", { title: wall.title })}</PageTitle>
      {actionData && "saved" in actionData && <Notice>{t("people.saved")}</Notice>}
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <WallSettingsFields wall={wall} error={error} withSections={false} joinCode={joinCode} />
        <label className="choice-option">
          <input type="hidden" name="closed" value="false" />
          <input type="checkbox" name="closed" value="true" defaultChecked={wall.closed} /> {t("walls.form.closed")}
        </label>
        <div className="form-actions">
          <Button>{t("walls.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

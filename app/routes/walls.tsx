import { Form, redirect } from "react-router";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { WallSettingsFields, wallFormInput } from "../ui/wall/WallSettingsFields.tsx";
import { attempt, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/walls";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => ({ walls: await context.services.walls.listAll(context.caller) }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const input = wallFormInput(await request.formData());
  return attempt(context.caller.locale, async () => {
    const wall = await context.services.walls.create(context.caller, input);
    return redirect(`/w/${wall.slug}`);
  });
}

export default function Walls({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  return (
    <div className="stack">
      <title>{`${t("walls.title")} – ${t("app.name")}`}</title>
      <h1>{t("walls.title")}</h1>
      <p className="lead">{t("walls.lead")}</p>
      {loaderData.walls.length === 0 ? (
        <p>{t("walls.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("walls.form.title")}</th>
                <th scope="col">{t("walls.form.access")}</th>
                <th scope="col">{t("walls.form.moderation")}</th>
                <th scope="col">{t("walls.shortLink")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.walls.map((w) => (
                <tr key={w.id}>
                  <td data-label={t("walls.form.title")}>
                    <a href={`/w/${w.slug}`}>{w.title}</a>
                    {w.closed && <span className="muted"> ({t("walls.closed")})</span>}
                  </td>
                  <td data-label={t("walls.form.access")}>{t(`walls.access.${w.access}`)}</td>
                  <td data-label={t("walls.form.moderation")}>{t(`walls.moderationMode.${w.moderation}`)}</td>
                  <td data-label={t("walls.shortLink")}>/w/{w.slug}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-wall" className="narrow stack">
        <h2 id="new-wall">{t("walls.create")}</h2>
        <ErrorSummary error={error} />
        <Form method="post" className="stack">
          <WallSettingsFields error={error} withSections />
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t("walls.create")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

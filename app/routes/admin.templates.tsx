import { presentTemplateSummary } from "../../src/modules/templates/presenters.ts";
import { useLocalised } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { ButtonLink } from "../ui/kit/Button.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.templates";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => ({
    templates: (await context.services.deliverableTemplates.list(context.caller)).map(presentTemplateSummary),
  }));
}

export default function Templates({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const localised = useLocalised();
  return (
    <div className="stack">
      <title>{`${t("groups.templates.title")} – ${t("app.name")}`}</title>
      <p>
        <a href="/groups">← {t("groups.title")}</a>
      </p>
      <PageTitle
        lead={t("groups.templates.lead")}
        actions={<ButtonLink to="/admin/templates/new">{t("groups.templates.new")}</ButtonLink>}
      >
        {t("groups.templates.title")}
      </PageTitle>
      {loaderData.templates.length === 0 ? (
        <p>{t("groups.templates.none")}</p>
      ) : (
        <ul className="card-list">
          {loaderData.templates.map((tpl) => (
            <li key={tpl.id}>
              <Heading level={2} className="h-small">
                <a href={`/admin/templates/${tpl.id}`}>{localised(tpl.name)}</a>
              </Heading>
              <p className="muted">
                {t("groups.templates.sectionCount", { count: tpl.sectionCount })} · {date(tpl.updatedAt)}
                {tpl.key && <> · {t("groups.templates.builtIn")}</>}
              </p>
              {localised(tpl.description) && <p>{localised(tpl.description)}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

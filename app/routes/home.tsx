import { useI18n } from "../ui/i18n.ts";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  const { caller, services } = context;
  if (!caller.actor) return { stats: null };
  const [people, organisations] = await Promise.all([
    services.people.countPeople(caller),
    services.people.listOrganisations(caller),
  ]);
  return { stats: { people, organisations: organisations.length } };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <title>{t("app.name")}</title>
      <PageTitle lead={t("home.lead")}>{t("home.title")}</PageTitle>
      {loaderData.stats ? (
        <section aria-labelledby="workspace-title">
          <Heading level={2} id="workspace-title">
            {t("home.workspace")}
          </Heading>
          <ul className="stats">
            <li>
              <a href="/admin/people">{t("home.stats.people", { count: loaderData.stats.people })}</a>
            </li>
            <li>
              <a href="/admin/organisations">
                {t("home.stats.organisations", { count: loaderData.stats.organisations })}
              </a>
            </li>
          </ul>
        </section>
      ) : (
        <p>
          {t("home.signInPrompt")} <a href="/sign-in">{t("shell.signIn")}</a>
        </p>
      )}
    </div>
  );
}

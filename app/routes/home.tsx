import { Heading, Paragraph } from "suomifi-ui-components";
import { useI18n } from "../ui/i18n.ts";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  const { caller, services } = context;
  if (!caller.actor) return { stats: null };
  const [people, organisations] = await Promise.all([
    services.people.listPeople(caller),
    services.people.listOrganisations(caller),
  ]);
  return { stats: { people: people.length, organisations: organisations.length } };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <title>{t("app.name")}</title>
      <Heading variant="h1">{t("home.title")}</Heading>
      <Paragraph className="lead">{t("home.lead")}</Paragraph>
      {loaderData.stats ? (
        <section aria-labelledby="workspace-title">
          <Heading variant="h2" id="workspace-title">
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
        <Paragraph>
          {t("home.signInPrompt")} <a href="/sign-in">{t("shell.signIn")}</a>
        </Paragraph>
      )}
    </div>
  );
}

import { canListPeople } from "../../src/modules/people/policy.ts";
import { presentPostsPage } from "../../src/modules/publishing/presenters.ts";
import { presentOverview } from "../../src/modules/strategy/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { OfficeContacts } from "../ui/publishing/OfficeContacts.tsx";
import { PostTeaser } from "../ui/publishing/PostTeaser.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import type { Route } from "./+types/home";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

/** The public front page: latest posts, upcoming events, open walls, the adopted strategy, the office's details. */
export async function loader({ context }: Route.LoaderArgs) {
  const { caller, services } = context;
  const [posts, events, walls, strategies, office] = await Promise.all([
    services.publishingPosts.listPublished(caller, { limit: 3 }),
    services.events.list(caller, { when: "upcoming", limit: 5 }),
    services.frontPage.openWalls(5),
    services.strategies.list(caller, { limit: 50 }),
    services.office.get(),
  ]);
  const adopted = strategies.items.find((s) => s.status === "adopted");
  const strategy = adopted
    ? {
        id: adopted.id,
        name: adopted.name,
        period: `${adopted.startYear}–${adopted.endYear}`,
        overview: presentOverview((await services.strategies.overview(caller, adopted.id)).categories),
      }
    : null;
  // Only for those who may list people (an auditor may not): the page must not fail for them.
  const stats = canListPeople(caller.actor)
    ? {
        people: await services.people.countPeople(caller),
        organisations: (await services.people.listOrganisations(caller)).length,
      }
    : null;
  return {
    posts: presentPostsPage(posts).items,
    // The list already went through the events presenter; the page needs only these.
    events: events.items.map((e) => ({ id: e.id, slug: e.slug, title: e.title, startsAt: e.startsAt })),
    walls,
    strategy,
    office,
    stats,
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { posts, events, walls, strategy, office, stats } = loaderData;
  return (
    <div className="stack">
      <title>{t("app.name")}</title>
      <PageTitle lead={t("home.lead")}>{t("home.title")}</PageTitle>
      <div className="blog-layout">
        <div className="stack">
          <section aria-labelledby="latest-title" className="stack">
            <Heading level={2} id="latest-title">
              {t("publishing.home.latest")}
            </Heading>
            {posts.length === 0 ? (
              <p>{t("publishing.none")}</p>
            ) : (
              posts.map((post) => <PostTeaser key={post.id} post={post} level={3} />)
            )}
            <p>
              <a href="/blog">{t("publishing.home.allPosts")}</a> · <a href="/feeds/rss.xml">{t("publishing.rss")}</a>
            </p>
          </section>
          {strategy && (
            <section aria-labelledby="strategy-title">
              <Heading level={2} id="strategy-title">
                {t("publishing.home.strategy")}
              </Heading>
              <p>
                <a href={`/strategies/${strategy.id}`}>
                  {t("publishing.home.strategyLink", { name: `${strategy.name} ${strategy.period}` })}
                </a>
              </p>
              <ul>
                {strategy.overview
                  .filter((c) => c.goals > 0)
                  .map((c) => (
                    <li key={c.category}>
                      <strong>{t(`strategy.category.${c.category}`)}</strong>:{" "}
                      {(["on_track", "behind", "off_track", "no_data"] as const)
                        .filter((s) => c.counts[s] > 0)
                        .map((s) => `${t(`strategy.indicatorStatus.${s}`)} ${c.counts[s]}`)
                        .join(", ")}
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </div>
        <div className="stack">
          <section aria-labelledby="events-title">
            <Heading level={2} id="events-title">
              {t("publishing.home.events")}
            </Heading>
            {events.length === 0 ? (
              <p>{t("publishing.home.noEvents")}</p>
            ) : (
              <ul>
                {events.map((e) => (
                  <li key={e.id}>
                    <a href={`/e/${e.slug}`}>{e.title}</a>
                    <br />
                    <time dateTime={e.startsAt}>{dateTime(e.startsAt)}</time>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href="/events">{t("publishing.home.allEvents")}</a>
            </p>
          </section>
          <section aria-labelledby="walls-title">
            <Heading level={2} id="walls-title">
              {t("publishing.home.walls")}
            </Heading>
            {walls.length === 0 ? (
              <p>{t("publishing.home.noWalls")}</p>
            ) : (
              <ul>
                {walls.map((w) => (
                  <li key={w.slug}>
                    <a href={`/w/${w.slug}`}>{w.title}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <OfficeContacts office={office} />
          {stats ? (
            <section aria-labelledby="workspace-title">
              <Heading level={2} id="workspace-title">
                {t("home.workspace")}
              </Heading>
              <ul className="stats">
                <li>
                  <a href="/admin/people">{t("home.stats.people", { count: stats.people })}</a>
                </li>
                <li>
                  <a href="/admin/organisations">{t("home.stats.organisations", { count: stats.organisations })}</a>
                </li>
              </ul>
            </section>
          ) : (
            <p>
              {t("home.signInPrompt")} <a href="/sign-in">{t("shell.signIn")}</a>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

import { data } from "react-router";
import { presentPostsPage } from "../../src/modules/publishing/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { readCursor } from "../ui/kit/table-query.ts";
import { PostList } from "../ui/publishing/PostList.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/blog-archive";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

const whole = (value: string | undefined, min: number, max: number) => {
  if (value === undefined) return undefined;
  const n = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw data("NOT_FOUND", { status: 404 });
  return n;
};

/** The archive: months with posts, and a month's (or a year's) posts at /blog/archive/2017/3. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  const year = whole(params.year, 1900, 2200);
  const month = whole(params.month, 1, 12);
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    year: year ?? null,
    month: month ?? null,
    months: await services.publishingPosts.archive(caller),
    page: year
      ? presentPostsPage(
          await services.publishingPosts.listPublished(caller, {
            year,
            ...(month ? { month } : {}),
            cursor,
            limit: 20,
          }),
        )
      : null,
  }));
}

export default function BlogArchive({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { year, month, months, page } = loaderData;
  const monthName = (y: number, m: number) =>
    new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y, m - 1, 15));
  const period = year ? (month ? monthName(year, month) : String(year)) : null;
  const title = period ? t("publishing.archiveOf", { period }) : t("publishing.archive");
  const years = [...new Set(months.map((m) => m.year))];
  return (
    <div className="stack">
      <title>{`${title} – ${t("app.name")}`}</title>
      <PageTitle lead={t("publishing.archiveLead")}>{title}</PageTitle>
      <p>
        <a href="/newsletter">{t("publishing.newsletter")}</a>
      </p>
      {page && <PostList posts={page.items} nextCursor={page.nextCursor} label={title} />}
      <nav aria-labelledby="months-title">
        <Heading level={2} id="months-title">
          {t("publishing.byMonth")}
        </Heading>
        {years.map((y) => (
          <div key={y}>
            <Heading level={3}>
              <a href={`/blog/archive/${y}`}>{y}</a>
            </Heading>
            <ul className="archive-months">
              {months
                .filter((m) => m.year === y)
                .map((m) => (
                  <li key={m.month}>
                    <a
                      href={`/blog/archive/${m.year}/${m.month}`}
                      aria-current={m.year === year && m.month === month ? "page" : undefined}
                    >
                      {t("publishing.archiveMonth", { month: monthName(m.year, m.month), count: m.count })}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
    </div>
  );
}

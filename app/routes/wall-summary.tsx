import { data } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import { type SummaryGroup, summariseWall } from "../../src/modules/walls/outputs/summary.ts";
import { type T, useI18n } from "../ui/i18n.ts";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import outputsCss from "../ui/outputs/outputs.css?url";
import { PrintButton } from "../ui/outputs/PrintButton.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/wall-summary";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: outputsCss }];

/** The flip-chart summary of a wall, for its moderators. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller, clientIp } = context;
  const { viewer } = services.wallCookies.viewer(caller, request.headers.get("cookie"), clientIp);
  const opened = await load(async () => {
    try {
      return await services.walls.openBySlug(viewer, params.slug);
    } catch (error) {
      if (isAppError(error) && error.code === "UNAUTHENTICATED") requireSignIn(request, caller.actor);
      throw error;
    }
  });
  if (!opened.canModerate) {
    requireSignIn(request, caller.actor);
    throw data("FORBIDDEN", { status: 403 });
  }
  // The summary covers every post: all the pages, oldest last.
  const posts = await load(async () => {
    const all: Awaited<ReturnType<typeof services.walls.posts>>["posts"] = [];
    let cursor: string | undefined;
    do {
      const page = await services.walls.posts(viewer, opened.wall.id, { cursor, limit: 500 });
      all.push(...page.posts);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  });
  return {
    wall: { slug: opened.wall.slug, title: opened.wall.title, description: opened.wall.description },
    summary: summariseWall(opened.wall, posts),
    compiledAt: new Date().toISOString(),
  };
}

const groupLabel = (t: T, group: SummaryGroup) =>
  group.title ?? (group.kind ? t(`outputs.kinds.${group.kind}`) : t("outputs.summary.noSection"));

export default function WallSummary({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { wall, summary, compiledAt } = loaderData;
  const base = `/w/${encodeURIComponent(wall.slug)}`;
  const total = summary.groups.reduce(
    (sum, g) => ({
      posts: sum.posts + g.posts.length,
      replies: sum.replies + g.replies,
      likes: sum.likes + g.likes,
      votes: sum.votes + g.votes,
    }),
    { posts: 0, replies: 0, likes: 0, votes: 0 },
  );
  // One row per group, then the whole wall's totals.
  const overviewRows = [
    ...summary.groups.map((g) => ({
      key: g.key,
      label: <a href={`#${g.key}`}>{groupLabel(t, g)}</a>,
      posts: g.posts.length,
      replies: g.replies,
      likes: g.likes,
      votes: g.votes,
      total: false,
    })),
    { key: "total", label: t("outputs.summary.total"), ...total, total: true },
  ];
  const overviewColumns: DataTableColumn<(typeof overviewRows)[number]>[] = [
    { key: "group", header: t("outputs.summary.group"), cell: (r) => r.label },
    ...(["posts", "replies", "likes", "votes"] as const).map((key) => ({
      key,
      header: t(`outputs.summary.${key}`),
      cell: (r: (typeof overviewRows)[number]) => r[key],
      align: "end" as const,
    })),
  ];

  return (
    <div className="stack">
      <title>{`${t("outputs.summary.pageTitle", { title: wall.title })} – ${t("app.name")}`}</title>
      <PageTitle
        lead={
          <>
            {t(summary.groupedBy === "section" ? "outputs.summary.leadBySection" : "outputs.summary.leadByKind")}{" "}
            {t("outputs.summary.compiled", { date: dateTime(compiledAt) })}
          </>
        }
      >
        {t("outputs.summary.pageTitle", { title: wall.title })}
      </PageTitle>
      {summary.leftOut > 0 && <p className="muted">{t("outputs.summary.leftOut", { count: summary.leftOut })}</p>}

      <nav className="output-tools screen-only" aria-label={t("outputs.tools.title")}>
        <PrintButton label={t("outputs.tools.printSummary")} />
        <ul>
          <li>
            <a href={`${base}/export.xlsx`}>{t("outputs.tools.exportXlsx")}</a>
          </li>
          <li>
            <a href={`${base}/export.csv`}>{t("outputs.tools.exportCsv")}</a>
          </li>
          <li>
            <a href={`${base}/poster`}>{t("outputs.tools.poster")}</a>
          </li>
        </ul>
      </nav>

      <DataTable
        caption={t("outputs.summary.overview")}
        className="summary-overview"
        rowHeader
        columns={overviewColumns}
        rows={overviewRows}
        rowKey={(r) => r.key}
        rowClassName={(r) => (r.total ? "summary-total" : undefined)}
        emptyText={t("outputs.summary.empty")}
      />

      {summary.groups.map((g) => (
        <section key={g.key} className="summary-group" aria-labelledby={g.key}>
          <Heading level={2} id={g.key}>
            {groupLabel(t, g)}{" "}
            <span className="summary-group-count">({t("outputs.summary.groupCount", { count: g.posts.length })})</span>
          </Heading>
          {g.posts.length === 0 ? (
            <p>{t("outputs.summary.empty")}</p>
          ) : (
            <ol className="summary-posts">
              {g.posts.map((post) => (
                <li key={post.id} className="summary-post">
                  {post.title && <h3>{post.title}</h3>}
                  <SanitisedHtml className="summary-body" html={post.html} />
                  <ul className="summary-meta">
                    <li className="summary-kind">{t(`outputs.kind.${post.kind}`)}</li>
                    {post.pinned && <li>{t("outputs.summary.pinned")}</li>}
                    <li>{post.authorName ?? t("outputs.summary.anonymous")}</li>
                    <li>
                      <time dateTime={post.createdAt}>{dateTime(post.createdAt)}</time>
                    </li>
                    <li>{t("outputs.summary.likeCount", { count: post.likes })}</li>
                    {post.kind === "question" && <li>{t("outputs.summary.voteCount", { count: post.votes })}</li>}
                  </ul>
                  {post.replies.length > 0 && (
                    <>
                      <p className="summary-replies-title" id={`replies-${post.id}`}>
                        {t("outputs.summary.replyList")} ({post.replies.length})
                      </p>
                      <ul className="summary-replies" aria-labelledby={`replies-${post.id}`}>
                        {post.replies.map((reply) => (
                          <li key={reply.id}>
                            <SanitisedHtml className="summary-body" html={reply.html} />
                            <ul className="summary-meta">
                              <li>{reply.authorName ?? t("outputs.summary.anonymous")}</li>
                              <li>
                                <time dateTime={reply.createdAt}>{dateTime(reply.createdAt)}</time>
                              </li>
                              <li>{t("outputs.summary.likeCount", { count: reply.likes })}</li>
                            </ul>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

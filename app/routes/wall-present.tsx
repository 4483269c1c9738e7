import { useEffect, useRef, useState } from "react";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { PostCard } from "../ui/wall/PostCard.tsx";
import { sortPosts } from "../ui/wall/types.ts";
import { useWallLive } from "../ui/wall/useWallLive.ts";
import { loadWall } from "../web/wall-loader.server.ts";
import type { Route } from "./+types/wall-present";

export function loader({ context, request, params }: Route.LoaderArgs) {
  return loadWall(context, request, params.slug);
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.kind === "wall" ? `${data.wall.title} – Uudistamo` : "Uudistamo" }];
}

// How long a newly arrived post stays highlighted on the big screen.
const highlightMs = 15_000;

/** The wall for the hall's big screen: large type, arrivals flow in and glow, QR and join code in the corner. */
export default function WallPresenter({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  if (loaderData.kind === "join") {
    // The big screen is opened by staff; anyone else is sent to the wall's join form.
    return (
      <PageTitle actions={<ButtonLink to={`/w/${loaderData.slug}`}>{t("walls.join")}</ButtonLink>}>
        {t("walls.joinTitle")}
      </PageTitle>
    );
  }
  return <Presenter data={loaderData} />;
}

function Presenter({ data }: { data: Extract<Route.ComponentProps["loaderData"], { kind: "wall" }> }) {
  const { t } = useI18n();
  const live = useWallLive({ wall: data.wall, posts: data.posts, seq: data.seq }, () => false);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const seen = useRef(new Set(data.posts.map((p) => p.id)));
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const arrived = live.posts.filter((p) => !seen.current.has(p.id)).map((p) => p.id);
    if (arrived.length === 0) return;
    for (const id of arrived) seen.current.add(id);
    setFresh((s) => new Set([...s, ...arrived]));
    const timer = window.setTimeout(
      () => setFresh((s) => new Set([...s].filter((id) => !arrived.includes(id)))),
      highlightMs,
    );
    return () => window.clearTimeout(timer);
  }, [live.posts]);

  const posts = sortPosts(
    live.posts.filter((p) => !p.parentId && p.status === "visible"),
    "new",
  );
  return (
    <div className="presenter" ref={root}>
      <header className="presenter-header">
        <PageTitle
          actions={
            <Button variant="secondary" type="button" onClick={() => void root.current?.requestFullscreen?.()}>
              {t("walls.fullScreen")}
            </Button>
          }
        >
          {live.wall.title}
        </PageTitle>
      </header>
      <aside className="presenter-join" aria-label={t("walls.howToJoin")}>
        <img
          src={`/w/${live.wall.slug}/qr.svg`}
          alt={t("walls.qrAlt", { link: data.shortLink })}
          width={220}
          height={220}
        />
        <p className="presenter-link">{data.shortLink.replace(/^https?:\/\//, "")}</p>
        {data.joinCode && (
          <p>
            {t("walls.joinCode")}: <strong>{data.joinCode}</strong>
          </p>
        )}
      </aside>
      <div
        role="feed"
        aria-label={t("walls.postsLabel")}
        aria-live="off"
        className="wall-feed wall-masonry presenter-feed"
      >
        {posts.map((post, i) => (
          <PostCard
            key={post.id}
            post={post}
            wall={live.wall}
            replies={[]}
            canModerate={false}
            canPost={false}
            position={i + 1}
            setSize={posts.length}
            highlighted={fresh.has(post.id)}
            presenting
          />
        ))}
      </div>
    </div>
  );
}

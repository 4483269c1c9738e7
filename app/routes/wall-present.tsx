import { type CSSProperties, useEffect, useRef, useState } from "react";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { PostCard } from "../ui/wall/PostCard.tsx";
import { sortPosts, type WallPost } from "../ui/wall/types.ts";
import { useWallLive } from "../ui/wall/useWallLive.ts";
import { loadWall } from "../web/wall-loader.server.ts";
import type { Route } from "./+types/wall-present";

export function loader({ context, request, params }: Route.LoaderArgs) {
  return loadWall(context, request, params.slug);
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.kind === "wall" ? `${data.wall.title} – Uudistamo` : "Uudistamo" }];
}

// The hall's screen shows the wall alone: no site header, navigation or footer (root.tsx).
export const handle = { bare: true };

// How long a newly arrived post stays highlighted on the big screen.
const highlightMs = 15_000;

/** The wall for the hall's big screen: large type, arrivals flow in and glow, QR and join code beside them. */
export default function WallPresenter({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  if (loaderData.kind === "join") {
    // The big screen is opened by staff; anyone else is sent to the wall's join form.
    return (
      <div className="presenter-join-page">
        <PageTitle actions={<ButtonLink to={`/w/${loaderData.slug}`}>{t("walls.join")}</ButtonLink>}>
          {t("walls.joinTitle")}
        </PageTitle>
      </div>
    );
  }
  return <Presenter data={loaderData} />;
}

const shownOnScreen = (post: WallPost) => !post.parentId && post.status === "visible";

function Presenter({ data }: { data: Extract<Route.ComponentProps["loaderData"], { kind: "wall" }> }) {
  const { t } = useI18n();
  // Paused: new posts wait (counted on the resume button) until the presenter lets them in.
  const [paused, setPaused] = useState(false);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const live = useWallLive({ wall: data.wall, posts: data.posts, seq: data.seq }, () => pausedRef.current);
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

  const togglePause = () => {
    if (paused) live.release();
    setPaused(!paused);
  };
  const waiting = live.held.filter(shownOnScreen).length;
  const posts = sortPosts(live.posts.filter(shownOnScreen), "new");
  const link = data.shortLink.replace(/^https?:\/\//, "");
  return (
    <div className="presenter" ref={root}>
      <header className="presenter-header">
        <h1>{live.wall.title}</h1>
        <div className="presenter-controls">
          <p className="presenter-connection" role="status">
            {t(`walls.connection.${live.connection}`)}
          </p>
          <Button variant={paused ? "primary" : "secondary"} type="button" onClick={togglePause}>
            {paused
              ? waiting > 0
                ? t("walls.resumeFlowCount", { count: waiting })
                : t("walls.resumeFlow")
              : t("walls.pauseFlow")}
          </Button>
          <Button variant="secondary" type="button" onClick={() => void root.current?.requestFullscreen?.()}>
            {t("walls.fullScreen")}
          </Button>
        </div>
        <p className="presenter-paused" role="status">
          {paused ? t("walls.flowPaused") : ""}
        </p>
      </header>
      <aside className="presenter-join" aria-label={t("walls.howToJoin")}>
        <img
          src={`/w/${live.wall.slug}/qr.svg`}
          alt={t("walls.qrAlt", { link: data.shortLink })}
          width={400}
          height={400}
        />
        {data.joinCode && (
          <p className="presenter-code">
            {t("walls.joinCode")}: <strong>{data.joinCode}</strong>
          </p>
        )}
      </aside>
      <p className="presenter-link-line">
        <span className="presenter-link-label">{t("walls.shortLink")}</span>
        {/* One line, however long: its size is fitted to the screen's width by its length (styles.css). */}
        <span className="presenter-link" style={{ "--chars": link.length } as CSSProperties}>
          {link}
        </span>
      </p>
      {posts.length === 0 ? (
        <p className="presenter-feed presenter-empty">{t("walls.empty")}</p>
      ) : (
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
      )}
    </div>
  );
}

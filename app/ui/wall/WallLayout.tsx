import type { ReactNode } from "react";
import { useI18n } from "../i18n.ts";
import { Heading } from "../kit/Heading.tsx";
import type { WallPost, WallView } from "./types.ts";

interface WallLayoutProps {
  wall: WallView;
  posts: WallPost[];
  label: string;
  children(post: WallPost, index: number, setSize: number): ReactNode;
}

/**
 * The posts as a masonry wall, as columns by section, or as a stream. Each
 * column is an ARIA feed of its own, so a screen reader moves post by post.
 */
export function WallLayout({ wall, posts, label, children }: WallLayoutProps) {
  const { t } = useI18n();
  if (wall.layout === "columns" && wall.sections.length > 0) {
    const groups = [
      ...wall.sections.map((s) => ({ id: s.id, title: s.title, posts: posts.filter((p) => p.sectionId === s.id) })),
      {
        id: "none",
        title: t("walls.noSection"),
        posts: posts.filter((p) => !p.sectionId || !wall.sections.some((s) => s.id === p.sectionId)),
      },
    ].filter((g) => g.id !== "none" || g.posts.length > 0);
    return (
      <div id="posts" className="wall-columns">
        {groups.map((group) => (
          <section key={group.id} className="wall-column" aria-labelledby={`section-${group.id}`}>
            <Heading level={2} id={`section-${group.id}`}>
              {group.title}
            </Heading>
            {/* A feed must hold articles, so an empty column says so in words instead. */}
            {group.posts.length === 0 ? (
              <p className="muted">{t("walls.emptySection")}</p>
            ) : (
              <div role="feed" aria-labelledby={`section-${group.id}`} className="wall-feed wall-stream">
                {group.posts.map((post, i) => children(post, i, group.posts.length))}
              </div>
            )}
          </section>
        ))}
      </div>
    );
  }
  return (
    <section id="posts" aria-label={label}>
      {/* A feed must hold articles (axe: aria-required-children), so an empty wall says so in words instead. */}
      {posts.length === 0 ? (
        <p className="muted wall-empty">{t("walls.empty")}</p>
      ) : (
        <div
          role="feed"
          aria-label={label}
          className={`wall-feed ${wall.layout === "stream" ? "wall-stream" : "wall-masonry"}`}
        >
          {posts.map((post, i) => children(post, i, posts.length))}
        </div>
      )}
    </section>
  );
}

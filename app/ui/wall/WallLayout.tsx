import type { ReactNode } from "react";
import { useI18n } from "../i18n.ts";
import { Heading } from "../kit/Heading.tsx";
import type { WallPost, WallView } from "./types.ts";

interface WallLayoutProps {
  wall: WallView;
  posts: WallPost[];
  label: string;
  /** aria-setsize of the whole feed: the wall's top-level posts this reader may see, -1 when not known. */
  setSize: number;
  /** How many top-level posts come before the first one here (a page opened further down). */
  before: number;
  /** Whether the oldest post is here too (then a column's set size is its own count). */
  complete: boolean;
  /** A page is being appended (aria-busy, as the ARIA feed pattern asks). */
  busy: boolean;
  children(post: WallPost, position: number, setSize: number): ReactNode;
}

/**
 * The posts as a masonry wall, as columns by section, or as a stream. Each
 * column is an ARIA feed of its own, so a screen reader moves post by post.
 */
export function WallLayout({ wall, posts, label, setSize, before, complete, busy, children }: WallLayoutProps) {
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
              <div
                role="feed"
                aria-labelledby={`section-${group.id}`}
                aria-busy={busy}
                className="wall-feed wall-stream"
              >
                {group.posts.map((post, i) =>
                  children(post, i + 1, complete && before === 0 ? group.posts.length : -1),
                )}
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
          aria-busy={busy}
          className={`wall-feed ${wall.layout === "stream" ? "wall-stream" : "wall-masonry"}`}
        >
          {posts.map((post, i) => children(post, before + i + 1, setSize))}
        </div>
      )}
    </section>
  );
}

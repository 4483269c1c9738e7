import type { LivePostView, PostSource, PostView, WallView } from "../../../src/modules/walls/presenters.ts";

export type { LivePostView, PostSource, PostView, WallView };
/** A post as the page holds it: what is shown (no Markdown source; the editor reads it when it opens). */
export type WallPost = LivePostView & { mine: boolean };

/** What the wall's event stream sends (see src/modules/walls/posts.ts and service.ts). */
export type WallChange =
  | { type: "post"; post: LivePostView }
  | { type: "post.removed"; id: string }
  | { type: "reactions"; id: string; likes: number; votes: number }
  | { type: "wall"; wall: WallView };

export type SortOrder = "new" | "votes";

export function sortPosts(posts: WallPost[], order: SortOrder): WallPost[] {
  return posts.slice().sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (order === "votes" && a.votes !== b.votes) return b.votes - a.votes;
    return b.createdAt.localeCompare(a.createdAt);
  });
}

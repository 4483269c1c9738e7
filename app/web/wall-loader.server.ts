import { randomUUID } from "node:crypto";
import { data, redirect } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import type { WebContext } from "../../src/http/context.ts";

/**
 * Opens a wall page's data for this visitor: the wall, a page of its posts and the seq to
 * stream from; or what is missing (the join code, or signing in).
 */
export async function loadWall(context: WebContext, request: Request, slug: string) {
  const { services, wallViewer } = context;
  try {
    const opened = await services.walls.openBySlug(wallViewer, slug);
    // The newest posts (a long wall's older ones are a plain link away: ?cursor=).
    const cursor = new URL(request.url).searchParams.get("cursor") || undefined;
    const [{ posts, seq, nextCursor }, reactions] = await Promise.all([
      services.walls.posts(wallViewer, opened.wall.id, { cursor }),
      // This browser's own likes and votes, so their buttons show pressed and can be taken back.
      services.posts.myReactions(wallViewer, opened.wall.id),
    ]);
    return {
      kind: "wall" as const,
      ...opened,
      posts,
      seq,
      reactions,
      olderPostsHref: nextCursor ? `?cursor=${encodeURIComponent(nextCursor)}` : null,
      idempotencyKey: randomUUID(),
      shortLink: `${context.publicUrl}/w/${opened.wall.slug}`,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "JOIN_CODE_REQUIRED") return { kind: "join" as const, slug };
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      const url = new URL(request.url);
      throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname)}`);
    }
    if (isAppError(error)) throw data(error.code, { status: error.status });
    throw error;
  }
}

import { randomUUID } from "node:crypto";
import { data, redirect } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import type { WebContext } from "../../src/http/context.ts";

/**
 * Opens a wall page's data for this visitor: the wall, a page of its posts and the seq to
 * stream from; or what is missing (the join code, or signing in).
 */
/** Posts on one page of the wall: a phone's first response stays small on a wall of thousands. */
export const wallPageSize = 50;

export async function loadWall(context: WebContext, request: Request, slug: string) {
  const { services, wallViewer } = context;
  try {
    const opened = await services.walls.openBySlug(wallViewer, slug);
    // The newest posts (a long wall's older ones are a plain link away, ?cursor=, or appended by the page's script).
    const requested = new URL(request.url).searchParams.get("cursor") || undefined;
    const readPage = async (cursor: string | undefined) => {
      const [positions, page] = await Promise.all([
        services.postPositions.of(
          { id: opened.wall.id, canModerate: opened.canModerate },
          wallViewer.participantHash,
          cursor,
          wallViewer.locale,
        ),
        services.walls.readerPosts(wallViewer, opened.wall.id, { cursor, limit: wallPageSize }),
      ]);
      return { positions, page };
    };
    // A malformed cursor, or another wall's, is answered 400 with the newest posts and a note saying so.
    let badCursor: string | null = null;
    const [{ positions, page }, reactions] = await Promise.all([
      readPage(requested).catch((error: unknown) => {
        const issue = isAppError(error) && error.code === "VALIDATION_FAILED" ? error.issues[0] : undefined;
        if (!requested || issue?.path !== "cursor") throw error;
        badCursor = issue.message;
        return readPage(undefined);
      }),
      // This browser's own likes and votes, so their buttons show pressed and can be taken back.
      services.posts.myReactions(wallViewer, opened.wall.id),
    ]);
    const result = {
      kind: "wall" as const,
      ...opened,
      posts: page.posts,
      seq: page.seq,
      reactions,
      /** Top-level posts this reader may see on the whole wall, and how many come before this page. */
      totalPosts: positions.total,
      postsBefore: positions.before,
      olderCursor: page.nextCursor,
      olderPostsHref: page.nextCursor ? `?cursor=${encodeURIComponent(page.nextCursor)}` : null,
      badCursor,
      idempotencyKey: randomUUID(),
      shortLink: `${context.publicUrl}/w/${opened.wall.slug}`,
    };
    return badCursor ? data(result, { status: 400 }) : result;
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

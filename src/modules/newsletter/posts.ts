import type { IssuePost } from "./mail.ts";

/** Publishing's service of posts, by name. */
export const postsService = "publishingPosts";

/** What the newsletter needs of publishing's `posts` service (looked up at call time: it is built elsewhere). */
export interface PostsForNewsletter {
  publishedByIds(ids: readonly string[], locale?: string): Promise<readonly PublishedPost[]>;
}

/** A published post as publishing gives it; the newsletter reads only these fields. */
export interface PublishedPost {
  id: string;
  title: string;
  summary: string;
  url?: string;
  path?: string;
  slug?: string;
}

/**
 * The chosen posts in the order chosen, those still published only. Without the publishing service (a build
 * without it) no post can be chosen.
 */
export async function resolvePosts(
  need: <T>(name: string) => T,
  ids: readonly string[],
  publicUrl: string,
  locale?: string,
): Promise<IssuePost[]> {
  if (ids.length === 0) return [];
  let posts: Partial<PostsForNewsletter>;
  try {
    posts = need<Partial<PostsForNewsletter>>(postsService);
  } catch {
    return [];
  }
  if (typeof posts.publishedByIds !== "function") return [];
  const found = new Map((await posts.publishedByIds(ids, locale)).map((post) => [post.id, post]));
  return ids.flatMap((id) => {
    const post = found.get(id);
    return post ? [{ id, title: post.title, summary: post.summary, url: linkOf(post, publicUrl) }] : [];
  });
}

function linkOf(post: PublishedPost, publicUrl: string): string {
  if (post.url) return new URL(post.url, publicUrl).toString();
  if (post.path) return new URL(post.path, publicUrl).toString();
  return new URL(`/posts/${encodeURIComponent(post.slug ?? post.id)}`, publicUrl).toString();
}

import type { PostKind } from "../constants.ts";
import type { PostView, WallView } from "../presenters.ts";

// Pure: the summary page's loader builds it on the server from the posts a moderator sees.

export interface SummaryReply {
  id: string;
  /** Sanitised by render.ts when the post was presented. */
  html: string;
  authorName: string | null;
  likes: number;
  createdAt: string;
}

export interface SummaryPost extends SummaryReply {
  kind: PostKind;
  title: string | null;
  votes: number;
  pinned: boolean;
  replies: SummaryReply[];
}

export interface SummaryGroup {
  /** Unique within the page: an anchor for the overview's links. */
  key: string;
  /** The section's title, or null for the kind (or "no section") group whose label the page translates. */
  title: string | null;
  kind: PostKind | null;
  posts: SummaryPost[];
  replies: number;
  likes: number;
  votes: number;
}

export interface WallSummary {
  groupedBy: "section" | "kind";
  groups: SummaryGroup[];
  /** Posts awaiting approval or hidden: counted, never shown. */
  leftOut: number;
}

/**
 * The wall's flip-chart summary: its visible posts grouped by section (by
 * kind when the wall has no sections), replies under their post. In a group,
 * pinned posts come first, then questions by votes (most first), then the
 * rest in the order they were written.
 */
export function summariseWall(wall: Pick<WallView, "sections">, posts: PostView[]): WallSummary {
  const visible = posts.filter((p) => p.status === "visible");
  const leftOut = posts.length - visible.length;
  const tops = visible.filter((p) => p.parentId === null);
  const topIds = new Set(tops.map((p) => p.id));
  const repliesOf = new Map<string, SummaryReply[]>();
  for (const reply of byTime(visible.filter((p) => p.parentId !== null && topIds.has(p.parentId)))) {
    const list = repliesOf.get(reply.parentId as string) ?? [];
    list.push({
      id: reply.id,
      html: reply.html,
      authorName: reply.authorName,
      likes: reply.likes,
      createdAt: reply.createdAt,
    });
    repliesOf.set(reply.parentId as string, list);
  }
  const toSummary = (p: PostView): SummaryPost => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    html: p.html,
    authorName: p.authorName,
    likes: p.likes,
    votes: p.votes,
    pinned: p.pinned,
    createdAt: p.createdAt,
    replies: repliesOf.get(p.id) ?? [],
  });
  const group = (key: string, title: string | null, kind: PostKind | null, members: PostView[]): SummaryGroup => {
    const sorted = members.slice().sort(summaryOrder).map(toSummary);
    return {
      key,
      title,
      kind,
      posts: sorted,
      replies: sorted.reduce((n, p) => n + p.replies.length, 0),
      likes: sorted.reduce((n, p) => n + p.likes + p.replies.reduce((m, r) => m + r.likes, 0), 0),
      votes: sorted.reduce((n, p) => n + p.votes, 0),
    };
  };

  if (wall.sections.length === 0) {
    return {
      groupedBy: "kind",
      leftOut,
      groups: kindOrder.map((kind) =>
        group(
          `kind-${kind}`,
          null,
          kind,
          tops.filter((p) => p.kind === kind),
        ),
      ),
    };
  }
  const known = new Set(wall.sections.map((s) => s.id));
  const groups = wall.sections.map((s, i) =>
    group(
      `section-${i + 1}`,
      s.title,
      null,
      tops.filter((p) => p.sectionId === s.id),
    ),
  );
  const loose = tops.filter((p) => p.sectionId === null || !known.has(p.sectionId));
  if (loose.length > 0) groups.push(group("no-section", null, null, loose));
  return { groupedBy: "section", leftOut, groups };
}

/** Questions first: what the hall asked is what a summary answers. */
const kindOrder: PostKind[] = ["question", "comment", "remark"];

const time = (p: { createdAt: string }) => Date.parse(p.createdAt);
const byTime = <T extends { createdAt: string }>(list: T[]) => list.slice().sort((a, b) => time(a) - time(b));

function summaryOrder(a: PostView, b: PostView): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  const aq = a.kind === "question";
  const bq = b.kind === "question";
  if (aq !== bq) return aq ? -1 : 1;
  if (aq && a.votes !== b.votes) return b.votes - a.votes;
  return time(a) - time(b);
}

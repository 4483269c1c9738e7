import { useCallback, useEffect, useRef, useState } from "react";
import type { WallChange, WallPost, WallView } from "./types.ts";

export type Connection = "connecting" | "live" | "offline";

interface LiveState {
  wall: WallView;
  posts: WallPost[];
  /** New posts that arrived while the reader was busy; shown behind the "N new posts" button. */
  held: WallPost[];
  connection: Connection;
  /** Top-level posts on the whole wall this reader may see, held ones included; null once unknown. */
  total: number | null;
  /** How many top-level posts come before the first one shown (a page opened at ?cursor=). */
  before: number;
  /** The API's cursor for the next older page; null when the oldest post is shown. */
  older: string | null;
  loadingOlder: boolean;
}

/**
 * The stream's `reset` event (src/modules/walls/stream.ts): the seq this
 * browser resumed from is above the wall's newest (the server's log was
 * restored, or is another wall's), so its replay cannot be trusted. The posts
 * are read again; live changes follow from `seq`.
 */
interface ResetEvent {
  type: "reset";
  seq: number;
  wall: WallView;
}

/** A page of the wall's posts, as GET /api/walls/:id/posts gives it. */
interface PostPage {
  posts: WallPost[];
  nextCursor: string | null;
}

/** Posts per page the script asks for, as many as the server's page (app/web/wall-loader.server.ts). */
const pageSize = 50;

const isRoot = (post: { parentId: string | null }) => !post.parentId;

/**
 * Keeps the wall's posts live over server-sent events. The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so the server
 * replays what was missed. While `holdArrivals()` is true (composer open, or
 * scrolled away from the top) new posts wait in `held` instead of moving what
 * the person is reading; edits, removals and counts apply at once. After a
 * `reset` the first page of posts is read again; changes arriving meanwhile
 * wait and are applied on top of it, in order.
 */
export function useWallLive(
  initial: {
    wall: WallView;
    posts: WallPost[];
    seq: number;
    /** The page's place in the feed (wall-loader.server.ts); unknown, and no older pages, if not given. */
    total?: number;
    before?: number;
    older?: string | null;
  },
  holdArrivals: () => boolean,
) {
  const [state, setState] = useState<LiveState>({
    wall: initial.wall,
    posts: initial.posts,
    held: [],
    connection: "connecting",
    total: initial.total ?? null,
    before: initial.before ?? 0,
    older: initial.older ?? null,
    loadingOlder: false,
  });
  const mine = useRef(new Set(initial.posts.filter((p) => p.mine).map((p) => p.id)));
  const known = useRef(new Set(initial.posts.map((p) => p.id)));
  const hold = useRef(holdArrivals);
  hold.current = holdArrivals;
  const [arrivals, setArrivals] = useState(0);

  // The oldest post shown, while older pages are still to come: a change to a post older than it is
  // about a post not read yet (an edit, a count), not a new arrival.
  const oldestShown = useRef<string | null>(null);
  const apply = useCallback((change: WallChange) => {
    if (change.type === "post" && !known.current.has(change.post.id)) {
      const oldest = oldestShown.current;
      if (oldest !== null && change.post.createdAt < oldest) {
        // It is not known whether it just became visible (approved) or only changed: the count is not.
        if (isRoot(change.post)) setState((s) => ({ ...s, total: null }));
        return;
      }
      known.current.add(change.post.id);
      const post: WallPost = { ...change.post, mine: mine.current.has(change.post.id) };
      setArrivals((n) => n + 1);
      // Your own post appears at once; others wait while you read or write.
      const held = !post.mine && hold.current();
      const more = isRoot(post) ? 1 : 0;
      setState((s) => ({
        ...s,
        ...(held ? { held: [post, ...s.held] } : { posts: [post, ...s.posts] }),
        total: s.total === null ? null : s.total + more,
      }));
      return;
    }
    if (change.type === "post.removed") known.current.delete(change.id);
    setState((s) => {
      switch (change.type) {
        case "wall":
          return { ...s, wall: change.wall };
        case "post.removed": {
          const gone = s.posts.find((p) => p.id === change.id) ?? s.held.find((p) => p.id === change.id);
          // A post not loaded here may or may not have been a top-level one: the count is then unknown.
          const total = s.total === null || !gone ? null : s.total - (isRoot(gone) ? 1 : 0);
          return {
            ...s,
            posts: s.posts.filter((p) => p.id !== change.id),
            held: s.held.filter((p) => p.id !== change.id),
            total,
          };
        }
        case "reactions": {
          const update = (p: WallPost) => (p.id === change.id ? { ...p, likes: change.likes, votes: change.votes } : p);
          return { ...s, posts: s.posts.map(update), held: s.held.map(update) };
        }
        case "post": {
          const post: WallPost = { ...change.post, mine: mine.current.has(change.post.id) };
          return {
            ...s,
            posts: s.posts.map((p) => (p.id === post.id ? post : p)),
            held: s.held.map((p) => (p.id === post.id ? post : p)),
          };
        }
      }
    });
  }, []);

  useEffect(() => {
    const wallId = initial.wall.id;
    // The newest change this browser has applied: a new stream resumes after it.
    let seq = initial.seq;
    let source: EventSource | null = null;
    let retry: number | undefined;
    // While the posts are read again after a reset, changes wait here (null: apply at once).
    let waiting: WallChange[] | null = null;
    let resets = 0;
    let gone = false;
    const setConnection = (connection: Connection) => setState((s) => ({ ...s, connection }));

    const onReset = (event: Event) => {
      const reset = JSON.parse((event as MessageEvent<string>).data) as ResetEvent;
      seq = reset.seq;
      const mineReset = ++resets;
      waiting ??= [];
      setState((s) => ({ ...s, wall: reset.wall }));
      void fetch(`/api/walls/${wallId}/posts?limit=${pageSize}`, { headers: { accept: "application/json" } })
        .then(async (response) => (response.ok ? ((await response.json()) as PostPage) : null))
        .catch(() => null)
        .then((page) => {
          // A later reset reads again and applies what waited; an unmounted wall does nothing.
          if (gone || mineReset !== resets) return;
          const queued = waiting ?? [];
          waiting = null;
          if (page) {
            for (const post of page.posts) if (post.mine) mine.current.add(post.id);
            known.current = new Set(page.posts.map((p) => p.id));
            setState((s) => {
              // Posts the reader had not opened yet stay behind the "N new posts" button.
              const heldIds = new Set(s.held.map((p) => p.id));
              const posts = page.posts.map((p) => ({ ...p, mine: mine.current.has(p.id) }));
              return {
                ...s,
                posts: posts.filter((p) => !heldIds.has(p.id)),
                held: posts.filter((p) => heldIds.has(p.id)),
                // The wall was not the one counted: the count is read again only with the page.
                total: null,
                before: 0,
                older: page.nextCursor,
              };
            });
          }
          // Without the page (offline), what the browser holds stays and the changes still apply.
          for (const change of queued) apply(change);
        });
    };

    const connect = () => {
      window.clearTimeout(retry);
      source?.close();
      const opened = new EventSource(`/api/walls/${wallId}/events?lastEventId=${seq}`);
      source = opened;
      opened.addEventListener("open", () => setConnection("live"));
      // The browser retries by itself (the server asks for every 2 s) and sends Last-Event-ID;
      // until a stream is open again the page says plainly that it is not live.
      opened.addEventListener("error", () => {
        setConnection("offline");
        // A refused stream (a proxy's 502 while the server restarts) is not retried by the browser.
        if (opened.readyState === EventSource.CLOSED) retry = window.setTimeout(connect, 5_000);
      });
      opened.addEventListener("change", (event) => {
        const message = event as MessageEvent<string>;
        if (/^\d+$/.test(message.lastEventId)) seq = Number(message.lastEventId);
        const change = JSON.parse(message.data) as WallChange;
        if (waiting) waiting.push(change);
        else apply(change);
      });
      opened.addEventListener("reset", onReset);
    };

    // A phone that loses its network may keep a dead stream open for minutes: drop it at
    // once, say so, and open a new one (from the last change seen) when the network returns.
    const offline = () => {
      source?.close();
      window.clearTimeout(retry);
      setConnection("offline");
    };
    const online = () => {
      setConnection("connecting");
      connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    if (navigator.onLine === false) setConnection("offline");
    else connect();
    return () => {
      gone = true;
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      window.clearTimeout(retry);
      source?.close();
    };
  }, [initial.wall.id, initial.seq, apply]);

  useEffect(() => {
    let oldest: string | null = null;
    if (state.older !== null)
      for (const p of state.posts) if (!p.pinned && (oldest === null || p.createdAt < oldest)) oldest = p.createdAt;
    oldestShown.current = oldest;
  }, [state.posts, state.older]);

  // The next older page from the API, appended below what is shown; resolves to the top-level
  // posts it added (none when it failed, with `false`).
  const olderRef = useRef(state.older);
  olderRef.current = state.older;
  const loading = useRef(false);
  const loadOlder = useCallback(async (): Promise<WallPost[] | false> => {
    const cursor = olderRef.current;
    if (cursor === null || loading.current) return [];
    loading.current = true;
    setState((s) => ({ ...s, loadingOlder: true }));
    const url = `/api/walls/${initial.wall.id}/posts?limit=${pageSize}&cursor=${encodeURIComponent(cursor)}`;
    const page = await fetch(url, { headers: { accept: "application/json" } })
      .then(async (response) => (response.ok ? ((await response.json()) as PostPage) : null))
      .catch(() => null);
    loading.current = false;
    // A reset meanwhile started the wall over: this page belongs to the old one.
    if (!page || olderRef.current !== cursor) {
      setState((s) => ({ ...s, loadingOlder: false }));
      return page ? [] : false;
    }
    const fresh = page.posts.filter((p) => !known.current.has(p.id));
    for (const post of fresh) {
      known.current.add(post.id);
      if (post.mine) mine.current.add(post.id);
    }
    olderRef.current = page.nextCursor;
    setState((s) => ({
      ...s,
      posts: [...s.posts, ...fresh.map((p) => ({ ...p, mine: mine.current.has(p.id) }))],
      older: page.nextCursor,
      loadingOlder: false,
    }));
    return fresh.filter(isRoot);
  }, [initial.wall.id]);

  return {
    ...state,
    loadOlder,
    /** How many posts have arrived live so far (for the screen-reader announcer). */
    arrivals,
    /** Shows the held posts. */
    release: useCallback(() => setState((s) => ({ ...s, posts: [...s.held, ...s.posts], held: [] })), []),
    /** Marks a post as this browser's own (after it sent it) and shows it. */
    addOwn: useCallback((post: WallPost) => {
      mine.current.add(post.id);
      known.current.add(post.id);
      setState((s) => ({
        ...s,
        posts: s.posts.some((p) => p.id === post.id)
          ? s.posts.map((p) => (p.id === post.id ? { ...post, mine: true } : p))
          : [{ ...post, mine: true }, ...s.posts],
        held: s.held.filter((p) => p.id !== post.id),
      }));
    }, []),
    apply,
  };
}

import { useCallback, useEffect, useRef, useState } from "react";
import type { WallChange, WallPost, WallView } from "./types.ts";

export type Connection = "connecting" | "live" | "offline";

interface LiveState {
  wall: WallView;
  posts: WallPost[];
  /** New posts that arrived while the reader was busy; shown behind the "N new posts" button. */
  held: WallPost[];
  connection: Connection;
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

/** The first page of the wall's posts, as GET /api/walls/:id/posts gives it. */
interface PostPage {
  posts: WallPost[];
}

/**
 * Keeps the wall's posts live over server-sent events. The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so the server
 * replays what was missed. While `holdArrivals()` is true (composer open, or
 * scrolled away from the top) new posts wait in `held` instead of moving what
 * the person is reading; edits, removals and counts apply at once. After a
 * `reset` the first page of posts is read again; changes arriving meanwhile
 * wait and are applied on top of it, in order.
 */
export function useWallLive(initial: { wall: WallView; posts: WallPost[]; seq: number }, holdArrivals: () => boolean) {
  const [state, setState] = useState<LiveState>({
    wall: initial.wall,
    posts: initial.posts,
    held: [],
    connection: "connecting",
  });
  const mine = useRef(new Set(initial.posts.filter((p) => p.mine).map((p) => p.id)));
  const known = useRef(new Set(initial.posts.map((p) => p.id)));
  const hold = useRef(holdArrivals);
  hold.current = holdArrivals;
  const [arrivals, setArrivals] = useState(0);

  const apply = useCallback((change: WallChange) => {
    if (change.type === "post" && !known.current.has(change.post.id)) {
      known.current.add(change.post.id);
      const post: WallPost = { ...change.post, mine: mine.current.has(change.post.id) };
      setArrivals((n) => n + 1);
      // Your own post appears at once; others wait while you read or write.
      const held = !post.mine && hold.current();
      setState((s) => (held ? { ...s, held: [post, ...s.held] } : { ...s, posts: [post, ...s.posts] }));
      return;
    }
    if (change.type === "post.removed") known.current.delete(change.id);
    setState((s) => {
      switch (change.type) {
        case "wall":
          return { ...s, wall: change.wall };
        case "post.removed":
          return {
            ...s,
            posts: s.posts.filter((p) => p.id !== change.id),
            held: s.held.filter((p) => p.id !== change.id),
          };
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
      void fetch(`/api/walls/${wallId}/posts`, { headers: { accept: "application/json" } })
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

  return {
    ...state,
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

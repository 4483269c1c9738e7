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
 * Keeps the wall's posts live over server-sent events. The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so the server
 * replays what was missed. While `holdArrivals()` is true (composer open, or
 * scrolled away from the top) new posts wait in `held` instead of moving what
 * the person is reading; edits, removals and counts apply at once.
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
    const source = new EventSource(`/api/walls/${initial.wall.id}/events?lastEventId=${initial.seq}`);
    source.addEventListener("open", () => setState((s) => ({ ...s, connection: "live" })));
    source.addEventListener("error", () =>
      setState((s) => ({ ...s, connection: source.readyState === EventSource.CLOSED ? "offline" : "connecting" })),
    );
    source.addEventListener("change", (event) => apply(JSON.parse((event as MessageEvent<string>).data) as WallChange));
    return () => source.close();
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

import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n.ts";
import { ButtonAnchor } from "../kit/Button.tsx";
import type { WallPost } from "./types.ts";

interface OlderPostsProps {
  /** The next page's address without JavaScript (?cursor=); null when the oldest post is shown. */
  href: string | null;
  /** Whether the page's script runs (then the next page is appended in place). */
  hydrated: boolean;
  hasMore: boolean;
  loading: boolean;
  /** Appends the next page: the top-level posts it added, or false when it could not be read. */
  load(): Promise<WallPost[] | false>;
}

/** Focuses a post's card once React has shown it (a few frames at most after its page arrived). */
function focusWhenShown(id: string, framesLeft = 30) {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`#posts article[data-post-id="${id}"]`);
    if (card) card.focus();
    else if (framesLeft > 0) focusWhenShown(id, framesLeft - 1);
  });
}

/**
 * Below the feed: older posts. Without JavaScript a link to the next page;
 * with it a button that appends the next page (and the same when the reader
 * scrolls near the end), then moves the focus to the first post it added, so
 * a keyboard or screen-reader user reads on from there. What happened is said
 * in a polite status line.
 */
export function OlderPosts({ href, hydrated, hasMore, loading, load }: OlderPostsProps) {
  const { t } = useI18n();
  const [message, setMessage] = useState("");
  const [failed, setFailed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  // A press while the next page is already coming (the reader scrolled near the end) waits for that
  // page and then moves the focus to it.
  const pending = useRef<Promise<WallPost[] | false> | null>(null);
  const run = async (moveFocus: boolean) => {
    setMessage(t("walls.olderLoading"));
    pending.current ??= loadRef.current().finally(() => {
      pending.current = null;
    });
    const added = await pending.current;
    if (added === false) {
      setFailed(true);
      setMessage(t("walls.olderFailed"));
      return;
    }
    setFailed(false);
    setMessage(t("walls.olderLoaded", { count: added.length }));
    const first = added[0];
    if (!moveFocus || !first) return;
    focusWhenShown(first.id);
  };
  const runRef = useRef(run);
  runRef.current = run;

  // Near the end of the feed the next page comes by itself; after a failure only the button retries.
  useEffect(() => {
    const target = button.current;
    if (!hydrated || !hasMore || failed || loading || !target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void runRef.current(false);
      },
      { rootMargin: "0px 0px 600px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hydrated, hasMore, failed, loading]);

  return (
    <div className="wall-older">
      {hasMore &&
        (hydrated ? (
          // aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page's body.
          <button
            ref={button}
            type="button"
            className="button-secondary"
            aria-disabled={loading}
            onClick={() => void run(true)}
          >
            {t("walls.olderPosts")}
          </button>
        ) : (
          href && (
            <ButtonAnchor href={href} rel="next">
              {t("walls.olderPosts")}
            </ButtonAnchor>
          )
        ))}
      {hydrated && !hasMore && message && <p className="muted">{t("walls.allShown")}</p>}
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </div>
  );
}

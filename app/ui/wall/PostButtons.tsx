import { type ReactNode, useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";

type ActionResult = { error?: { message: string } } | undefined;

/** The hidden fields that tell the wall page's action what to do with which post. */
function IntentFields({ intent, postId, extra }: { intent: string; postId: string; extra?: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="postId" value={postId} />
      {extra &&
        Object.entries(extra).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
    </>
  );
}

function FetcherError({ data }: { data: unknown }) {
  const error = (data as ActionResult)?.error;
  return error ? (
    <span role="alert" className="field-error">
      {error.message}
    </span>
  ) : null;
}

/** Calls `done` once each time the fetcher's submission has been answered. */
function useAnswered(state: string, done: (() => void) | undefined) {
  const busy = useRef(false);
  const callback = useRef(done);
  callback.current = done;
  useEffect(() => {
    if (state !== "idle") busy.current = true;
    else if (busy.current) {
      busy.current = false;
      callback.current?.();
    }
  }, [state]);
}

/**
 * One button that posts an intent to the wall page's action (a plain form without JavaScript).
 * It is never disabled while sending, so the focus stays on it; every intent is safe to repeat.
 */
export function ActionButton({
  intent,
  postId,
  label,
  extra,
  className = "post-action",
  onSubmit,
  onAnswered,
}: {
  intent: string;
  postId: string;
  label: ReactNode;
  extra?: Record<string, string>;
  className?: string;
  /** Before the request goes (e.g. where the focus goes when the post is gone). */
  onSubmit?: () => void;
  /** After the server answered; `ok` unless it refused (its message is then shown beside the button). */
  onAnswered?: (ok: boolean) => void;
}) {
  const fetcher = useFetcher();
  useAnswered(fetcher.state, () => onAnswered?.(!(fetcher.data as ActionResult)?.error));
  return (
    <fetcher.Form method="post" className={className} onSubmit={onSubmit}>
      <IntentFields intent={intent} postId={postId} extra={extra} />
      <button type="submit" className="post-button">
        {label}
      </button>
      <FetcherError data={fetcher.data} />
    </fetcher.Form>
  );
}

/**
 * Like or vote: a toggle button (aria-pressed) that the same person can press again to take
 * it back. Shown pressed at once while the request is on its way; if the server refuses, it
 * goes back to what it was.
 */
export function ToggleButton({
  intent,
  postId,
  label,
  initiallyPressed,
}: {
  intent: "like" | "upvote";
  postId: string;
  label: string;
  initiallyPressed: boolean;
}) {
  const fetcher = useFetcher();
  const [pressed, setPressed] = useState(initiallyPressed);
  const sent = fetcher.formData?.get("on");
  const shown = typeof sent === "string" ? sent === "true" : pressed;
  const lastSent = useRef<string | null>(null);
  if (typeof sent === "string") lastSent.current = sent;
  useAnswered(fetcher.state, () => {
    const failed = (fetcher.data as ActionResult)?.error;
    if (!failed && lastSent.current !== null) setPressed(lastSent.current === "true");
  });
  return (
    <fetcher.Form method="post" className="post-action">
      <IntentFields intent={intent} postId={postId} extra={{ on: shown ? "false" : "true" }} />
      <button type="submit" className="post-button" aria-pressed={shown}>
        {label}
      </button>
      <FetcherError data={fetcher.data} />
    </fetcher.Form>
  );
}

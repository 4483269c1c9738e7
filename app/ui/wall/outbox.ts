import { useCallback, useEffect, useRef, useState } from "react";
import type { PostView } from "./types.ts";

export interface PostDraft {
  kind: "comment" | "question" | "remark";
  title?: string;
  body: string;
  authorName?: string;
  sectionId?: string;
  parentId?: string;
  linkUrl?: string;
  attachmentFileId?: string;
  attachmentAlt?: string;
  idempotencyKey: string;
}

export interface OutboxEntry {
  draft: PostDraft;
  /** waiting: no connection, will be sent when it returns; failed: the server refused it (message says why). */
  state: "sending" | "waiting" | "failed" | "sent";
  message?: string;
}

const storageKey = (wallId: string) => `uudistamo:outbox:${wallId}`;
const retryMs = 5_000;

function load(wallId: string): OutboxEntry[] {
  try {
    const entries = JSON.parse(localStorage.getItem(storageKey(wallId)) ?? "[]") as OutboxEntry[];
    return entries.map((e) => (e.state === "sending" ? { ...e, state: "waiting" } : e));
  } catch {
    // Unreadable storage (private mode, a broken value): start with an empty outbox.
    return [];
  }
}

/**
 * Posts written on a phone with flaky seminar Wi-Fi: each is kept in the
 * browser's storage until the server has it, sent again when the connection
 * returns, and the idempotency key makes every retry the same post.
 */
export function useOutbox(wallId: string, onSent: (post: PostView) => void) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const latest = useRef(entries);
  latest.current = entries;
  const sending = useRef(new Set<string>());
  const sent = useRef(onSent);
  sent.current = onSent;

  const save = useCallback(
    (update: (entries: OutboxEntry[]) => OutboxEntry[]) => {
      setEntries((current) => {
        const next = update(current);
        try {
          localStorage.setItem(storageKey(wallId), JSON.stringify(next.filter((e) => e.state !== "sent")));
        } catch {
          // Storage full or blocked: the post is still tried while the page stays open.
        }
        return next;
      });
    },
    [wallId],
  );

  const send = useCallback(
    async (draft: PostDraft) => {
      if (sending.current.has(draft.idempotencyKey)) return;
      sending.current.add(draft.idempotencyKey);
      const mark = (state: OutboxEntry["state"], message?: string) =>
        save((all) => all.map((e) => (e.draft.idempotencyKey === draft.idempotencyKey ? { ...e, state, message } : e)));
      mark("sending");
      try {
        const response = await fetch(`/api/walls/${wallId}/posts`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          credentials: "same-origin",
          body: JSON.stringify(draft),
        });
        if (response.ok) {
          sent.current((await response.json()) as PostView);
          mark("sent");
          // The "sent" confirmation stays a moment, then the entry goes.
          setTimeout(() => save((all) => all.filter((e) => e.draft.idempotencyKey !== draft.idempotencyKey)), 4_000);
        } else if (response.status >= 500 || response.status === 429) {
          mark("waiting", ((await response.json().catch(() => ({}))) as { message?: string }).message);
        } else {
          mark("failed", ((await response.json().catch(() => ({}))) as { message?: string }).message);
        }
      } catch {
        // No connection: keep it and try again when the browser is back online.
        mark("waiting");
      } finally {
        sending.current.delete(draft.idempotencyKey);
      }
    },
    [wallId, save],
  );

  useEffect(() => {
    const stored = load(wallId);
    setEntries(stored);
    for (const e of stored) if (e.state === "waiting") void send(e.draft);
    const retry = () => {
      for (const e of latest.current) if (e.state === "waiting") void send(e.draft);
    };
    window.addEventListener("online", retry);
    const timer = window.setInterval(retry, retryMs);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [wallId, send]);

  return {
    entries,
    submit(draft: PostDraft) {
      save((all) => [...all, { draft, state: "sending" }]);
      void send(draft);
    },
    discard(key: string) {
      save((all) => all.filter((e) => e.draft.idempotencyKey !== key));
    },
  };
}

export const newIdempotencyKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;

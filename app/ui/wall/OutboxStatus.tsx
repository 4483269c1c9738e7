import { useI18n } from "../i18n.ts";
import type { OutboxEntry } from "./outbox.ts";

/**
 * The writer's own posts on their way: sending, waiting for the connection, sent, or refused
 * (and why). `offline`: the wall has no connection now, said in so many words above the posts.
 */
export function OutboxStatus({
  entries,
  offline,
  onDiscard,
}: {
  entries: OutboxEntry[];
  offline: boolean;
  onDiscard(key: string): void;
}) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <section className="outbox" aria-label={t("walls.outbox")}>
      <div role="status" aria-live="polite">
        {offline && entries.some((e) => e.state !== "sent") && (
          <p className="outbox-offline">{t("walls.outbox.offline")}</p>
        )}
        <ul>
          {entries.map((entry) => (
            <li key={entry.draft.idempotencyKey} className={`outbox-${entry.state}`}>
              <span className="outbox-text">{entry.draft.body.slice(0, 80)}</span>{" "}
              <strong>{t(`walls.outbox.${entry.state}`)}</strong>
              {entry.message && <span> {entry.message}</span>}
              {entry.state === "failed" && (
                <button type="button" className="post-button" onClick={() => onDiscard(entry.draft.idempotencyKey)}>
                  {t("walls.discard")}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

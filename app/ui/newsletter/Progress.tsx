import { useI18n } from "../i18n.ts";

export interface ProgressData {
  total: number;
  sent: number;
  failed: number;
  left: number;
}

/** Sent / failed / left as a native progress bar (read by screen readers) and the numbers as text. */
export function SendProgress({ progress }: { progress: ProgressData }) {
  const { t, number } = useI18n();
  const done = progress.total - progress.left;
  const summary = t("newsletter.progress.summary", {
    sent: number(progress.sent),
    failed: number(progress.failed),
    left: number(progress.left),
    total: number(progress.total),
  });
  return (
    <div className="stack" id="newsletter-progress">
      <label htmlFor="newsletter-progress-bar">{t("newsletter.progress.label")}</label>
      <progress
        id="newsletter-progress-bar"
        max={Math.max(progress.total, 1)}
        value={done}
        aria-valuetext={summary}
        style={{ width: "100%", height: "1.5rem" }}
      />
      <p role="status" data-testid="newsletter-progress-text">
        {summary}
      </p>
    </div>
  );
}

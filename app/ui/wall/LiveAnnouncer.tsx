import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n.ts";

// At most one announcement this often, so a busy wall does not flood a screen reader.
const throttleMs = 8_000;

/** A polite live region that says how many posts arrived, in batches. */
export function LiveAnnouncer({ arrivals }: { arrivals: number }) {
  const { t } = useI18n();
  const [message, setMessage] = useState("");
  const announced = useRef(arrivals);
  const lastAt = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (arrivals === announced.current) return;
    const speak = () => {
      const fresh = arrivals - announced.current;
      if (fresh <= 0) return;
      announced.current = arrivals;
      lastAt.current = Date.now();
      setMessage(t("walls.arrived", { count: fresh }));
    };
    const wait = throttleMs - (Date.now() - lastAt.current);
    window.clearTimeout(timer.current);
    if (wait <= 0) speak();
    else timer.current = window.setTimeout(speak, wait);
    return () => window.clearTimeout(timer.current);
  }, [arrivals, t]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}

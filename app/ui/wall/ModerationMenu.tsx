import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../i18n.ts";

/**
 * A post's moderation actions behind one compact button. With JavaScript it is a disclosure
 * button (aria-expanded) whose panel opens below it: Tab moves into the actions, Escape or
 * a click elsewhere closes it, and Escape or an action taken puts the focus back on the
 * button. Without JavaScript the same actions sit in a native <details>.
 *
 * `children` gets `done`, for an action to call when it has been taken.
 */
export function ModerationMenu({
  describedBy,
  children,
}: {
  /** The post's title, so each post's button is told apart by a screen reader. */
  describedBy: string;
  children(done: () => void): ReactNode;
}) {
  const { t } = useI18n();
  const panelId = useId();
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      // The wall's own Escape (closing the composer) is not this one.
      event.stopPropagation();
      close();
    }
  };

  if (!hydrated) {
    return (
      <details className="post-menu">
        <summary className="post-button post-menu-button" aria-describedby={describedBy}>
          {t("walls.moderate")}
        </summary>
        <div className="post-menu-panel">{children(() => {})}</div>
      </details>
    );
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere in the menu closes it; the button and the actions are the controls
    <div className="post-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="post-button post-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={describedBy}
        onClick={() => setOpen((o) => !o)}
      >
        {t("walls.moderate")}
      </button>
      <div id={panelId} className="post-menu-panel" hidden={!open}>
        {children(close)}
      </div>
    </div>
  );
}

import type { z } from "zod";
import type { costEntrySchema, settlementSchema } from "../../../src/modules/alliances/presenters.ts";
import { useI18n } from "../i18n.ts";
import { amountText } from "./format.ts";

type Step = z.infer<typeof settlementSchema>["years"][number]["steps"][number];
type Entry = Pick<z.infer<typeof costEntrySchema>, "bookedOn" | "auditReference" | "amount">;

/** The formula's steps in order; each can be reached by its anchor (#step-<id>) and links to what it rests on. */
export function SettlementSteps({ steps, entries }: { steps: Step[]; entries: Record<string, Entry> }) {
  const { t, date, locale } = useI18n();
  const shown = steps.filter((s) => s.id !== "rounding");
  const rounding = steps.find((s) => s.id === "rounding");
  return (
    <>
      {rounding && <p id="step-rounding">{rounding.description}</p>}
      <ol className="stack">
        {shown.map((step) => {
          const earlier = step.sources.filter((s) => s.kind === "step");
          const costEntries = step.sources.filter((s) => s.kind === "costEntry");
          const other = step.sources.filter((s) => s.kind === "model" || s.kind === "adjustment");
          return (
            <li key={step.id} id={`step-${step.id}`} tabIndex={-1}>
              <p>
                <strong>{step.ruleName}</strong>: {step.description}
              </p>
              {(earlier.length > 0 || other.length > 0) && (
                <p>
                  {t("alliances.settlement.from")}:{" "}
                  {earlier.map((s, i) => (
                    <span key={s.ref}>
                      {i > 0 && ", "}
                      <a href={`#step-${s.ref}`}>{steps.find((x) => x.id === s.ref)?.ruleName ?? s.ref}</a>
                    </span>
                  ))}
                  {other.map((s, i) => (
                    <span key={`${s.kind}-${s.ref}`}>
                      {earlier.length + i > 0 && ", "}
                      {s.kind === "model"
                        ? t("alliances.settlement.modelPart", { path: s.ref })
                        : t("alliances.settlement.adjustment", { index: Number(s.ref) + 1 })}
                    </span>
                  ))}
                </p>
              )}
              {costEntries.length > 0 && (
                <details>
                  <summary>
                    {t("alliances.settlement.entries")} ({costEntries.length})
                  </summary>
                  <ul>
                    {costEntries.map((s) => {
                      const e = entries[s.ref];
                      return (
                        <li key={s.ref}>
                          {e ? `${date(e.bookedOn)} · ${e.auditReference} · ${amountText(locale, e.amount)}` : s.ref}
                        </li>
                      );
                    })}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

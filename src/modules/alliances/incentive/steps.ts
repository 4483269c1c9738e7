import { formatMoney, type Money } from "../../../core/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { incentiveText, type RuleKey, type StepTextKey } from "./messages.ts";
import type { Rational } from "./rational.ts";

/**
 * The formula's steps: a settlement (settle.ts) returns every figure together
 * with the step that produced it, so a page can show "how this figure came
 * about" and follow an amount back through earlier steps to the cost entries,
 * the approved adjustments and the model's rules behind it.
 *
 * A step is plain data: a rule (what part of the agreement applies), a text
 * (a message key whose placeholders are the step's inputs and `result`), the
 * values, and where they came from. `describeStep` renders it in fi/sv/en.
 */
export interface Step {
  /** Stable within one settlement: "target", "band.pain.1", "split.owner.<partyId>" … */
  id: string;
  /** The rule of the incentive model that produced it (alliances.rule.*). */
  rule: RuleKey;
  /** Its sentence (alliances.step.*); placeholders are the names in `inputs` and `result`. */
  text: StepTextKey;
  inputs: Record<string, StepValue>;
  result: StepValue;
  /** What the inputs came from: earlier steps, cost entries, approved adjustments, parts of the model. */
  sources: StepSource[];
}

export type StepValue =
  | { kind: "money"; value: Money }
  /** 1 bp = 0.01 %: 3000 is 30 %. */
  | { kind: "basisPoints"; value: number }
  /** An exact fraction (index factor, KRA points and scores). */
  | { kind: "ratio"; value: Rational }
  /** A decimal as written in the model or the results ("76", "78.5"). */
  | { kind: "decimal"; value: string }
  /** A whole number: a year, a band's number. */
  | { kind: "number"; value: number }
  /** A name or id as stored (a party, a measure). */
  | { kind: "text"; value: string };

export type StepSource =
  | { kind: "step"; id: string }
  | { kind: "costEntry"; id: string }
  /** The index of an approved adjustment in the model's `adjustments`. */
  | { kind: "adjustment"; index: number }
  /** A part of the model, as a path: "painBands.1", "providerShares.0", "kra.areas.0.measures.2". */
  | { kind: "model"; path: string };

export const value = {
  money: (v: Money): StepValue => ({ kind: "money", value: v }),
  basisPoints: (v: number): StepValue => ({ kind: "basisPoints", value: v }),
  ratio: (v: Rational): StepValue => ({ kind: "ratio", value: v }),
  decimal: (v: string): StepValue => ({ kind: "decimal", value: v }),
  number: (v: number): StepValue => ({ kind: "number", value: v }),
  text: (v: string): StepValue => ({ kind: "text", value: v }),
};

/** An exact fraction as a decimal of at most `digits` places (half away from zero; display only). */
function ratioDigits(r: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const negative = r.numerator < 0n;
  const n = (negative ? -r.numerator : r.numerator) * scale;
  let q = n / r.denominator;
  if ((n % r.denominator) * 2n >= r.denominator) q += 1n;
  const whole = (q / scale).toString();
  const fraction = (q % scale).toString().padStart(digits, "0").replace(/0+$/, "");
  return `${negative && q !== 0n ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

function localDecimal(text: string, locale: Locale): string {
  if (locale === "en") return text;
  return text.replace(".", ",").replace(/^-/, "\u2212");
}

/** A step's value as people read it in the language: "1 234,56 €", "30 %", "1,040628". */
export function formatStepValue(v: StepValue, locale: Locale): string {
  switch (v.kind) {
    case "money":
      return formatMoney(v.value, locale);
    case "basisPoints": {
      const percent = localDecimal(ratioDigits({ numerator: BigInt(v.value), denominator: 100n }, 2), locale);
      return locale === "en" ? `${percent}%` : `${percent}\u00a0%`;
    }
    case "ratio":
      return localDecimal(ratioDigits(v.value, 6), locale);
    case "decimal":
      return localDecimal(v.value, locale);
    case "number":
      return String(v.value);
    case "text":
      return v.value;
  }
}

/**
 * The step's sentence in the language, its values filled in. `names` turns the
 * ids in text values (party ids) into the names people know.
 */
export function describeStep(step: Step, locale: Locale, names: Readonly<Record<string, string>> = {}): string {
  const params: Record<string, string> = {};
  for (const [name, v] of Object.entries(step.inputs))
    params[name] =
      v.kind === "text" && Object.hasOwn(names, v.value) ? (names[v.value] ?? v.value) : formatStepValue(v, locale);
  params.result = formatStepValue(step.result, locale);
  return incentiveText(locale, step.text, params);
}

/** The name of the rule that produced the step, in the language. */
export const ruleName = (step: Step, locale: Locale): string => incentiveText(locale, step.rule);

/**
 * Everything behind a step, following its step sources back to the start: the
 * steps in the order they were taken, and the cost entries, adjustments and
 * model parts they rest on. For "click an amount, see where it came from".
 */
export function traceStep(
  steps: readonly Step[],
  stepId: string,
): { steps: Step[]; costEntryIds: string[]; adjustmentIndexes: number[]; modelPaths: string[] } {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const entries = new Set<string>();
  const adjustments = new Set<number>();
  const paths = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    const step = byId.get(id);
    if (!step) return;
    seen.add(id);
    for (const source of step.sources) {
      if (source.kind === "step") visit(source.id);
      else if (source.kind === "costEntry") entries.add(source.id);
      else if (source.kind === "adjustment") adjustments.add(source.index);
      else paths.add(source.path);
    }
  };
  visit(stepId);
  return {
    steps: steps.filter((s) => seen.has(s.id)),
    costEntryIds: [...entries],
    adjustmentIndexes: [...adjustments].sort((a, b) => a - b),
    modelPaths: [...paths],
  };
}

import { data } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import { errorBody, toAppError } from "../../src/http/respond-error.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { type SubmittedValues, submittedValues } from "./commitments-form.server.ts";

/**
 * The alliances' money forms (invoices, payments, the incentive model). The forms send text; the model's numbers
 * are read here into what the incentive schema takes: percentages into basis points, typed index figures into an
 * exact fraction. Nothing is refused here: a value that is not a number is passed on as typed, so the service's
 * one parse refuses it with the field's own message and path (the field's name), and nothing is written.
 */

/** `attemptForm` that also gives back what was sent, so a refused form comes back filled in (also without JS). */
export async function attemptKeepingForm<Intent extends string, T>(
  locale: Locale,
  intent: Intent,
  form: FormData,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (error) {
    const known = isAppError(error) ? error : toAppError(error);
    if (known.code !== "INTERNAL") {
      return data(
        { error: errorBody(known, locale), intent, submitted: submittedValues(form) as SubmittedValues },
        { status: known.status },
      );
    }
    throw error;
  }
}

const decimalPattern = /^(-)?(\d{1,12})(?:[.,](\d{1,12}))?$/;

/** "30", "30,5", "0.13", "30 %" → whole basis points (3000, 3050, 13); anything else as typed; empty undefined. */
export function percentToBasisPoints(typed: string): number | string | undefined {
  const text = typed.replace(/[\s\u00a0]*%$/, "").trim();
  if (text === "") return undefined;
  const match = decimalPattern.exec(text);
  if (!match || (match[3] ?? "").length > 2) return typed;
  const units = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -units : units;
}

/** A whole number typed (a year): the number, or the text as typed. */
export function wholeNumber(typed: string): number | string | undefined {
  const text = typed.trim();
  if (text === "") return undefined;
  return /^-?\d{1,15}$/.test(text) ? Number(text) : typed;
}

/**
 * An index correction typed as two figures (index now, index at the base date: "112,7" and "108,3") as an exact
 * fraction of whole numbers (1127 / 1083). Both empty: none (the schema's 1/1).
 */
export function indexFraction(
  now: string,
  base: string,
): { numerator: number | string | undefined; denominator: number | string | undefined } | undefined {
  const [a, b] = [now.trim(), base.trim()];
  if (a === "" && b === "") return undefined;
  const read = (t: string) => {
    const match = /^(\d{1,9})(?:[.,](\d{1,6}))?$/.exec(t);
    return match ? { digits: `${match[1]}${match[2] ?? ""}`, places: (match[2] ?? "").length } : null;
  };
  const [x, y] = [read(a), read(b)];
  const places = Math.max(x?.places ?? 0, y?.places ?? 0);
  const scaled = (r: ReturnType<typeof read>, typed: string) =>
    r ? Number(r.digits) * 10 ** (places - r.places) : typed === "" ? undefined : typed;
  return { numerator: scaled(x, a), denominator: scaled(y, b) };
}

/** How many rows of each list the model form shows (the stored version's, and room for more). */
export interface ModelFormShape {
  adjustments: number;
  gainBands: number;
  painBands: number;
  areas: number;
  measures: number;
}

/** Field name → typed text; `rows` gives the indices up to the last row with anything typed in it. */
class Fields {
  constructor(readonly form: FormData) {}
  text(name: string): string {
    const v = this.form.get(name);
    return typeof v === "string" ? v : "";
  }
  optional(name: string): string | undefined {
    const v = this.text(name).trim();
    return v === "" ? undefined : v;
  }
  rows(prefix: string, fields: readonly string[], count: number): number[] {
    let last = -1;
    for (let i = 0; i < count; i++) if (fields.some((f) => this.text(`${prefix}.${i}.${f}`).trim() !== "")) last = i;
    return Array.from({ length: last + 1 }, (_, i) => i);
  }
}

/**
 * The model form as the incentive schema's input. Rows are taken up to the last one typed in, so a row's index
 * is its place on the form and every refusal's path is the name of the field it is about.
 */
export function modelFromForm(
  form: FormData,
  shape: ModelFormShape,
  years: readonly number[],
  parties: readonly { id: string; side: "owner" | "provider" }[],
) {
  const f = new Fields(form);
  const bands = (list: "gainBands" | "painBands") =>
    f.rows(list, ["toBasisPointsOfTarget", "providersShareBasisPoints"], shape[list]).map((i) => {
      const limit = f.text(`${list}.${i}.toBasisPointsOfTarget`);
      return {
        toBasisPointsOfTarget: limit.trim() === "" ? null : percentToBasisPoints(limit),
        providersShareBasisPoints: percentToBasisPoints(f.text(`${list}.${i}.providersShareBasisPoints`)),
      };
    });
  const shares = (list: "providerShares" | "ownerShares", side: "owner" | "provider") =>
    parties
      .filter((p) => p.side === side)
      .map((p, i) => ({
        partyId: p.id,
        shareBasisPoints: percentToBasisPoints(f.text(`${list}.${i}.shareBasisPoints`)) ?? 0,
      }));
  const kind = f.text("kra.kind");
  const measureFields = ["name", "weightBasisPoints", "baseline", "target", "poor", "outstanding"];
  const kra =
    kind === "pool"
      ? {
          kind,
          pool: f.text("kra.pool"),
          areas: Array.from({ length: shape.areas }, (_, a) => a)
            .filter(
              (a) =>
                f.text(`kra.areas.${a}.name`).trim() !== "" ||
                f.text(`kra.areas.${a}.weightBasisPoints`).trim() !== "" ||
                f.rows(`kra.areas.${a}.measures`, measureFields, shape.measures).length > 0,
            )
            .map((a) => ({
              id: f.text(`kra.areas.${a}.id`),
              name: f.text(`kra.areas.${a}.name`),
              weightBasisPoints: percentToBasisPoints(f.text(`kra.areas.${a}.weightBasisPoints`)),
              measures: f.rows(`kra.areas.${a}.measures`, measureFields, shape.measures).map((m) => {
                const p = `kra.areas.${a}.measures.${m}`;
                return {
                  id: f.text(`${p}.id`),
                  name: f.text(`${p}.name`),
                  weightBasisPoints: percentToBasisPoints(f.text(`${p}.weightBasisPoints`)),
                  baseline: f.text(`${p}.baseline`),
                  target: f.text(`${p}.target`),
                  poor: f.text(`${p}.poor`),
                  outstanding: f.text(`${p}.outstanding`),
                };
              }),
            })),
        }
      : kind === "perPoint"
        ? {
            kind,
            promisedPoints: f.text("kra.promisedPoints"),
            bonusBasisPointsPerPoint: percentToBasisPoints(f.text("kra.bonusBasisPointsPerPoint")),
            sanctionBasisPointsPerPoint: percentToBasisPoints(f.text("kra.sanctionBasisPointsPerPoint")),
          }
        : { kind };
  const gainCap = f.text("gainCap.kind");
  const painCap = f.text("painCap.kind");
  const annual = f.text("annualGainCap.basisPointsOfTarget");
  const model = {
    version: wholeNumber(f.text("version")),
    validFrom: f.text("validFrom"),
    years: years.map((year, i) => ({
      year,
      baseTarget: f.text(`years.${i}.baseTarget`),
      index: indexFraction(f.text(`years.${i}.index.numerator`), f.text(`years.${i}.index.denominator`)),
    })),
    adjustments: f.rows("adjustments", ["year", "amount", "reason", "approvedOn"], shape.adjustments).map((i) => ({
      year: wholeNumber(f.text(`adjustments.${i}.year`)),
      amount: f.text(`adjustments.${i}.amount`),
      reason: f.text(`adjustments.${i}.reason`),
      approvedOn: f.text(`adjustments.${i}.approvedOn`),
    })),
    gainBands: bands("gainBands"),
    painBands: bands("painBands"),
    gainCap: gainCap === "amount" ? { kind: gainCap, amount: f.text("gainCap.amount") } : { kind: gainCap },
    painCap: painCap === "amount" ? { kind: painCap, amount: f.text("painCap.amount") } : { kind: painCap },
    annualGainCap: annual.trim() === "" ? null : { basisPointsOfTarget: percentToBasisPoints(annual) },
    providerShares: shares("providerShares", "provider"),
    ownerShares: shares("ownerShares", "owner"),
    kra,
  };
  // The schema refuses whatever is not what it takes, naming the field; the types are its to check.
  return model as never;
}

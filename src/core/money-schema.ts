import { z } from "zod";
import {
  type CurrencyCode,
  currencyCodes,
  defaultCurrency,
  type Money,
  maxCents,
  money,
  parseMoney,
  toCentsNumber,
} from "./money.ts";

/**
 * Money at the edges: Zod schemas for input and the JSON shape presenters
 * give. Issue messages are message keys ("money.invalid"); parseInput and the
 * API's validation hook translate them into the caller's language.
 */

const limit = Number(maxCents);

/** Cents as a JSON integer (the API): 123456 is 1 234,56 €. */
export const centsSchema = z.number().int().min(-limit).max(limit);

/**
 * A Money input: integer cents from JSON, or a decimal string typed into a form
 * ("1 234,56 €", "1234.56"; see parseMoney). `min` refuses smaller amounts
 * (budgets, caps: `min: money(0)`) with "money.negative" for a zero minimum.
 */
export function moneyInput(options: { currency?: CurrencyCode; min?: Money } = {}) {
  const currency = options.currency ?? defaultCurrency;
  return z.union([centsSchema, z.string().max(64)]).transform((value, ctx): Money => {
    let amount: Money;
    if (typeof value === "number") amount = money(value, currency);
    else {
      const parsed = parseMoney(value, currency);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error, input: value });
        return z.NEVER;
      }
      amount = parsed.value;
    }
    if (options.min && amount.cents < options.min.cents) {
      ctx.addIssue({ code: "custom", message: options.min.cents === 0n ? "money.negative" : "money.tooSmall" });
      return z.NEVER;
    }
    return amount;
  });
}

/** The JSON shape of an amount in every response: `{ "cents": 123456, "currency": "EUR" }`. */
export const moneyJsonSchema = z.object({ cents: centsSchema, currency: z.enum(currencyCodes) });
export type MoneyJson = z.infer<typeof moneyJsonSchema>;

export const moneyJson = (m: Money): MoneyJson => ({ cents: toCentsNumber(m), currency: m.currency });
export const moneyFromJson = (json: MoneyJson): Money => money(json.cents, json.currency);

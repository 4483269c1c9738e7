import { bigint, text } from "drizzle-orm/pg-core";
import { currencyCodes } from "./money.ts";

/**
 * Columns for an amount: cents in a PostgreSQL `bigint` read as a JavaScript
 * bigint (never a float, never a string), and the currency beside it. A table
 * with one currency for all its amounts (an alliance's budget lines) keeps one
 * currency column; build Money with `money(row.budgetCents, row.currency)`.
 */
export const centsColumn = (name: string) => bigint(name, { mode: "bigint" });
export const currencyColumn = (name = "currency") => text(name, { enum: currencyCodes }).notNull().default("EUR");

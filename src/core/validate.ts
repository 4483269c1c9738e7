import { z } from "zod";
import { AppError } from "../http/errors.ts";
import type { Locale } from "../i18n/locale.ts";
import { cleanStrings } from "./clean-text.ts";

const zodLocales = { fi: z.locales.fi(), sv: z.locales.sv(), en: z.locales.en() } as const;

/** Zod's own translations of its messages, picked per call rather than globally. */
export const zodErrorMap = (locale: Locale) => zodLocales[locale].localeError;

/**
 * Parses untrusted input: every string is cleaned first by the one text rule
 * (cleanText: no NUL or other control characters, no terminal escapes, nothing
 * but invisible characters counts as empty); on failure throws
 * VALIDATION_FAILED with translated per-field messages.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(cleanStrings(input), { error: zodErrorMap(locale) });
  if (result.success) return result.data;
  throw new AppError(
    "VALIDATION_FAILED",
    result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  );
}

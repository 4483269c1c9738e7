import { z } from "zod";
import type { Locale } from "../i18n/locale.ts";
import { isMessageKey, translate } from "../i18n/translate.ts";
import { cleanStrings } from "./clean-text.ts";
import { AppError } from "./errors.ts";

const zodLocales = { fi: z.locales.fi(), sv: z.locales.sv(), en: z.locales.en() } as const;

/** Zod's own translations of its messages, picked per call rather than globally. */
export const zodErrorMap = (locale: Locale) => zodLocales[locale].localeError;

/**
 * An issue's message in the caller's language. A shared schema that cannot know
 * the language (money-schema.ts, pagination.ts) puts a message key in its
 * custom issues; every other issue gets Zod's own translation.
 */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  if (isMessageKey(issue.message)) return translate(locale, issue.message);
  return zodErrorMap(locale)(issue as never)?.toString() ?? issue.message;
}

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
    result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: isMessageKey(issue.message) ? translate(locale, issue.message) : issue.message,
    })),
  );
}

import { AppError, isAppError } from "../../../src/core/errors.ts";
import type { Locale } from "../../../src/i18n/locale.ts";
import { translate } from "../../../src/i18n/translate.ts";

/**
 * The intermediate targets field ("2023: 66", one a line; "2023 66" and "2023=66" too) as the service's
 * year → value record. A line that is not a year and a value is refused, naming the line, before the service.
 */
export function intermediateTargetsOf(text: string, locale: Locale): Record<string, string> {
  const targets: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(\S+?)\s*[:=\s]\s*(\S+)$/.exec(line);
    if (!match) {
      throw new AppError("VALIDATION_FAILED", [
        {
          path: "intermediateTargets",
          message: translate(locale, "strategy.indicator.intermediateLine", { line: index + 1 }),
        },
      ]);
    }
    const [, year = "", value = ""] = match;
    targets[year] = value;
  }
  return targets;
}

/** An indicator form's fields as the service's input. */
export function indicatorFormInput(fields: Record<string, string>, locale: Locale) {
  return {
    name: fields.name ?? "",
    unit: fields.unit ?? "",
    direction: fields.direction ?? "",
    baselineValue: fields.baselineValue ?? "",
    baselineDate: fields.baselineDate ?? "",
    targetValue: fields.targetValue ?? "",
    targetDate: fields.targetDate ?? "",
    intermediateTargets: intermediateTargetsOf(fields.intermediateTargets ?? "", locale),
    dataSource: fields.dataSource ?? "",
  };
}

/**
 * Runs a service call whose refusal may name a part of a field ("intermediateTargets.2023"): the form has one
 * control for the whole record, so the issue is moved to it, and the error summary links to that control.
 */
export async function onFormFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.issues.length > 0) {
      const issues = error.issues.map((issue) => ({
        ...issue,
        path: issue.path.startsWith("intermediateTargets.") ? "intermediateTargets" : issue.path,
      }));
      throw new AppError(error.code, issues, { cause: error });
    }
    throw error;
  }
}

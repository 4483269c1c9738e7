import { formatNumber } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/locale.ts";

/** A size limit for people: "10 MB" ("10 Mt" in Finnish), "2 kB"; MiB and KiB, as file managers count. */
export function formatFileSize(locale: Locale, bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), "megabyte"]
      : bytes >= 1024
        ? [bytes / 1024, "kilobyte"]
        : [bytes, "byte"];
  return formatNumber(locale, value, { style: "unit", unit, maximumFractionDigits: 1 });
}

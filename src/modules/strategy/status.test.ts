import { describe, expect, it } from "vitest";
import { translate } from "../../i18n/translate.ts";
import { behindThreshold, behindThresholdPercent } from "./constants.ts";
import { canonicalDecimal, parseDecimal, toDecimal } from "./decimal.ts";
import { expectedOn, type IndicatorTarget, indicatorStatus, targetPath } from "./status.ts";

// Baseline 100 on 2021-01-01, target 200 on 2021-01-11: the path rises 10 a day, so day n expects 100 + 10n.
const rising: IndicatorTarget = {
  direction: "higher_better",
  baselineValue: "100",
  baselineDate: "2021-01-01",
  targetValue: "200",
  targetDate: "2021-01-11",
};
// The same path for an indicator where lower is better: 200 down to 100.
const falling: IndicatorTarget = { ...rising, direction: "lower_better", baselineValue: "200", targetValue: "100" };
const at = (date: string, value: string) => [{ date, value }];

describe("indicator status (the rule of strategy.statusRule.*)", () => {
  it("is no_data without measurements", () => {
    expect(indicatorStatus(rising, [])).toEqual({
      status: "no_data",
      latest: null,
      expected: null,
      progressPercent: null,
    });
  });

  it("interpolates the expected value on the straight path, exactly", () => {
    expect(toDecimal(expectedOn(rising, "2021-01-05"), 6)).toBe("140");
    // A third of a day's step: exact fractions, rounded only for display.
    const thirds: IndicatorTarget = { ...rising, targetValue: "101", targetDate: "2021-01-04" };
    expect(toDecimal(expectedOn(thirds, "2021-01-02"), 6)).toBe("100.333333");
    expect(indicatorStatus(thirds, at("2021-01-02", "100.333333")).status).toBe("behind");
    expect(indicatorStatus(thirds, at("2021-01-02", "100.333334")).status).toBe("on_track");
  });

  it("higher is better: on the path is on_track, exactly 75 % of the expected progress is behind, below it off_track", () => {
    // 2021-01-05 expects 140: 40 up from the baseline; 75 % of 40 is 30, so 130.
    expect(indicatorStatus(rising, at("2021-01-05", "140"))).toMatchObject({
      status: "on_track",
      expected: "140",
      progressPercent: "100",
    });
    expect(indicatorStatus(rising, at("2021-01-05", "140.000001")).status).toBe("on_track");
    expect(indicatorStatus(rising, at("2021-01-05", "139.999999")).status).toBe("behind");
    expect(indicatorStatus(rising, at("2021-01-05", "130"))).toMatchObject({ status: "behind", progressPercent: "75" });
    expect(indicatorStatus(rising, at("2021-01-05", "129.999999")).status).toBe("off_track");
    expect(indicatorStatus(rising, at("2021-01-05", "100")).status).toBe("off_track");
  });

  it("moving the wrong way is off_track, with a negative progress", () => {
    expect(indicatorStatus(rising, at("2021-01-05", "90"))).toMatchObject({
      status: "off_track",
      progressPercent: "-25",
    });
    expect(indicatorStatus(falling, at("2021-01-05", "210"))).toMatchObject({
      status: "off_track",
      progressPercent: "-25",
    });
  });

  it("lower is better: the sign turns, the boundaries stay", () => {
    // 2021-01-05 expects 160: 40 down; 75 % of that is 30 down, so 170.
    expect(indicatorStatus(falling, at("2021-01-05", "160")).status).toBe("on_track");
    expect(indicatorStatus(falling, at("2021-01-05", "150")).status).toBe("on_track");
    expect(indicatorStatus(falling, at("2021-01-05", "160.000001")).status).toBe("behind");
    expect(indicatorStatus(falling, at("2021-01-05", "170"))).toMatchObject({
      status: "behind",
      progressPercent: "75",
    });
    expect(indicatorStatus(falling, at("2021-01-05", "170.000001")).status).toBe("off_track");
  });

  it("judges only the latest measurement by date, whatever the order given", () => {
    const series = [
      { date: "2021-01-09", value: "100" },
      { date: "2021-01-02", value: "500" },
    ];
    expect(indicatorStatus(rising, series)).toMatchObject({ status: "off_track", latest: { date: "2021-01-09" } });
  });

  it("before the baseline date the path is the baseline; then no improvement is expected", () => {
    expect(indicatorStatus(rising, at("2020-12-01", "100"))).toMatchObject({
      status: "on_track",
      expected: "100",
      progressPercent: null,
    });
    // Any shortfall when nothing is expected yet is off track (there is no progress to be 75 % of).
    expect(indicatorStatus(rising, at("2020-12-01", "99.9")).status).toBe("off_track");
    // On the baseline date itself, likewise.
    expect(indicatorStatus(rising, at("2021-01-01", "99")).status).toBe("off_track");
  });

  it("after the target date the path stays at the target", () => {
    expect(toDecimal(expectedOn(rising, "2022-06-01"), 6)).toBe("200");
    expect(indicatorStatus(rising, at("2022-06-01", "200")).status).toBe("on_track");
    expect(indicatorStatus(rising, at("2022-06-01", "175")).status).toBe("behind");
    expect(indicatorStatus(rising, at("2022-06-01", "174.9")).status).toBe("off_track");
  });

  it("goes through intermediate targets at the end of their years", () => {
    const yearly: IndicatorTarget = {
      direction: "higher_better",
      baselineValue: "50",
      baselineDate: "2020-12-31",
      targetValue: "60",
      targetDate: "2023-12-31",
      // Most of the improvement expected in the first year; 2030 is outside the path and ignored.
      intermediateTargets: { "2021": "58", "2022": "59", "2030": "0" },
    };
    expect(targetPath(yearly).map((p) => [p.date, p.value, p.kind])).toEqual([
      ["2020-12-31", "50", "baseline"],
      ["2021-12-31", "58", "intermediate"],
      ["2022-12-31", "59", "intermediate"],
      ["2023-12-31", "60", "target"],
    ]);
    expect(toDecimal(expectedOn(yearly, "2021-12-31"), 6)).toBe("58");
    // Halfway through 2022 (2022-07-02 is day 183 of 365): 58 + 183/365.
    expect(toDecimal(expectedOn(yearly, "2022-07-02"), 6)).toBe("58.50137");
    // The end of 2021 expects 58 (8 up): 56 is exactly 75 % of that, behind; just under it off track. Without the
    // intermediate target the straight path expects 53.33… there, and 56 is on track.
    expect(indicatorStatus(yearly, at("2021-12-31", "56"))).toMatchObject({ status: "behind", progressPercent: "75" });
    expect(indicatorStatus(yearly, at("2021-12-31", "55.99")).status).toBe("off_track");
    expect(indicatorStatus({ ...yearly, intermediateTargets: {} }, at("2021-12-31", "56")).status).toBe("on_track");
  });

  it("a target worse than the baseline (limit a decline): at or above the path on track, otherwise off track", () => {
    const decline: IndicatorTarget = { ...rising, targetValue: "90" };
    expect(indicatorStatus(decline, at("2021-01-06", "95")).status).toBe("on_track");
    expect(indicatorStatus(decline, at("2021-01-06", "94.9")).status).toBe("off_track");
  });
});

describe("the rule as the page prints it", () => {
  it("names the same threshold as the code, in every language", () => {
    expect(Number(behindThreshold.numerator * 100n) / Number(behindThreshold.denominator)).toBe(behindThresholdPercent);
    for (const locale of ["fi", "sv", "en"] as const)
      for (const key of ["strategy.statusRule.behind", "strategy.statusRule.off_track"] as const)
        expect(translate(locale, key, { percent: behindThresholdPercent })).toContain("75 %");
  });
});

describe("decimal values", () => {
  it("reads numbers and texts with a decimal point or comma into canonical strings", () => {
    expect(parseDecimal("12,50")).toEqual({ value: "12.5" });
    expect(parseDecimal(" -0.0 ")).toEqual({ value: "0" });
    expect(parseDecimal("007")).toEqual({ value: "7" });
    expect(parseDecimal(".5")).toEqual({ value: "0.5" });
    expect(parseDecimal(12.25)).toEqual({ value: "12.25" });
    expect(canonicalDecimal("12.500000")).toBe("12.5");
  });

  it("refuses what is not a plain decimal number", () => {
    for (const bad of ["", "abc", "1e5", "1 000", "12.5.1", "NaN", "Infinity", "-", ".", "1,000.5"])
      expect(parseDecimal(bad), bad).toEqual({ problem: "notNumber" });
    expect(parseDecimal(Number.NaN)).toEqual({ problem: "notNumber" });
    expect(parseDecimal(1e21)).toEqual({ problem: "notNumber" });
    expect(parseDecimal("1234567890123456")).toEqual({ problem: "tooLarge" });
    expect(parseDecimal("0.1234567")).toEqual({ problem: "tooPrecise" });
  });

  it("rounds half away from zero for display", () => {
    expect(toDecimal({ n: 5n, d: 2n }, 0)).toBe("3");
    expect(toDecimal({ n: -5n, d: 2n }, 0)).toBe("-3");
    expect(toDecimal({ n: -1n, d: 3n }, 2)).toBe("-0.33");
    expect(toDecimal({ n: -1n, d: 1000n }, 2)).toBe("0");
  });
});

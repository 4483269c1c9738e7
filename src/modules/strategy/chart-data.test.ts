import { describe, expect, it } from "vitest";
import { indicatorChartRows, indicatorChartSeries, type PresentedIndicator } from "./chart-data.ts";

/** 60 % at the end of 2020 to 70 % at the end of 2025 through 66 % at the end of 2022; two measurements. */
const indicator: PresentedIndicator = {
  id: "00000000-0000-4000-8000-000000000001",
  goalId: "00000000-0000-4000-8000-000000000002",
  name: "Työllisyysaste",
  unit: "%",
  direction: "higher_better",
  baseline: { value: "60", date: "2020-12-31" },
  target: { value: "70", date: "2025-12-31" },
  intermediateTargets: [{ year: 2022, value: "66" }],
  path: [
    { date: "2020-12-31", value: "60", kind: "baseline" },
    { date: "2022-12-31", value: "66", kind: "intermediate" },
    { date: "2025-12-31", value: "70", kind: "target" },
  ],
  dataSource: "Tilastokeskus",
  position: 1,
  status: { status: "behind", latest: { date: "2022-12-31", value: "65" }, expected: "66", progressPercent: "83.3" },
  measurements: ["2021-12-31:62.5", "2022-12-31:65"].map((s, i) => {
    const [date = "", value = ""] = s.split(":");
    return {
      id: `00000000-0000-4000-8000-00000000001${i}`,
      indicatorId: "00000000-0000-4000-8000-000000000001",
      date,
      value,
      source: "",
      note: "",
      enteredBy: null,
      enteredAt: "2023-01-10T10:00:00.000Z",
      updatedAt: "2023-01-10T10:00:00.000Z",
    };
  }),
};

describe("an indicator's chart data", () => {
  it("lists every measurement and path point once, in date order, with the path's exact value that day", () => {
    expect(indicatorChartRows(indicator)).toEqual([
      { date: "2020-12-31", measured: null, expected: "60", target: null, pathPoint: "baseline" },
      // 365 of 730 days from 60 to 66.
      { date: "2021-12-31", measured: "62.5", expected: "63", target: null, pathPoint: null },
      { date: "2022-12-31", measured: "65", expected: "66", target: "66", pathPoint: "intermediate" },
      { date: "2025-12-31", measured: null, expected: "70", target: "70", pathPoint: "target" },
    ]);
  });

  it("gives the measured series, the path through every day and the set targets, told apart by line and marker", () => {
    const [measured, path, targets] = indicatorChartSeries(indicator, {
      measured: "Mitattu",
      expected: "Tavoitepolku",
      target: "Tavoite",
    });
    expect(measured).toEqual({
      name: "Mitattu",
      style: "solid",
      marker: "circle",
      points: [
        { x: "2021-12-31", y: 62.5 },
        { x: "2022-12-31", y: 65 },
      ],
    });
    expect(path?.points.map((p) => p.y)).toEqual([60, 63, 66, 70]);
    expect(path?.style).toBe("dashed");
    expect(targets?.points).toEqual([
      { x: "2022-12-31", y: 66 },
      { x: "2025-12-31", y: 70 },
    ]);
    expect(new Set([measured?.marker, path?.marker, targets?.marker]).size).toBe(3);
  });

  it("has only the path without measurements", () => {
    const rows = indicatorChartRows({ ...indicator, measurements: [] });
    expect(rows.map((r) => r.measured)).toEqual([null, null, null]);
  });
});

import type { ChartSpec } from "./chart-types.ts";

/** An indicator's measurements against its dashed target path, as the programme dashboard would show it. */
export const indicatorChart: ChartSpec = {
  kind: "line",
  title: "Sähköisen asioinnin osuus",
  description:
    "Osuus kasvoi 12,5 prosentista 31 prosenttiin vuosina 2024–2026; tavoite on 40 prosenttia vuoden 2027 alussa.",
  locale: "fi",
  xAxis: { label: "Mittauspäivä", type: "date" },
  yAxis: { label: "Osuus", unit: "%" },
  series: [
    {
      name: "Mitattu",
      style: "solid",
      marker: "circle",
      points: [
        { x: "2024-01-01", y: 12.5 },
        { x: "2025-01-01", y: 21 },
        { x: "2025-07-01", y: null },
        { x: "2026-01-01", y: 31 },
      ],
    },
    {
      name: "Tavoite",
      style: "dashed",
      marker: "none",
      points: [
        { x: "2024-01-01", y: 12.5 },
        { x: "2027-01-01", y: 40 },
      ],
    },
  ],
};

/** Counts per category, two series. */
export const postsChart: ChartSpec = {
  kind: "bar",
  title: "Viestit osioittain",
  description: "Eniten viestejä kirjoitettiin osioon Palvelut.",
  locale: "fi",
  xAxis: { label: "Osio" },
  yAxis: { label: "Viestejä", unit: "kpl" },
  series: [
    {
      name: "Kysymykset",
      style: "solid",
      points: [
        { x: "Palvelut", y: 1234 },
        { x: "Talous", y: 56 },
      ],
    },
    {
      name: "Kommentit",
      style: "dashed",
      points: [
        { x: "Palvelut", y: 78 },
        { x: "Talous", y: 9 },
      ],
    },
  ],
};

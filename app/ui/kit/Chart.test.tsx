import { describe, expect, it } from "vitest";
import { Chart } from "./Chart.tsx";
import { renderChart } from "./chart.server.ts";
import { indicatorChart, postsChart } from "./chart-fixtures.testing.ts";
import { chartPalette } from "./chart-types.ts";
import { parseHtml } from "./html.testing.ts";
import { renderWithRoot } from "./render.testing.tsx";
import { svgSafetyProblems } from "./svg-safety.server.ts";

/** Each body row's cells joined by spaces (a missing value reads "–" shown, "ei arvoa" to screen readers). */
const rows = (dom: ReturnType<typeof parseHtml>) =>
  dom
    .byTag("tr")
    .filter((tr) => tr.parent && "name" in tr.parent && tr.parent.name === "tbody")
    .map((tr) =>
      tr.children
        .filter((cell) => "name" in cell)
        .map((cell) => dom.text(cell as never))
        .join(" "),
    );

describe("Chart", () => {
  it("draws an SVG image named by its visible title and described by its visible description", async () => {
    const dom = parseHtml(await renderWithRoot(<Chart {...renderChart(indicatorChart)} />));
    const svg = dom.byTag("svg")[0];
    expect(dom.attr(svg, "role")).toBe("img");
    const title = dom.byId(dom.attr(svg, "aria-labelledby") ?? "none");
    expect(title?.name).toBe("h3");
    expect(dom.text(title)).toBe(indicatorChart.title);
    const description = dom.byId(dom.attr(svg, "aria-describedby") ?? "none");
    expect(dom.text(description)).toBe(indicatorChart.description);
    // Its own <title> and <desc>, for when the SVG is used alone (exports).
    expect(dom.text(dom.byTag("title")[0])).toBe(indicatorChart.title);
    expect(dom.text(dom.byTag("desc")[0])).toBe(indicatorChart.description);
    // (The HTML parser lowercases attribute names.)
    expect(svg?.attribs.viewbox).toBe("0 0 640 320");
  });

  it("follows the image with a table of every number, captioned with the title, in the page's language", async () => {
    const dom = parseHtml(await renderWithRoot(<Chart {...renderChart(indicatorChart)} />));
    expect(dom.text(dom.byTag("caption")[0])).toBe(indicatorChart.title);
    const headers = dom.all((e) => e.name === "th" && e.attribs.scope === "col").map(dom.text);
    expect(headers).toEqual(["Mittauspäivä", "Mitattu (%)", "Tavoite (%)"]);
    expect(rows(dom)).toEqual([
      "1. tammikuuta 2024 12,5 12,5",
      "1. tammikuuta 2025 21 –ei arvoa",
      "1. heinäkuuta 2025 –ei arvoa –ei arvoa",
      "1. tammikuuta 2026 31 –ei arvoa",
      "1. tammikuuta 2027 –ei arvoa 40",
    ]);
    const bars = parseHtml(
      await renderWithRoot(<Chart {...renderChart({ ...postsChart, locale: "en" })} />, { locale: "en" }),
    );
    expect(rows(bars)).toEqual(["Palvelut 1,234 78", "Talous 56 9"]);
  });

  it("tells series apart without colour: line styles, symbols, bar patterns and a legend drawn the same way", () => {
    const line = renderChart(indicatorChart).svg;
    // The target is dashed, the measurements solid with circle markers; the legend repeats both.
    expect(line.match(/stroke-dasharray="[^"]+"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(line).toMatch(/>Mitattu</);
    expect(line).toMatch(/>Tavoite</);
    const bars = renderChart(postsChart).svg;
    expect(bars).toMatch(/<pattern\b/);
    expect(bars).toMatch(/fill="url\(#[^)]+\)"/);
    // Each bar carries its value.
    for (const value of ["1\u00a0234", "56", "78", "9"]) expect(bars).toContain(`>${value}<`);
  });

  it("uses series colours with at least 3:1 contrast against white (WCAG 1.4.11)", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const low = chartPalette.filter((colour) => 1.05 / (luminance(colour) + 0.05) < 3);
    expect(low).toEqual([]);
  });

  it("escapes names from users in the SVG and carries no script, handler or animation", async () => {
    const hostile = `Ryhmä <script>alert("x")</script> " onload="alert(1)`;
    const chart = renderChart({
      ...postsChart,
      title: `${hostile} otsikko`,
      description: hostile,
      xAxis: { label: hostile },
      series: [{ name: hostile, points: [{ x: hostile, y: 3 }] }, ...postsChart.series],
    });
    expect(svgSafetyProblems(chart.svg)).toEqual([]);
    expect(chart.svg).not.toMatch(/<script/i);
    expect(chart.svg).not.toMatch(/<animate|@keyframes/);
    expect(chart.svg).toContain("Ryhmä &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot; onload=&quot;alert(1)");
    const html = await renderWithRoot(<Chart {...chart} />);
    expect(html).not.toMatch(/<script/i);
    const dom = parseHtml(html);
    expect(dom.all((e) => Object.keys(e.attribs).some((a) => a.toLowerCase().startsWith("on")))).toEqual([]);
    expect(dom.text(dom.byTag("caption")[0])).toBe(`${hostile} otsikko`);
  });

  it("refuses an SVG with scripts, handlers, foreign content or outside links", () => {
    const ok = '<svg xmlns="http://www.w3.org/2000/svg"><g><path d="M0 0" fill="url(#p0)"/></g></svg>';
    expect(svgSafetyProblems(ok)).toEqual([]);
    for (const bad of [
      "<svg><script>alert(1)</script></svg>",
      '<svg onload="alert(1)"></svg>',
      "<svg><foreignObject><div>x</div></foreignObject></svg>",
      '<svg><a href="https://example.test"><text>x</text></a></svg>',
      '<svg><path fill="url(https://example.test/p)"/></svg>',
      "<svg><style>@import url(https://example.test/x.css);</style></svg>",
      '<svg><text style="font: 12px "Evil" onclick="x"">t</text></svg>',
      "<svg></svg><svg></svg>",
    ])
      expect(svgSafetyProblems(bad), bad).not.toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { type Block, inlineText, parseRichText } from "./html.ts";
import { bodySizes, planSlides } from "./slide-plan.ts";

const sentences = (count: number) =>
  Array.from({ length: count }, (_, i) => `Lause ${i + 1}: maakunnan strategia ohjaa päätösvalmistelua.`);

describe("fitting a section's content on slides", () => {
  const plainText = (blocks: Block[]) => blocks.map((b) => inlineText(b.inlines)).join(" ");

  it("uses the largest font for short content, a smaller one before it continues", () => {
    expect(planSlides(parseRichText("<p>Lyhyt.</p>"))).toMatchObject([{ fontSize: bodySizes[0], continued: false }]);
    const medium = parseRichText(`<p>${sentences(26).join(" ")}</p>`);
    const [plan, ...more] = planSlides(medium);
    expect(more).toEqual([]);
    expect(plan?.fontSize).toBeLessThan(bodySizes[0]);
  });

  it("splits long content between blocks or words, keeping every word in order and bullets only on items", () => {
    const blocks = parseRichText(
      `<p>${sentences(80).join(" ")}</p><ol>${sentences(30)
        .map((s) => `<li>${s}</li>`)
        .join("")}</ol>`,
    );
    const plans = planSlides(blocks);
    expect(plans.length).toBeGreaterThanOrEqual(3);
    expect(plans.map((p) => p.continued)).toEqual(plans.map((_, i) => i > 0));
    expect(new Set(plans.map((p) => p.fontSize))).toEqual(new Set([bodySizes.at(-1)]));
    expect(plans.map((p) => plainText(p.blocks)).join(" ")).toBe(plainText(blocks));
    const numbers = plans
      .flatMap((p) => p.blocks)
      .flatMap((b) => (b.kind === "listItem" && b.index > 0 ? [b.index] : []));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("never leaves a heading last on a slide", () => {
    for (let before = 10; before < 30; before++) {
      const blocks = parseRichText(
        `${sentences(before)
          .map((s) => `<p>${s}</p>`)
          .join("")}<h3>Riskit</h3><p>${sentences(5).join(" ")}</p>`,
      );
      const plans = planSlides(blocks);
      for (const plan of plans) expect(plan.blocks.at(-1)?.kind).not.toBe("heading");
      expect(plans.map((p) => plainText(p.blocks)).join(" ")).toBe(plainText(blocks));
    }
  });

  it("carries a long list item on without a second bullet", () => {
    const blocks = parseRichText(`<ul><li>${sentences(120).join(" ")}</li><li>Toinen</li></ul>`);
    const items = planSlides(blocks).flatMap((p) => p.blocks);
    expect(items.map((b) => (b.kind === "listItem" ? b.index : -1))).toEqual([
      1,
      ...Array(items.length - 2).fill(0),
      2,
    ]);
  });
});

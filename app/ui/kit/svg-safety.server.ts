import { Parser } from "htmlparser2";

// What ECharts' SVG renderer draws. Anything else (script, foreignObject, image,
// a, use, animate…) would be a way to run code or fetch something.
const allowedElements = new Set([
  "svg",
  "g",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "defs",
  "clippath",
  "pattern",
  "lineargradient",
  "radialgradient",
  "stop",
  "style",
  "title",
  "desc",
]);

/**
 * Checks an SVG made by ECharts before it goes into a page with dangerouslySetInnerHTML:
 * only drawing elements, no event handler attributes, no links or references outside
 * the document, no CSS that loads anything. ECharts escapes text (series names come
 * from users); this makes sure, and fails closed if a future version does not.
 */
export function svgSafetyProblems(svg: string): string[] {
  const problems: string[] = [];
  let inStyle = false;
  let depth = 0;
  let roots = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = name.toLowerCase();
        if (depth === 0) roots += 1;
        depth += 1;
        if (!allowedElements.has(tag)) problems.push(`element <${name}>`);
        if (tag === "style") inStyle = true;
        for (const [attribute, value] of Object.entries(attributes)) {
          const lower = attribute.toLowerCase();
          // A stray quote in an attribute value turns the rest of it into attribute names.
          if (!/^[a-z_][-a-z0-9_:.]*$/i.test(attribute)) problems.push(`malformed attribute ${attribute} on <${name}>`);
          if (lower.startsWith("on")) problems.push(`attribute ${attribute} on <${name}>`);
          if ((lower === "href" || lower.endsWith(":href")) && !value.startsWith("#"))
            problems.push(`link ${attribute}="${value}"`);
          if (/url\(\s*['"]?(?!#)/i.test(value)) problems.push(`outside reference in ${attribute}`);
          if (/javascript:/i.test(value)) problems.push(`javascript: in ${attribute}`);
        }
      },
      onclosetag(name) {
        depth -= 1;
        if (name.toLowerCase() === "style") inStyle = false;
      },
      ontext(text) {
        if (inStyle && (/@import|url\(\s*['"]?(?!#)|expression\(|javascript:/i.test(text) || text.includes("<")))
          problems.push("style that loads or runs something");
      },
      onprocessinginstruction(name) {
        problems.push(`processing instruction ${name}`);
      },
    },
    { xmlMode: true, recognizeCDATA: true },
  );
  parser.write(svg);
  parser.end();
  if (roots !== 1 || !svg.trimStart().startsWith("<svg")) problems.push("not one <svg> element");
  return problems;
}

export function assertSafeSvg(svg: string): void {
  const problems = svgSafetyProblems(svg);
  if (problems.length > 0) throw new Error(`Chart SVG refused: ${problems.join("; ")}`);
}

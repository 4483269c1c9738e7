import { DomUtils, parseDocument } from "htmlparser2";

/*
 * The text a reader sees in an exported DOCX or PPTX, read from the file's own
 * XML with no office program: paragraphs in document order, list items led by
 * their bullet or number as Word and PowerPoint draw them. The office suite
 * (*.office.test.ts) checks the same text as LibreOffice renders it.
 */

type XmlElement = ReturnType<typeof DomUtils.findAll>[number];

const parseXml = (xml: string) => parseDocument(xml, { xmlMode: true }).children;
const elements = (nodes: XmlElement["children"], name: string) => DomUtils.findAll((el) => el.name === name, nodes);
const child = (el: XmlElement, name: string) => DomUtils.findOne((c) => c.name === name, el.children, false);
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`${name} is missing`);
  return xml;
}

/** The paragraph's text: its text runs in order, line breaks as "\n", tabs as "\t". */
function paragraphText(paragraph: XmlElement, text: string, lineBreak: string, tab?: string): string {
  return DomUtils.findAll((el) => el.name === text || el.name === lineBreak || el.name === tab, paragraph.children)
    .map((el) => (el.name === text ? DomUtils.textContent(el) : el.name === lineBreak ? "\n" : "\t"))
    .join("");
}

interface ListLevel {
  format: string;
  text: string;
  start: number;
}

/** word/numbering.xml: each list (numId) with its levels' format, label and first number. */
function wordLists(xml: string | undefined): Map<string, Map<number, ListLevel>> {
  const nodes = parseXml(xml ?? "");
  const abstract = new Map(
    elements(nodes, "w:abstractNum").map((el) => [
      el.attribs["w:abstractNumId"],
      new Map(
        elements(el.children, "w:lvl").map((lvl): [number, ListLevel] => [
          Number(lvl.attribs["w:ilvl"]),
          {
            format: child(lvl, "w:numFmt")?.attribs["w:val"] ?? "decimal",
            text: child(lvl, "w:lvlText")?.attribs["w:val"] ?? "",
            start: number(child(lvl, "w:start")?.attribs["w:val"]) ?? 1,
          },
        ]),
      ),
    ]),
  );
  return new Map(
    elements(nodes, "w:num").map((num) => {
      const levels = new Map(abstract.get(child(num, "w:abstractNumId")?.attribs["w:val"]) ?? []);
      for (const override of elements(num.children, "w:lvlOverride")) {
        const level = Number(override.attribs["w:ilvl"]);
        const start = number(child(override, "w:startOverride")?.attribs["w:val"]);
        const base = levels.get(level);
        if (base && start !== undefined) levels.set(level, { ...base, start });
      }
      return [num.attribs["w:numId"] ?? "", levels];
    }),
  );
}

/**
 * Each paragraph of word/document.xml (table cells' too), in order, as a
 * reader sees it: a list item starts with its bullet or its number
 * ("1. "), counted per list as Word does.
 */
export function docxParagraphs(parts: Map<string, string>): string[] {
  const lists = wordLists(parts.get("word/numbering.xml"));
  const counters = new Map<string, number[]>();
  return elements(parseXml(part(parts, "word/document.xml")), "w:p").map((paragraph) => {
    const text = paragraphText(paragraph, "w:t", "w:br", "w:tab");
    const numbering = DomUtils.findOne((el) => el.name === "w:numPr", paragraph.children);
    const numId = numbering && child(numbering, "w:numId")?.attribs["w:val"];
    if (!numbering || !numId || numId === "0") return text;
    const level = number(child(numbering, "w:ilvl")?.attribs["w:val"]) ?? 0;
    const levels = lists.get(numId);
    const format = levels?.get(level);
    if (!levels || !format) throw new Error(`list ${numId} level ${level} is not in word/numbering.xml`);
    // A level counts on from its start; a shallower item starts the deeper levels again.
    const count = (counters.get(numId) ?? []).slice(0, level + 1);
    count[level] = (count[level] ?? format.start - 1) + 1;
    counters.set(numId, count);
    if (format.format === "bullet") return `${format.text} ${text}`;
    if (format.format !== "decimal") throw new Error(`list format ${format.format} is not read here`);
    const label = format.text.replace(/%(\d)/g, (_, n: string) => {
      const at = Number(n) - 1;
      return String(count[at] ?? levels.get(at)?.start ?? 1);
    });
    return `${label} ${text}`;
  });
}

/** One slide's text: its title placeholder and the paragraphs of its content's text boxes, in order. */
export interface SlideText {
  title: string;
  paragraphs: string[];
}

/** A text box's paragraphs: bullets ("• ") and numbers ("1. ") as PowerPoint draws them. */
function shapeParagraphs(shape: XmlElement): string[] {
  let count = 0;
  return elements(shape.children, "a:p").map((paragraph) => {
    // A field (a:fld) shows the text it was saved with, in its a:t.
    const text = paragraphText(paragraph, "a:t", "a:br");
    const properties = child(paragraph, "a:pPr");
    const bullet = properties && child(properties, "a:buChar");
    const autoNumber = properties && child(properties, "a:buAutoNum");
    if (!autoNumber) count = 0;
    if (bullet) return `${bullet.attribs.char} ${text}`;
    if (!autoNumber) return text;
    if (autoNumber.attribs.type !== "arabicPeriod")
      throw new Error(`numbering ${autoNumber.attribs.type} is not read here`);
    // pptxgenjs gives each item its own number as startAt; without one, the count goes on.
    count = Number(autoNumber.attribs.startAt ?? count + 1);
    return `${count}. ${text}`;
  });
}

/** Placeholders that are not the slide's content: its title (read apart) and the slide number, date and footer. */
const slideFurniture = new Set(["title", "sldNum", "dt", "ftr"]);

/** The text of each slide, in the order of ppt/presentation.xml's slide list. */
export function pptxSlides(parts: Map<string, string>): SlideText[] {
  const rels = new Map(
    elements(parseXml(part(parts, "ppt/_rels/presentation.xml.rels")), "Relationship").map((rel) => [
      rel.attribs.Id,
      rel.attribs.Target,
    ]),
  );
  return elements(parseXml(part(parts, "ppt/presentation.xml")), "p:sldId").map((slideId) => {
    const target = rels.get(slideId.attribs["r:id"]);
    const shapes = elements(parseXml(part(parts, `ppt/${target}`)), "p:sp");
    const placeholder = (shape: XmlElement) =>
      DomUtils.findOne((el) => el.name === "p:ph", shape.children)?.attribs.type;
    return {
      title: shapes
        .filter((shape) => placeholder(shape) === "title")
        .flatMap(shapeParagraphs)
        .join("\n"),
      paragraphs: shapes.filter((shape) => !slideFurniture.has(placeholder(shape) ?? "")).flatMap(shapeParagraphs),
    };
  });
}

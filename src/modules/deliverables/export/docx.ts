import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { intlTag } from "../../../i18n/locale.ts";
import {
  creator,
  type DeliverableDocument,
  type DeliverableExportOptions,
  exportWords,
  sectionHeading,
} from "./deliverable.ts";
import { type Block, type Inline, parseRichText } from "./html.ts";

const bullets = "uudistamo-bullets";
const numbers = "uudistamo-numbers";
const grey = "595959"; // 7:1 against white
const navy = "1F3864";
const bulletSymbols = ["•", "◦", "▪"];

/** List levels indented 0.5 inch apiece, the bullet or number hanging in the margin. */
function listLevels(format: "bullet" | "decimal"): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format === "bullet" ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === "bullet" ? (bulletSymbols[level % bulletSymbols.length] ?? "•") : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

function runs(inlines: Inline[]): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === "break") return new TextRun({ break: 1 });
    // Only what is on: an explicit "not bold" would override a heading style's bold.
    const run = {
      text: inline.text,
      ...(inline.bold ? { bold: true } : {}),
      ...(inline.italic ? { italics: true } : {}),
    };
    if (!inline.href) return new TextRun(run);
    return new ExternalHyperlink({ link: inline.href, children: [new TextRun({ ...run, style: "Hyperlink" })] });
  });
}

/** A block of rich text as a paragraph (headings one and two levels below Heading 1, list items numbered). */
export function blockParagraph(block: Block): Paragraph {
  const children = runs(block.inlines);
  switch (block.kind) {
    case "paragraph":
      return new Paragraph({ children });
    // Sections are Heading 1, so the content's own headings go one and two levels below it.
    case "heading":
      return new Paragraph({ children, heading: block.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 });
    case "listItem":
      return new Paragraph({
        children,
        numbering: {
          reference: block.ordered ? numbers : bullets,
          level: Math.min(block.depth, 8),
          // Every numbered list counts from 1.
          ...(block.ordered ? { instance: block.list } : {}),
        },
      });
  }
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: "BFBFBF" };

/** Label–value pairs as a small bordered table. */
/** A table of text with a bold header row repeated on every page; `widths` in twentieths of a point. */
export function dataTable(headers: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, width: number, bold: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, widths[i] ?? 1000, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, widths[i] ?? 1000, false)) })),
    ],
  });
}

export function metaTable(meta: DeliverableDocument["meta"]): Table {
  const cell = (text: string, width: number, bold: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })],
    });
  return new Table({
    width: { size: 9026, type: WidthType.DXA },
    columnWidths: [2600, 6426],
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
    rows: meta.map((item) => new TableRow({ children: [cell(item.label, 2600, true), cell(item.value, 6426, false)] })),
  });
}

/**
 * The deliverable as a Word document: title, subtitle, the meta as a small
 * table, then each section as Heading 1 "N. Title" (optionally its guidance in
 * grey italics) and its content. A4, in the document's language.
 */
export async function renderDeliverableDocx(
  doc: DeliverableDocument,
  options: DeliverableExportOptions = {},
): Promise<Buffer> {
  const words = exportWords[doc.locale];
  const body: (Paragraph | Table)[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  if (doc.subtitle) body.push(new Paragraph({ text: doc.subtitle, style: "Subtitle" }));
  if (doc.meta.length > 0) body.push(metaTable(doc.meta), new Paragraph({}));

  for (const section of doc.sections) {
    body.push(new Paragraph({ text: sectionHeading(section), heading: HeadingLevel.HEADING_1 }));
    if (options.includeGuidance && section.guidance?.trim()) {
      body.push(
        new Paragraph({ children: [new TextRun({ text: section.guidance.trim(), italics: true, color: grey })] }),
      );
    }
    const blocks = parseRichText(section.html);
    if (blocks.length === 0) {
      body.push(new Paragraph({ children: [new TextRun({ text: words.empty, italics: true, color: grey })] }));
    }
    for (const block of blocks) body.push(blockParagraph(block));
  }

  return Packer.toBuffer(wordDocument({ title: doc.title, subtitle: doc.subtitle, locale: doc.locale }, body));
}

/**
 * A Word document in the exports' look (Calibri, navy headings, A4, the language set), with the exports' list
 * numbering; every DOCX the platform writes is made by this.
 */
export function wordDocument(
  doc: { title: string; subtitle?: string | undefined; locale: DeliverableDocument["locale"] },
  body: (Paragraph | Table)[],
): Document {
  return new Document({
    title: doc.title,
    ...(doc.subtitle ? { subject: doc.subtitle } : {}),
    creator,
    lastModifiedBy: creator,
    styles: {
      default: {
        document: {
          run: { font: "Calibri", size: 22, language: { value: intlTag[doc.locale] } },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { size: 44, color: navy }, paragraph: { spacing: { after: 120 } } },
        heading1: {
          run: { size: 30, bold: true, color: navy },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { size: 26, bold: true, color: navy },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
        },
        heading3: {
          run: { size: 22, bold: true, color: navy },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true },
        },
        listParagraph: { paragraph: { spacing: { after: 60 } } },
      },
      paragraphStyles: [
        {
          id: "Subtitle",
          name: "Subtitle",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 28, color: grey },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    numbering: {
      config: [
        { reference: bullets, levels: listLevels("bullet") },
        { reference: numbers, levels: listLevels("decimal") },
      ],
    },
    sections: [{ children: body }],
  });
}

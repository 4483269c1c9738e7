import { unzipSync, zipSync } from "fflate";
import type PptxGenJS from "pptxgenjs";
import { lazy } from "../../../core/lazy.ts";
import { intlTag } from "../../../i18n/locale.ts";
import {
  creator,
  type DeliverableDocument,
  type DeliverableExportOptions,
  exportWords,
  sectionHeading,
} from "./deliverable.ts";
import { type Block, parseRichText } from "./html.ts";
import {
  blockFontSize,
  bodyBox,
  bodyInset,
  bodySizes,
  contentWidth,
  planSlides,
  type SlidePlan,
  slideMargin,
  slideWidth,
  spaceAfter,
  spaceBeforeHeading,
} from "./slide-plan.ts";

const loadPptxGenJS = lazy(() => import("pptxgenjs").then((m) => m.default));

const navy = "1F3864";
const ink = "1A1A1A";
const grey = "595959";
const font = "Calibri";

type TextRun = PptxGenJS.TextProps;

function blockRuns(block: Block, fontSize: number, lang: string, last: boolean): TextRun[] {
  const size = blockFontSize(block, fontSize);
  const paragraph: PptxGenJS.TextPropsOptions = {
    paraSpaceAfter: spaceAfter(fontSize),
    ...(block.kind === "heading" ? { paraSpaceBefore: spaceBeforeHeading(fontSize) } : {}),
    ...(block.kind === "listItem" && block.index > 0
      ? {
          bullet: block.ordered ? { type: "number" as const, numberStartAt: block.index } : true,
          ...(block.depth > 0 ? { indentLevel: block.depth } : {}),
        }
      : {}),
  };
  const runs: TextRun[] = [];
  let breaks = 0;
  for (const inline of block.inlines) {
    if (inline.kind === "break") {
      breaks++;
      continue;
    }
    for (; breaks > 1; breaks--) runs.push({ text: "", options: { softBreakBefore: true, fontSize: size, lang } });
    runs.push({
      text: inline.text,
      options: {
        ...(runs.length === 0 ? paragraph : {}),
        ...(breaks > 0 ? { softBreakBefore: true } : {}),
        fontSize: size,
        fontFace: font,
        color: ink,
        lang,
        ...(inline.bold || block.kind === "heading" ? { bold: true } : {}),
        ...(inline.italic ? { italic: true } : {}),
        ...(inline.href ? { hyperlink: { url: inline.href } } : {}),
      },
    });
    breaks = 0;
  }
  const end = runs.at(-1);
  if (end && !last) end.options = { ...end.options, breakLine: true };
  return runs;
}

const titleMaster = "UUDISTAMO_TITLE";
const sectionMaster = "UUDISTAMO_SECTION";

function defineMasters(pptx: PptxGenJS) {
  pptx.defineSlideMaster({
    title: titleMaster,
    background: { color: "FFFFFF" },
    objects: [
      { rect: { x: 0, y: 0, w: slideWidth, h: 0.25, fill: { color: navy } } },
      {
        placeholder: {
          options: {
            name: "title",
            type: "title",
            x: slideMargin,
            y: 1.2,
            w: contentWidth,
            h: 1.8,
            fontFace: font,
            fontSize: 36,
            bold: true,
            color: navy,
            align: "left",
            valign: "bottom",
          },
          text: "",
        },
      },
    ],
  });
  pptx.defineSlideMaster({
    title: sectionMaster,
    background: { color: "FFFFFF" },
    objects: [
      { rect: { x: 0, y: 0, w: slideWidth, h: 0.12, fill: { color: navy } } },
      {
        placeholder: {
          options: {
            name: "title",
            type: "title",
            x: slideMargin,
            y: 0.35,
            w: contentWidth,
            h: 0.95,
            fontFace: font,
            fontSize: 28,
            bold: true,
            color: navy,
            align: "left",
            valign: "middle",
          },
          text: "",
        },
      },
    ],
    slideNumber: {
      x: slideWidth - slideMargin - 0.8,
      y: 7.05,
      w: 0.8,
      h: 0.3,
      fontSize: 10,
      color: grey,
      align: "right",
    },
  });
}

/**
 * The deliverable as a slide deck: a title slide (title, subtitle, meta) and
 * a slide per section titled "N. Title" with its content as text and bullets;
 * long content gets a smaller font or continues on further slides. With
 * `includeGuidance`, each section's guidance is in its first slide's notes.
 */
export async function renderDeliverablePptx(
  doc: DeliverableDocument,
  options: DeliverableExportOptions = {},
): Promise<Buffer> {
  const lang = intlTag[doc.locale];
  const words = exportWords[doc.locale];
  const pptx = new (await loadPptxGenJS())();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = doc.title;
  if (doc.subtitle) pptx.subject = doc.subtitle;
  pptx.author = creator;
  pptx.company = creator;
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  defineMasters(pptx);

  const cover = pptx.addSlide({ masterName: titleMaster });
  cover.addText(doc.title, { placeholder: "title", lang, fit: "shrink" });
  const coverLines: TextRun[] = [];
  if (doc.subtitle) {
    coverLines.push({
      text: doc.subtitle,
      options: { fontSize: 22, color: grey, lang, breakLine: true, paraSpaceAfter: 18 },
    });
  }
  for (const item of doc.meta) {
    coverLines.push(
      { text: `${item.label}: `, options: { fontSize: 16, bold: true, color: ink, lang, paraSpaceAfter: 4 } },
      { text: item.value, options: { fontSize: 16, color: ink, lang, breakLine: true } },
    );
  }
  if (coverLines.length > 0) {
    cover.addText(coverLines, {
      x: slideMargin,
      y: 3.2,
      w: contentWidth,
      h: 3.6,
      valign: "top",
      fontFace: font,
      lang,
      fit: "shrink",
    });
  }

  for (const section of doc.sections) {
    const blocks = parseRichText(section.html);
    const plans: SlidePlan[] =
      blocks.length > 0
        ? planSlides(blocks)
        : [
            {
              blocks: [
                { kind: "paragraph", inlines: [{ kind: "text", text: words.empty, bold: false, italic: true }] },
              ],
              fontSize: bodySizes[0],
              continued: false,
            },
          ];
    for (const plan of plans) {
      const slide = pptx.addSlide({ masterName: sectionMaster });
      const heading = sectionHeading(section);
      slide.addText(plan.continued ? `${heading} (${words.continued})` : heading, {
        placeholder: "title",
        lang,
        fit: "shrink",
      });
      const runs = plan.blocks.flatMap((block, index) =>
        blockRuns(block, plan.fontSize, lang, index === plan.blocks.length - 1),
      );
      slide.addText(runs, { ...bodyBox, valign: "top", fontFace: font, lang, fit: "shrink", margin: bodyInset * 72 });
      if (options.includeGuidance && !plan.continued && section.guidance?.trim()) {
        slide.addNotes(section.guidance.trim());
      }
    }
  }

  const written = await pptx.write({ outputType: "nodebuffer" });
  return finishPptx(Buffer.from(written as Uint8Array), lang);
}

/**
 * pptxgenjs 4.0.1 writes an `<a:pPr>` before every run of a paragraph, but a
 * paragraph may have one, before its runs (ECMA-376 CT_TextParagraph), and
 * PowerPoint breaks the line at each extra one (after every bold word or
 * link) or asks to repair the file. This keeps each paragraph's first.
 */
export function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    const first = inner.match(/^<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/)?.[0] ?? "";
    const rest = inner.slice(first.length).replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, "");
    return `<a:p>${first}${rest}</a:p>`;
  });
}

const textParts = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/;

/**
 * Fixes what pptxgenjs writes: one paragraph property element per paragraph,
 * and the deck's language on the text it marks en-US regardless (speaker
 * notes, slide numbers).
 */
function finishPptx(pptx: Buffer, lang: string): Buffer {
  const parts = unzipSync(new Uint8Array(pptx));
  for (const [name, part] of Object.entries(parts)) {
    if (!textParts.test(name)) continue;
    const xml = keepFirstParagraphProperties(new TextDecoder().decode(part)).replaceAll(
      'lang="en-US"',
      `lang="${lang}"`,
    );
    parts[name] = new TextEncoder().encode(xml);
  }
  return Buffer.from(zipSync(parts, { level: 6 }));
}

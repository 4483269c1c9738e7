import type { Block, Inline } from "./html.ts";

/*
 * Slides do not reflow onto a next page as a document does, and PowerPoint
 * applies "shrink text on overflow" only once someone edits the box. So the
 * height of a section's content is estimated here, with a generous average
 * character width, and content that does not fit even at the smallest font
 * size continues on the next slide, split between blocks or, for a very long
 * block, between words. The renderer still marks the box shrink-on-overflow
 * as a safety net (LibreOffice applies it when it opens the file).
 */

/** The 16:9 slide and the content's text box on it, in inches. */
export const slideWidth = 13.333;
export const slideMargin = 0.6;
export const contentWidth = slideWidth - 2 * slideMargin;
export const bodyBox = { x: slideMargin, y: 1.45, w: contentWidth, h: 5.55 };
/** Padding inside the text box on each side, in inches. */
export const bodyInset = 0.1;

/** Font sizes tried for a section's content, largest first; at the last, it continues on another slide. */
export const bodySizes = [20, 18, 16] as const;
const smallestSize = bodySizes[bodySizes.length - 1] ?? 16;

const bulletIndent = 27; // points per list level, as pptxgenjs indents bullets
const averageCharWidth = 0.52; // of the font size; Calibri's average in running text is less
const lineHeight = 1.2; // of the font size

/** Points after each paragraph, and above a heading. */
export const spaceAfter = (fontSize: number) => Math.round(fontSize * 0.4);
export const spaceBeforeHeading = (fontSize: number) => Math.round(fontSize * 0.3);
/** Headings in the content are set two points larger than its text. */
export const blockFontSize = (block: Block, fontSize: number) => (block.kind === "heading" ? fontSize + 2 : fontSize);

const capacity = (bodyBox.h - 2 * bodyInset) * 72;

/** One slide's worth of a section's content. */
export interface SlidePlan {
  blocks: Block[];
  fontSize: number;
  /** A slide after the section's first. */
  continued: boolean;
}

interface Token {
  text: string;
  inline: Inline;
}

/** The block's words, spaces and line breaks, each with the inline it came from. */
function tokens(inlines: Inline[]): Token[] {
  return inlines.flatMap((inline): Token[] =>
    inline.kind === "break"
      ? [{ text: "\n", inline }]
      : inline.text
          .split(/( +)/)
          .filter((part) => part !== "")
          .map((part) => ({ text: part, inline })),
  );
}

function charsPerLine(block: Block, fontSize: number): number {
  const indent = block.kind === "listItem" ? bulletIndent * (block.depth + 1) : 0;
  const width = (bodyBox.w - 2 * bodyInset) * 72 - indent;
  return Math.max(10, Math.floor(width / (averageCharWidth * blockFontSize(block, fontSize))));
}

/** Greedy word wrap: the index of the token each line starts at. */
function lineStarts(all: Token[], width: number): number[] {
  const starts = [0];
  let used = 0;
  all.forEach((token, index) => {
    if (token.text === "\n") {
      if (index + 1 < all.length) starts.push(index + 1);
      used = 0;
    } else if (token.text.trim() !== "" && used > 0 && used + token.text.length > width) {
      starts.push(index);
      used = token.text.length;
    } else {
      used += token.text.length;
    }
  });
  return starts;
}

const lineHeightOf = (block: Block, fontSize: number) => blockFontSize(block, fontSize) * lineHeight;

function blockHeight(block: Block, fontSize: number, lines?: number): number {
  const count = lines ?? lineStarts(tokens(block.inlines), charsPerLine(block, fontSize)).length;
  const before = block.kind === "heading" ? spaceBeforeHeading(fontSize) : 0;
  return before + count * lineHeightOf(block, fontSize) + spaceAfter(fontSize);
}

/** Tokens back into inlines: neighbours of the same format joined, the spaces at the cut dropped. */
function rejoin(part: Token[]): Inline[] {
  const out: Inline[] = [];
  for (const { text, inline } of part) {
    const last = out.at(-1);
    if (inline.kind === "break") out.push(inline);
    else if (
      last?.kind === "text" &&
      last.bold === inline.bold &&
      last.italic === inline.italic &&
      last.href === inline.href
    )
      last.text += text;
    else out.push({ ...inline, text });
  }
  const first = out[0];
  if (first?.kind === "text") first.text = first.text.trimStart();
  const end = out.at(-1);
  if (end?.kind === "text") end.text = end.text.trimEnd();
  return out.filter((inline) => inline.kind === "break" || inline.text !== "");
}

/** The block's first lines and the rest, which continues as the same block (a list item without its bullet). */
function splitBlock(block: Block, fontSize: number, lines: number): [Block, Block] | undefined {
  const all = tokens(block.inlines);
  const cut = lineStarts(all, charsPerLine(block, fontSize))[lines];
  if (lines < 1 || cut === undefined) return undefined;
  const head: Block = { ...block, inlines: rejoin(all.slice(0, cut)) };
  const rest: Block = { ...block, inlines: rejoin(all.slice(cut)) };
  // index 0: the rest of a list item carries on without a bullet or number of its own.
  return [head, rest.kind === "listItem" ? { ...rest, index: 0 } : rest];
}

/** How a section's content goes onto slides: one slide at the largest size that fits, or several at the smallest. */
export function planSlides(blocks: Block[]): SlidePlan[] {
  for (const fontSize of bodySizes) {
    const height = blocks.reduce((sum, block) => sum + blockHeight(block, fontSize), 0);
    if (height <= capacity) return [{ blocks, fontSize, continued: false }];
  }
  const fontSize = smallestSize;
  const slides: SlidePlan[] = [];
  let page: Block[] = [];
  let used = 0;
  const nextSlide = () => {
    slides.push({ blocks: page, fontSize, continued: slides.length > 0 });
    page = [];
    used = 0;
  };
  const queue = [...blocks];
  for (let block = queue.shift(); block; block = queue.shift()) {
    let height = blockHeight(block, fontSize);
    // A heading goes on with at least two lines of what follows it.
    const next = queue[0];
    if (block.kind === "heading" && next) {
      height += Math.min(blockHeight(next, fontSize), blockHeight(next, fontSize, 2));
    }
    if (used + height <= capacity) {
      page.push(block);
      used += blockHeight(block, fontSize);
      continue;
    }
    const room = capacity - used - spaceAfter(fontSize);
    const lines = Math.floor(room / lineHeightOf(block, fontSize));
    const parts = block.kind !== "heading" && lines >= 2 ? splitBlock(block, fontSize, lines) : undefined;
    if (parts) {
      page.push(parts[0]);
      queue.unshift(parts[1]);
      nextSlide();
    } else if (page.length > 0) {
      queue.unshift(block);
      nextSlide();
    } else {
      // Taller than a whole slide yet not to be split (one enormous word): the box shrinks it.
      page.push(block);
      nextSlide();
    }
  }
  if (page.length > 0 || slides.length === 0) nextSlide();
  return slides;
}

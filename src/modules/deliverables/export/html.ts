import { Parser } from "htmlparser2";

/**
 * The HTML subset of a deliverable section (p, br, strong, em, ul, ol, li, a,
 * h3, h4) read into blocks of formatted text, which the DOCX and PPTX
 * renderers turn into their own paragraphs. No markup is passed through: text
 * is decoded, whitespace is collapsed as a browser would, tags outside the
 * subset keep only their text (scripts and styles not even that), and a link
 * keeps its address only for http, https and mailto.
 */

export interface TextInline {
  kind: "text";
  text: string;
  bold: boolean;
  italic: boolean;
  /** An absolute http(s) or mailto address. */
  href?: string;
}

export type Inline = TextInline | { kind: "break" };

export type Block =
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "heading"; level: 3 | 4; inlines: Inline[] }
  | {
      kind: "listItem";
      /** Which list the item is in: every ul/ol gets its own number, nested ones too. */
      list: number;
      ordered: boolean;
      /** 0 for a top-level list, 1 for a list inside one of its items, ... */
      depth: number;
      /** The item's place in its list, from 1. */
      index: number;
      inlines: Inline[];
    };

const blockTags = new Set([
  "p",
  "div",
  "section",
  "article",
  "blockquote",
  "pre",
  "h1",
  "h2",
  "h5",
  "h6",
  "table",
  "tr",
  "td",
  "th",
  "dl",
  "dt",
  "dd",
  "hr",
]);

/** Elements whose content is not text a reader sees. */
const hiddenTags = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "object",
  "svg",
  "math",
  "head",
  "title",
  "textarea",
  "select",
]);

const linkProtocols = new Set(["http:", "https:", "mailto:"]);

/** The address if it is an absolute http, https or mailto URL; otherwise none (the text stays, unlinked). */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim());
    return linkProtocols.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined; // a relative or malformed address: not a link outside the web page
  }
}

interface OpenList {
  id: number;
  ordered: boolean;
  count: number;
}

export function parseRichText(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: OpenList[] = [];
  const links: (string | undefined)[] = [];
  let bold = 0;
  let italic = 0;
  let hidden = 0;
  let nextList = 0;
  let current: Block | undefined;

  const flush = () => {
    if (current) {
      const inlines = tidy(current.inlines);
      if (inlines.length > 0) blocks.push({ ...current, inlines });
    }
    current = undefined;
  };

  const paragraph = (): Block => {
    current ??= { kind: "paragraph", inlines: [] };
    return current;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (hiddenTags.has(name)) hidden++;
        if (hidden > 0) return;
        switch (name) {
          case "strong":
          case "b":
            bold++;
            break;
          case "em":
          case "i":
            italic++;
            break;
          case "a":
            links.push(safeHref(attributes.href));
            break;
          case "br":
            if (current) current.inlines.push({ kind: "break" });
            break;
          case "h3":
          case "h4":
            flush();
            current = { kind: "heading", level: name === "h3" ? 3 : 4, inlines: [] };
            break;
          case "ul":
          case "ol":
            flush();
            lists.push({ id: nextList++, ordered: name === "ol", count: 0 });
            break;
          case "li": {
            flush();
            let list = lists.at(-1);
            if (!list) {
              list = { id: nextList++, ordered: false, count: 0 };
              lists.push(list);
            }
            list.count++;
            current = {
              kind: "listItem",
              list: list.id,
              ordered: list.ordered,
              depth: lists.length - 1,
              index: list.count,
              inlines: [],
            };
            break;
          }
          default:
            // A paragraph inside a list item continues the item on a new line.
            if (blockTags.has(name)) {
              if (current?.kind === "listItem" && name === "p") current.inlines.push({ kind: "break" });
              else flush();
            }
        }
      },
      onclosetag(name) {
        if (hiddenTags.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0) return;
        switch (name) {
          case "strong":
          case "b":
            bold = Math.max(0, bold - 1);
            break;
          case "em":
          case "i":
            italic = Math.max(0, italic - 1);
            break;
          case "a":
            links.pop();
            break;
          case "h3":
          case "h4":
          case "li":
            flush();
            break;
          case "ul":
          case "ol":
            flush();
            lists.pop();
            break;
          default:
            if (blockTags.has(name) && !(current?.kind === "listItem" && name === "p")) flush();
        }
      },
      ontext(data) {
        if (hidden > 0) return;
        const text = data.replace(/[ \t\n\r\f]+/g, " ");
        if (!current && text.trim() === "") return;
        const block = paragraph();
        const href = links.findLast((link) => link !== undefined);
        const run: TextInline = { kind: "text", text, bold: bold > 0, italic: italic > 0, ...(href ? { href } : {}) };
        const last = block.inlines.at(-1);
        if (last?.kind === "text" && last.bold === run.bold && last.italic === run.italic && last.href === run.href) {
          last.text += text;
        } else {
          block.inlines.push(run);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/**
 * Whitespace as a browser shows it: none at the start or end of a line, one
 * space between words even across formatting; empty runs and leading or
 * trailing line breaks dropped.
 */
function tidy(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  let lineStart = true;
  for (const inline of inlines) {
    if (inline.kind === "break") {
      trimEndOfLine(out);
      out.push(inline);
      lineStart = true;
      continue;
    }
    let text = inline.text;
    if (lineStart || endsWithSpace(out)) text = text.replace(/^ +/, "");
    if (text === "") continue;
    out.push({ ...inline, text });
    lineStart = false;
  }
  trimEndOfLine(out);
  while (out[0]?.kind === "break") out.shift();
  while (out.at(-1)?.kind === "break") out.pop();
  return out;
}

function endsWithSpace(inlines: Inline[]): boolean {
  const last = inlines.at(-1);
  return last?.kind === "text" && last.text.endsWith(" ");
}

function trimEndOfLine(inlines: Inline[]) {
  for (let last = inlines.at(-1); last?.kind === "text"; last = inlines.at(-1)) {
    last.text = last.text.replace(/ +$/, "");
    if (last.text !== "") return;
    inlines.pop();
  }
}

/** The text of a block's inlines, line breaks as "\n". */
export function inlineText(inlines: Inline[]): string {
  return inlines.map((inline) => (inline.kind === "break" ? "\n" : inline.text)).join("");
}

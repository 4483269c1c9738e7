import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { postMarkdownRules, postSanitiseOptions } from "../walls/render.ts";

// The walls' Markdown subset and sanitiser, plus images (a post's body may show pictures, each with its
// alternative text: inputs.ts refuses an image without one).
const markdown = new MarkdownIt("zero", { html: false, linkify: true, breaks: true }).enable([
  ...postMarkdownRules,
  "image",
]);

const allowed: sanitizeHtml.IOptions = {
  ...postSanitiseOptions,
  allowedTags: [...(postSanitiseOptions.allowedTags || []), "img"],
  allowedAttributes: { ...postSanitiseOptions.allowedAttributes, img: ["src", "alt", "title"] },
  allowedSchemesByTag: { img: ["http", "https"] },
};

/** A post's body as safe HTML (the Markdown renderer escapes HTML; the sanitiser is the second wall). */
export function renderArticleBody(text: string): string {
  return sanitizeHtml(markdown.render(text), allowed).trim();
}

/** How many images in the text have no alternative text (blank counts as none). */
export function imagesWithoutAlt(text: string): number {
  let missing = 0;
  const visit = (tokens: ReturnType<typeof markdown.parse>) => {
    for (const token of tokens) {
      if (token.type === "image" && token.content.trim() === "") missing += 1;
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return missing;
}

/** The body as plain text (feeds' and pages' descriptions, search snippets). */
export function plainText(text: string): string {
  return sanitizeHtml(renderArticleBody(text), { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}

import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Posts are written as plain text with a little Markdown (bold, italics, lists,
// links); raw HTML in the text is shown as text, never interpreted.
/** The Markdown rules posts may use (the publishing module's articles use the same, plus images). */
export const postMarkdownRules = [
  "emphasis",
  "list",
  "link",
  "linkify",
  "newline",
  "paragraph",
  "backticks",
  "escape",
  "autolink",
];

const markdown = new MarkdownIt("zero", { html: false, linkify: true, breaks: true }).enable(postMarkdownRules);

/** The sanitiser's rules for rendered post text (the publishing module's articles build on them). */
export const postSanitiseOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "a", "code"],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener noreferrer", target: "_blank" }),
  },
};

/**
 * A post's body as safe HTML. The Markdown renderer already escapes HTML; the
 * sanitiser is a second wall in case either of them has a bug.
 */
export function renderPostBody(text: string): string {
  return sanitizeHtml(markdown.render(text), postSanitiseOptions).trim();
}

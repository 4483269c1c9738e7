import type { Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";

/** Small queries over rendered HTML, for the kit's server-side rendering tests. */
export function parseHtml(html: string) {
  const document = parseDocument(html);
  const all = (test: (element: Element) => boolean): Element[] => DomUtils.findAll(test, document.children);
  return {
    all,
    byTag: (tag: string) => all((e) => e.name === tag),
    byId: (id: string) => all((e) => e.attribs.id === id)[0],
    attr: (element: Element | undefined, name: string) => element?.attribs[name],
    text: (element: Element | undefined) => (element ? DomUtils.textContent(element).replace(/\s+/g, " ").trim() : ""),
  };
}

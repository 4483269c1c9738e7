import { beforeAll, describe, expect, it } from "vitest";
import { renderDeliverableDocx } from "./docx.ts";
import { strategyDeliverable as doc, strategyDocumentText } from "./fixture.testing.ts";
import { docxToText } from "./libreoffice.testing.ts";
import { inOrder } from "./office.testing.ts";

// Needs LibreOffice: `npm run test:office`. docx.test.ts reads the same text from the file's XML.
describe("a deliverable as DOCX, opened in LibreOffice Writer", () => {
  let text: string;

  // One LibreOffice conversion for the whole file: it takes a few seconds.
  beforeAll(async () => {
    text = await docxToText(await renderDeliverableDocx(doc, { includeGuidance: true }));
  }, 120_000);

  it("reads in Writer with the title, the meta and every section's heading and text in order", () => {
    expect(inOrder(text, strategyDocumentText)).toEqual({ ok: true });
    expect(text).not.toMatch(/<|&lt;|&amp;/);
  });
});

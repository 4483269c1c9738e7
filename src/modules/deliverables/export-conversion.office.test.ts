import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { operatingModelExample, operatingModelTemplate } from "../templates/operating-model.ts";
import { sectionHeading } from "./export/deliverable.ts";
import { docxToText, pptxToPageTexts } from "./export/libreoffice.testing.ts";
import { inOrder } from "./export/office.testing.ts";

/** The seed has no example for sections 14 and 15; these stand in. */
const texts: Record<number, string> = {
  ...operatingModelExample,
  14: "Arvio nykytilasta: budjetti ja henkilöstö.\n- Maakuntaliiton strategiatyö noin 2 htv",
  15: "Arvio nykytilasta: sopimukset.\n1. Yhteistyösopimukset kuntien kanssa",
};

/** What a reader sees of a line of the section's text: list markers and Markdown emphasis gone. */
const visible = (line: string) =>
  line
    .replace(/^(- |\d+\. )/, "")
    .replace(/\*\*|\*/g, "")
    .trim();
/** LibreOffice and pdftotext break lines where the page does: compare words only. */
const words = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim();

describe("a whole deliverable through DOCX and PPTX, read back by LibreOffice", () => {
  let app: TestApp;
  let docxText: string;
  let pptxText: string;
  const expected: string[] = [];
  const headings: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await personCaller(app, "staff");
    const writer = await createPerson(app.database, "member", { name: "Janna Kirjoittaja" });
    const group = await app.platform.services.groups.create(staff.caller, {
      name: "Maakuntastrategia",
      convenerId: writer.id,
    });
    const templates = await app.platform.services.deliverableTemplates.list(staff.caller);
    const deliverable = await app.platform.services.deliverables.create(staff.caller, group.id, {
      templateId: templates.find((t) => t.key === "operating-model")?.id ?? "",
    });
    const { sections } = await app.platform.services.deliverables.get(staff.caller, deliverable.id);
    for (const section of sections) {
      const body = texts[section.position] ?? "";
      await app.platform.services.deliverables.saveSection(staff.caller, section.id, { body, baseVersion: 0 });
      headings.push(sectionHeading({ number: section.position, title: section.title }));
      expected.push(headings.at(-1) ?? "");
      expected.push(...body.split("\n").map(visible).filter(Boolean).map(words));
    }
    const cookie = await signIn(app, writer.email, writer.password);
    const download = async (extension: string) => {
      const response = await fetch(`${app.url}/d/${deliverable.id}/export.${extension}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const [docx, pptx] = await Promise.all([download("docx"), download("pptx")]);
    [docxText, pptxText] = await Promise.all([
      docxToText(docx).then(words),
      pptxToPageTexts(pptx).then((pages) => words(pages.join(" "))),
    ]);
  }, 180_000);
  afterAll(() => app.close());

  it("writes all 20 sections of the template, each with text", () => {
    expect(headings).toHaveLength(operatingModelTemplate.sections.length);
    expect(headings[19]).toBe("20. Seuraava askel");
    expect(headings.every((_, i) => (texts[i + 1] ?? "").trim() !== "")).toBe(true);
  });

  it("keeps every section's heading and every line of its text, in order, in the Word document", () => {
    expect(inOrder(docxText, expected)).toEqual({ ok: true });
  });

  it("keeps every section's heading and every line of its text, in order, in the slide deck", () => {
    expect(inOrder(pptxText, expected)).toEqual({ ok: true });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startTestApp, type TestApp } from "../../../test/support/server.ts";

type Document = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, unknown> };
};

/** The API document lists the downloads at their own URLs, and the responses are the presenters' schemas. */
describe("deliverables in the OpenAPI document", () => {
  let app: TestApp;
  let doc: Document;
  beforeAll(async () => {
    app = await startTestApp();
    doc = (await api(app, "/api/openapi.json")).json as unknown as Document;
  });
  afterAll(() => app.close());

  it("lists GET /d/{id}/export.docx and export.pptx with their file types", () => {
    expect(Object.keys(doc.paths["/d/{id}/export.docx"]?.get?.responses["200"]?.content ?? {})).toEqual([
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]);
    expect(Object.keys(doc.paths["/d/{id}/export.pptx"]?.get?.responses["200"]?.content ?? {})).toEqual([
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ]);
    expect(doc.paths["/api/d/{id}/export.docx"]).toBeUndefined();
  });

  it("names the presenters' schemas as the responses of the four modules' routes", () => {
    const schemaOf = (path: string, method: string, status: string) =>
      (doc.paths[path]?.[method]?.responses[status]?.content?.["application/json"] as { schema: { $ref?: string } })
        ?.schema.$ref;
    expect(schemaOf("/api/groups", "get", "200")).toBe("#/components/schemas/WorkingGroupPage");
    expect(schemaOf("/api/groups/{id}/deliverables", "post", "201")).toBe("#/components/schemas/DeliverableCreated");
    expect(schemaOf("/api/groups/deliverables/{id}", "get", "200")).toBe("#/components/schemas/Deliverable");
    expect(schemaOf("/api/groups/templates/{id}", "get", "200")).toBe("#/components/schemas/DeliverableTemplate");
    expect(schemaOf("/api/groups/timeline", "get", "200")).toBe("#/components/schemas/ProgrammeTimeline");
  });
});

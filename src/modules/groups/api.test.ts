import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";

describe("working groups over HTTP", () => {
  let app: TestApp;
  let staffCookie: string;
  let memberCookie: string;
  let otherCookie: string;
  let member: Awaited<ReturnType<typeof createPerson>>;
  let other: Awaited<ReturnType<typeof createPerson>>;

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff", { name: "Sanna Valmistelija" });
    member = await createPerson(app.database, "member", { name: "Janna Kirjoittaja" });
    other = await createPerson(app.database, "member", { name: "Ilkka Toinen" });
    staffCookie = await signIn(app, staff.email, staff.password);
    memberCookie = await signIn(app, member.email, member.password);
    otherCookie = await signIn(app, other.email, other.password);
  });
  afterAll(() => app.close());

  async function setUp() {
    const created = await api(app, "/api/groups", {
      method: "POST",
      cookie: staffCookie,
      body: { name: "Maakuntastrategia", convenerId: member.id },
    });
    expect(created.status).toBe(201);
    const groupId = created.json.id as string;
    expect(
      (await api(app, `/api/groups/${groupId}/members/${other.id}`, { method: "PUT", cookie: memberCookie, body: {} }))
        .status,
    ).toBe(200);
    const templates = await api(app, "/api/groups/templates", { cookie: memberCookie });
    const templateId = (templates.json as unknown as { id: string; key: string | null }[]).find(
      (t) => t.key === "operating-model",
    )?.id;
    const deliverable = await api(app, `/api/groups/${groupId}/deliverables`, {
      method: "POST",
      cookie: memberCookie,
      body: { templateId },
    });
    expect(deliverable.status).toBe(201);
    const detail = await api(app, `/api/groups/deliverables/${deliverable.json.id}`, { cookie: memberCookie });
    return { groupId, deliverableId: deliverable.json.id as string, detail: detail.json };
  }

  it("answers the fixed paths (templates, timeline, coordination) before a group id, and documents them", async () => {
    expect((await api(app, "/api/groups/timeline", { cookie: memberCookie })).status).toBe(200);
    expect((await api(app, "/api/groups/coordination", { cookie: memberCookie })).json.code).toBe("FORBIDDEN");
    expect((await api(app, "/api/groups/coordination", { cookie: staffCookie })).status).toBe(200);
    expect((await api(app, "/api/groups/templates")).status).toBe(401);
    const doc = await api(app, "/api/openapi.json");
    const paths = Object.keys((doc.json as unknown as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(["/api/groups", "/api/groups/{id}", "/api/groups/sections/{id}", "/api/groups/timeline"]),
    );
  });

  it("refuses a save based on an old version with 409, the newer text and who saved it, in the caller's language", async () => {
    const { detail } = await setUp();
    const sectionId = (detail.sections as { id: string }[])[0]?.id;
    const first = await api(app, `/api/groups/sections/${sectionId}`, {
      method: "PUT",
      cookie: otherCookie,
      body: { body: "Maakunnassa on yksi strategia.", baseVersion: 0 },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 1, updatedByName: "Ilkka Toinen" });
    const refused = await api(app, `/api/groups/sections/${sectionId}`, {
      method: "PUT",
      // The language cookie wins over the person's saved language.
      cookie: `${memberCookie}; uudistamo_lang=en`,
      body: { body: "Oma versioni.", baseVersion: 0 },
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      code: "CONFLICT",
      current: { version: 1, body: "Maakunnassa on yksi strategia.", authorName: "Ilkka Toinen" },
      issues: [{ path: "body", message: expect.stringMatching(/^Ilkka Toinen saved a newer version/) }],
    });
    const versions = await api(app, `/api/groups/sections/${sectionId}/versions`, { cookie: memberCookie });
    expect(versions.json).toHaveLength(1);
    const compared = await api(app, `/api/groups/sections/${sectionId}/compare?from=0&to=1`, { cookie: memberCookie });
    expect(compared.json).toMatchObject({ diff: { added: 1, removed: 0 } });
  });

  it("downloads the deliverable as DOCX and PPTX for the group's people, and not for others", async () => {
    const { deliverableId } = await setUp();
    const docx = await fetch(`${app.url}/d/${deliverableId}/export.docx`, { headers: { cookie: memberCookie } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-disposition")).toBe(
      'attachment; filename="uuden-toimintamallin-kuvaus-maakuntastrategia.docx"',
    );
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const pptx = await fetch(`${app.url}/d/${deliverableId}/export.pptx`, { headers: { cookie: staffCookie } });
    expect(pptx.headers.get("content-type")).toContain("presentationml");
    const outsider = await fetch(`${app.url}/d/${deliverableId}/export.docx`);
    expect(outsider.status).toBe(401);
    expect(((await outsider.json()) as { code: string }).code).toBe("UNAUTHENTICATED");
    expect((await fetch(`${app.url}/d/not-an-id/export.pptx`, { headers: { cookie: staffCookie } })).status).toBe(404);
  });

  it("moves the status and refuses a member's acceptance", async () => {
    const { deliverableId } = await setUp();
    const move = (cookie: string, to: string, comment?: string) =>
      api(app, `/api/groups/deliverables/${deliverableId}/status`, { method: "POST", cookie, body: { to, comment } });
    expect((await move(memberCookie, "in_review")).status).toBe(204);
    expect((await move(memberCookie, "submitted")).status).toBe(204);
    expect((await move(memberCookie, "accepted")).status).toBe(403);
    expect((await move(staffCookie, "returned")).status).toBe(400);
    expect((await move(staffCookie, "returned", "Täydennä osio 14.")).status).toBe(204);
    expect((await move(staffCookie, "accepted")).status).toBe(409);
  });
});

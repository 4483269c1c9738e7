import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { pdfBytes } from "../commitments/test-fixture.ts";
import { allianceInput } from "./test-fixture.ts";

type Json = Record<string, unknown>;

describe("attachments and gates over HTTP", () => {
  let app: TestApp;
  let cookie: string;
  let representativeCookie: string;
  let outsiderCookie: string;
  let allianceId: string;
  let managerId: string;
  let parties: { id: string; name: string }[];
  const call = (path: string, init: Parameters<typeof api>[2] = {}) => api(app, path, { cookie, ...init });
  const upload = (path: string, data: Uint8Array, name: string, as = cookie) => {
    const form = new FormData();
    form.set("file", new Blob([data as Uint8Array<ArrayBuffer>]), name);
    return fetch(`${app.url}${path}`, { method: "POST", headers: { origin: app.url, cookie: as }, body: form });
  };

  beforeAll(async () => {
    app = await startTestApp();
    const manager = await createPerson(app.database, "staff");
    managerId = manager.id;
    cookie = await signIn(app, manager.email, manager.password);
    const representative = await createPerson(app.database, "member");
    representativeCookie = await signIn(app, representative.email, representative.password);
    const outsider = await createPerson(app.database, "member");
    outsiderCookie = await signIn(app, outsider.email, outsider.password);
    const created = await call("/api/alliances", { method: "POST", body: allianceInput() });
    expect(created.status).toBe(201);
    allianceId = String(created.json.id);
    parties = created.json.parties as never;
    await call(`/api/alliances/${allianceId}/members`, {
      method: "PUT",
      body: { personId: representative.id, partyId: parties[3]?.id },
    });
    await call(`/api/alliances/${allianceId}/members`, {
      method: "PUT",
      body: { personId: manager.id, partyId: parties[0]?.id, manager: true, board: true },
    });
  }, 240_000);
  afterAll(() => app.close());

  it("uploads the receipt behind a cost entry and a decision's minutes, lists them, serves them as downloads", async () => {
    const cost = await call(`/api/alliances/${allianceId}/costs`, {
      method: "POST",
      body: {
        partyId: parties[3]?.id,
        bookedOn: "2025-02-03",
        category: "reimbursable",
        amount: 5000,
        auditReference: "A-1",
      },
    });
    expect(cost.status).toBe(201);
    const costPath = `/api/alliances/costs/${cost.json.id}/attachments`;

    // The type comes from the content: HTML named .pdf is refused, translated, naming the field.
    const fake = await upload(costPath, new TextEncoder().encode("<html><script>1</script></html>"), "kuitti.pdf");
    expect(fake.status).toBe(415);
    expect(((await fake.json()) as Json).issues).toEqual([
      { path: "file", message: expect.stringContaining("PDF") as unknown as string },
    ]);
    // Representatives read but never attach; outsiders see nothing; visitors sign in.
    expect((await upload(costPath, pdfBytes, "kuitti.pdf", representativeCookie)).status).toBe(403);
    expect((await upload(costPath, pdfBytes, "kuitti.pdf", outsiderCookie)).status).toBe(403);
    expect((await upload(costPath, pdfBytes, "kuitti.pdf", "")).status).toBe(401);
    expect((await call(costPath)).json.items).toEqual([]);

    const stored = await upload(costPath, pdfBytes, "kuitti.pdf");
    expect(stored.status).toBe(201);
    const attachment = (await stored.json()) as { id: string; downloadUrl: string; mimeType: string };
    expect(attachment.mimeType).toBe("application/pdf");
    const listed = await call(costPath, { cookie: representativeCookie });
    expect((listed.json.items as { id: string }[]).map((a) => a.id)).toEqual([attachment.id]);

    const download = await fetch(`${app.url}${attachment.downloadUrl}`, { headers: { cookie: representativeCookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="kuitti.pdf"/);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdfBytes))).toBe(true);
    expect((await fetch(`${app.url}${attachment.downloadUrl}`, { headers: { cookie: outsiderCookie } })).status).toBe(
      403,
    );
    expect((await fetch(`${app.url}${attachment.downloadUrl}`)).status).toBe(401);

    const decision = await call(`/api/alliances/${allianceId}/decisions`, {
      method: "POST",
      body: {
        subject: "Toteutusvaiheeseen",
        proposal: "Siirrytään toteutusvaiheeseen.",
        decidedOn: "2025-03-28",
        positions: [{ personId: managerId, position: "for" }],
        made: true,
      },
    });
    expect(decision.status).toBe(201);
    expect(decision.json.subject).toBe("Toteutusvaiheeseen");
    const minutes = await upload(`/api/alliances/decisions/${decision.json.id}/attachments`, pdfBytes, "pk.pdf");
    expect(minutes.status).toBe(201);
    const decisionFiles = await call(`/api/alliances/decisions/${decision.json.id}/attachments`, {
      cookie: representativeCookie,
    });
    expect((decisionFiles.json.items as { name: string }[]).map((a) => a.name)).toEqual(["pk.pdf"]);

    // The gate: refused without a decision of this alliance, then opened with it; the alliance shows its decision.
    const missing = await call(`/api/alliances/${allianceId}/gates`, {
      method: "POST",
      body: { phase: "development", decisionId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(missing.status).toBe(400);
    expect((missing.json.issues as { path: string }[]).map((i) => i.path)).toEqual(["decisionId"]);
    const byRepresentative = await call(`/api/alliances/${allianceId}/gates`, {
      method: "POST",
      cookie: representativeCookie,
      body: { phase: "development", decisionId: decision.json.id },
    });
    expect(byRepresentative.status).toBe(403);
    const gate = await call(`/api/alliances/${allianceId}/gates`, {
      method: "POST",
      body: { phase: "development", decisionId: decision.json.id },
    });
    expect(gate.status).toBe(200);
    const read = await call(`/api/alliances/${allianceId}`, { cookie: representativeCookie });
    expect((read.json.phases as Json[])[0]).toMatchObject({
      gate: "approved",
      gateDecidedOn: "2025-03-28",
      gateDecisionId: decision.json.id,
    });

    const openapi = await call("/api/openapi.json");
    const paths = Object.keys(openapi.json.paths as Json);
    for (const path of [
      "/api/alliances/costs/{id}/attachments",
      "/api/alliances/decisions/{id}/attachments",
      "/api/alliances/{id}/gates",
      "/alliances/attachments/{id}/{name}",
    ])
      expect(paths).toContain(path);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { contractFor, pdfBytes } from "./test-fixture.ts";

describe("contract register over HTTP", () => {
  let app: TestApp;
  let cookie: string;
  let contractId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff");
    cookie = await signIn(app, staff.email, staff.password);
    const folder = await api(app, "/api/commitments/folders", { method: "POST", cookie, body: { name: "Vuokrat" } });
    const created = await api(app, "/api/commitments/contracts", {
      method: "POST",
      cookie,
      body: contractFor(String(folder.json.id)),
    });
    expect(created.status).toBe(201);
    contractId = String(created.json.id);
  });
  afterAll(() => app.close());

  const upload = (path: string, file: Blob, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", file, "sopimus.exe");
    return fetch(`${app.url}${path}`, { method: "POST", headers: { origin: app.url, cookie }, body: form });
  };

  it("stores a signed PDF with versions, refuses other types, and serves it only as a download", async () => {
    const first = await upload(`/api/commitments/contracts/${contractId}/documents`, new Blob([pdfBytes]), {
      kind: "signed",
      title: "Allekirjoitettu sopimus",
    });
    expect(first.status).toBe(201);
    const document = (await first.json()) as { id: string; versions: { name: string; downloadUrl: string }[] };
    expect(document.versions[0]?.name).toBe("sopimus.pdf");

    const text = await upload(`/api/commitments/documents/${document.id}/versions`, new Blob(["just text"]), {});
    expect(text.status).toBe(415);
    expect(((await text.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("file");

    const second = await upload(`/api/commitments/documents/${document.id}/versions`, new Blob([pdfBytes]), {
      note: "Korjattu liite 2",
    });
    const versions = ((await second.json()) as { versions: { version: number; downloadUrl: string }[] }).versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);

    const download = await fetch(`${app.url}${versions[0]?.downloadUrl}`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdfBytes))).toBe(true);
    expect((await fetch(`${app.url}${versions[0]?.downloadUrl}`)).status).toBe(401);
  });

  it("answers bad input with a translated message naming the field, and lists the routes in OpenAPI", async () => {
    const bad = await api(app, "/api/commitments/contracts", {
      method: "POST",
      cookie,
      body: { ...contractFor("00000000-0000-4000-8000-000000000000"), endDate: "2018-01-01" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([{ path: "folderId", message: "Kansiota ei löydy." }]);
    const cursor = await api(app, "/api/commitments/contracts?cursor=nonsense", { cookie });
    expect(cursor.status).toBe(400);
    const doc = await api(app, "/api/openapi.json");
    const paths = Object.keys(doc.json.paths as object);
    for (const path of [
      "/api/commitments/folders",
      "/api/commitments/contracts/{id}",
      "/api/commitments/contracts/{id}/parties",
      "/api/commitments/contracts/{id}/documents",
      "/api/commitments/documents/{id}/versions",
      "/api/commitments/contracts/{id}/reminders",
      "/api/commitments/folders/{id}/reminders",
      "/api/commitments/reminders/due",
      "/commitments/files/{versionId}/{name}",
    ])
      expect(paths, path).toContain(path);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { formatFileSize } from "../files/size.ts";
import { commitmentsFi } from "./messages.ts";
import { contractFor, pdfBytes } from "./test-fixture.ts";

const MiB = 1024 * 1024;

/** A PDF of about `bytes`: the smallest one file-type reads, padded with a comment (PDF readers skip it). */
function pdfOf(bytes: number): Uint8Array<ArrayBuffer> {
  const padded = new Uint8Array(bytes);
  padded.set(pdfBytes);
  padded.fill(0x25, pdfBytes.byteLength); // "%": one long comment line
  return padded;
}

describe("contract documents are streamed, not read as an ordinary body", () => {
  let app: TestApp;
  let cookie: string;
  let contractId: string;

  beforeAll(async () => {
    // Above BODY_MAX_BYTES (1 MiB), below the limit documents have here.
    app = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(4 * MiB) } });
    const staff = await createPerson(app.database, "staff");
    cookie = await signIn(app, staff.email, staff.password);
    const folder = await api(app, "/api/commitments/folders", { method: "POST", cookie, body: { name: "Liitteet" } });
    const created = await api(app, "/api/commitments/contracts", {
      method: "POST",
      cookie,
      body: contractFor(String(folder.json.id)),
    });
    contractId = String(created.json.id);
  });
  afterAll(() => app.close());

  const upload = (
    path: string,
    data: Uint8Array<ArrayBuffer>,
    fields: Record<string, string>,
    name = "sopimus.pdf",
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new Blob([data]), name);
    return fetch(`${app.url}${path}`, { method: "POST", headers: { origin: app.url, cookie }, body: form });
  };

  it("stores a 3 MiB PDF as a document and as a new version, byte for byte", async () => {
    const pdf = pdfOf(3 * MiB);
    const first = await upload(`/api/commitments/contracts/${contractId}/documents`, pdf, {
      kind: "signed",
      title: "Allekirjoitettu puitesopimus",
    });
    expect(first.status).toBe(201);
    const document = (await first.json()) as { id: string; versions: { size: number; downloadUrl: string }[] };
    expect(document.versions[0]?.size).toBe(pdf.byteLength);

    const second = await upload(`/api/commitments/documents/${document.id}/versions`, pdf, { note: "Skannattu" });
    expect(second.status).toBe(201);
    const versions = ((await second.json()) as { versions: { version: number; downloadUrl: string }[] }).versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const download = await fetch(`${app.url}${versions[0]?.downloadUrl}`, { headers: { cookie } });
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });

  it("refuses a file over the limit with 413 naming it, and stores nothing", async () => {
    const response = await upload(`/api/commitments/contracts/${contractId}/documents`, pdfOf(5 * MiB), {
      kind: "annex",
      title: "Liian suuri liite",
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { code: string; issues: { path: string; message: string }[] };
    expect(body.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.issues).toEqual([
      {
        path: "file",
        message: commitmentsFi["commitments.file.tooLarge"].replace("{limit}", formatFileSize("fi", 4 * MiB)),
      },
    ]);
    const list = await api(app, `/api/commitments/contracts/${contractId}/documents`, { cookie });
    expect((list.json.items as { title: string }[]).map((d) => d.title)).not.toContain("Liian suuri liite");
  });

  it("refuses with 415 a file whose content is not what its name and type claim", async () => {
    const form = new FormData();
    form.set("kind", "annex");
    form.set("title", "Liite");
    form.set("file", new Blob(["<html><script>alert(1)</script></html>"], { type: "application/pdf" }), "liite.pdf");
    const response = await fetch(`${app.url}/api/commitments/contracts/${contractId}/documents`, {
      method: "POST",
      headers: { origin: app.url, cookie },
      body: form,
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([{ path: "file", message: commitmentsFi["commitments.file.typeRefused"] }]);
  });

  it("refuses a member before reading the file, and names a missing file", async () => {
    const member = await createPerson(app.database, "member");
    const memberCookie = await signIn(app, member.email, member.password);
    const form = new FormData();
    form.set("kind", "annex");
    form.set("title", "Liite");
    form.set("file", new Blob([pdfBytes]), "liite.pdf");
    const refused = await fetch(`${app.url}/api/commitments/contracts/${contractId}/documents`, {
      method: "POST",
      headers: { origin: app.url, cookie: memberCookie },
      body: form,
    });
    expect(refused.status).toBe(403);

    const noFile = new FormData();
    noFile.set("kind", "annex");
    noFile.set("title", "Liite");
    const missing = await fetch(`${app.url}/api/commitments/contracts/${contractId}/documents`, {
      method: "POST",
      headers: { origin: app.url, cookie },
      body: noFile,
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { issues: unknown[] }).issues).toEqual([
      { path: "file", message: commitmentsFi["commitments.file.missing"] },
    ]);
  });
});

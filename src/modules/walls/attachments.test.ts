import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser as browser } from "../../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { imageLimits } from "../files/images.ts";
import { animatedGif as animatedGifOf, canvasBombGif } from "../files/test-images.ts";
import { wallsFi } from "./messages.ts";

let keys = 0;
const key = () => `attach-${Date.now()}-${++keys}`;

interface Upload {
  fileId: string;
  kind: string;
  name: string;
  mimeType: string;
  size: number;
  width?: number;
  height?: number;
}
interface Attachment {
  kind: string;
  url: string;
  name: string;
  alt: string | null;
  width: number | null;
  height: number | null;
}

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } });

/** A phone photo: 2400×1200 pixels stored sideways (EXIF orientation 6), with camera and GPS tags. */
const phonePhoto = () =>
  solid(2400, 1200)
    .withExif({
      IFD0: { Make: "KameraOy", Copyright: "Anna" },
      IFD3: { GPSLatitudeRef: "N", GPSLongitudeRef: "E", GPSMapDatum: "WGS-84" },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

const animatedGif = async () => {
  const frames = await Promise.all(
    ["#c00", "#0c0", "#00c"].map((background) =>
      sharp({ create: { width: 40, height: 30, channels: 4, background } })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true } })
    .gif({ delay: [100, 100, 100], loop: 0 })
    .toBuffer();
};

/** The smallest PDF file-type recognises as one; a PDF reader would want more, the detector does not. */
const minimalPdf = (padding = 0) =>
  `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n${"%".repeat(padding)}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;

describe("attachments on wall posts", () => {
  let app: TestApp;
  let staffCookie: string;
  const createWall = async (body: Record<string, unknown> = {}) => {
    const response = await api(app, "/api/walls", {
      method: "POST",
      cookie: staffCookie,
      body: { title: "Seinä", ...body },
    });
    expect(response.status).toBe(201);
    return response.json as unknown as { id: string };
  };
  const post = (who: ReturnType<typeof browser>, wallId: string, body: Record<string, unknown>) =>
    who.call(`/api/walls/${wallId}/posts`, { method: "POST", body: { body: "Liite", idempotencyKey: key(), ...body } });

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
  });
  afterAll(() => app.close());

  it("stores a photo upright, at most 1600 px, without EXIF or GPS data", async () => {
    const wall = await createWall();
    const anna = browser(app);
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect(before).toMatchObject({ width: 2400, height: 1200, orientation: 6 });
    expect(before.exif).toBeDefined();
    expect(photo.includes("WGS-84")).toBe(true);

    const uploaded = await anna.upload(wall.id, photo, "IMG_0001.JPG", "image/jpeg");
    expect(uploaded.status).toBe(201);
    const upload = uploaded.json as unknown as Upload;
    expect(upload).toMatchObject({
      kind: "image",
      mimeType: "image/jpeg",
      name: "IMG_0001.jpg",
      width: 800,
      height: 1600,
    });

    // Not attached yet: only the uploader's browser can read it back.
    const stored = await anna.file(`/files/${upload.fileId}/${upload.name}`);
    expect(stored.status).toBe(200);
    expect(stored.headers.get("content-type")).toBe("image/jpeg");
    expect(stored.data.byteLength).toBe(upload.size);
    const after = await sharp(stored.data).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 800, height: 1600 });
    expect(after.orientation).toBeUndefined();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(stored.data.includes("WGS-84")).toBe(false);
    expect(stored.data.includes("KameraOy")).toBe(false);
    expect((await browser(app).file(`/files/${upload.fileId}/${upload.name}`)).status).toBe(404);
  });

  it("takes PNG, WebP and animated GIF images in their own format", async () => {
    const wall = await createWall();
    const anna = browser(app);
    const png = await solid(3200, 100).png().withMetadata({ density: 300 }).toBuffer();
    const webp = await solid(50, 40).webp().toBuffer();
    const gif = await animatedGif();
    for (const [data, name, format, width, height] of [
      [png, "kaavio.png", "png", 1600, 50],
      [webp, "kuva.webp", "webp", 50, 40],
      [gif, "liike.gif", "gif", 40, 30],
    ] as const) {
      const uploaded = await anna.upload(wall.id, data, name);
      expect(uploaded.status).toBe(201);
      expect(uploaded.json).toMatchObject({ kind: "image", mimeType: `image/${format}`, name, width, height });
      const upload = uploaded.json as unknown as Upload;
      const stored = await anna.file(`/files/${upload.fileId}/${name}`);
      expect(stored.headers.get("content-type")).toBe(`image/${format}`);
      const meta = await sharp(stored.data, { animated: true }).metadata();
      expect(meta.format).toBe(format);
      if (format === "gif") expect(meta).toMatchObject({ pages: 3, pageHeight: 30 });
    }
  });

  it("reads the type from the content: text, HTML, SVG and programs are refused whatever their name", async () => {
    const wall = await createWall();
    const anna = browser(app);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(200)]);
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write("PE\0\0", 0x80, "latin1");
    const refused: [Uint8Array | string, string, string][] = [
      ["Tämä on vain tekstiä, ei kuva.", "kuva.png", "image/png"],
      ["<!doctype html><script>alert(1)</script>", "sivu.png", "image/png"],
      ["<html><body onload=alert(1)>", "sivu.html", "text/html"],
      [svg, "logo.svg", "image/svg+xml"],
      [svg, "logo.png", "image/png"],
      [exe, "lasku.pdf", "application/pdf"],
    ];
    for (const [data, name, type] of refused) {
      const response = await anna.upload(wall.id, data, name, type);
      expect(response.status, name).toBe(415);
      expect(response.json).toMatchObject({
        code: "FILE_TYPE_REFUSED",
        issues: [{ path: "file", message: wallsFi["walls.fileTypeRefused"] }],
      });
    }
    const broken = Buffer.concat([(await solid(100, 100).png().toBuffer()).subarray(0, 60)]);
    const unreadable = await anna.upload(wall.id, broken, "rikki.png");
    expect(unreadable.status).toBe(422);
    expect(unreadable.json).toMatchObject({
      code: "UNPROCESSABLE_FILE",
      issues: [{ path: "file", message: wallsFi["walls.imageUnreadable"] }],
    });
    const missing = await fetch(`${app.url}/api/walls/${wall.id}/uploads`, {
      method: "POST",
      headers: { origin: app.url },
      body: new FormData(),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "file" }] });
  });

  it("takes a PDF and an Office file; serves them as downloads to the wall's readers, never inline", async () => {
    const wall = await createWall();
    const anna = browser(app);
    const reader = browser(app);
    const pdf = await anna.upload(wall.id, minimalPdf(), "Esityslista.pdf", "text/plain");
    expect(pdf.status).toBe(201);
    expect(pdf.json).toMatchObject({ kind: "file", mimeType: "application/pdf", name: "Esityslista.pdf" });
    expect(pdf.json).not.toHaveProperty("width");

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Äänet").addRow(["Kunta", 12]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheet = await anna.upload(wall.id, xlsx, "tulokset.zip");
    expect(sheet.json).toMatchObject({
      kind: "file",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      name: "tulokset.xlsx",
    });

    const withPdf = await post(anna, wall.id, { attachmentFileId: (pdf.json as unknown as Upload).fileId });
    expect(withPdf.status).toBe(201);
    const withSheet = await post(anna, wall.id, { attachmentFileId: (sheet.json as unknown as Upload).fileId });
    expect(withSheet.status).toBe(201);
    const pdfAttachment = (withPdf.json as unknown as { attachment: Attachment }).attachment;
    expect(pdfAttachment).toMatchObject({ kind: "file", name: "Esityslista.pdf", alt: null, width: null });

    const served = await reader.file(pdfAttachment.url);
    expect(served.status).toBe(200);
    expect(served.data.toString("latin1")).toBe(minimalPdf());
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment; filename="Esityslista.pdf"/);
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(served.headers.get("cache-control")).toContain("immutable");

    const download = await reader.file((withSheet.json as unknown as { attachment: Attachment }).attachment.url);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="tulokset.xlsx"/);
    expect(download.headers.get("content-security-policy")).toContain("sandbox");
    expect((await reader.file(`/files/${crypto.randomUUID()}/x.pdf`)).status).toBe(404);
    expect((await reader.file("/files/not-an-id/x.pdf")).status).toBe(404);
  });

  it("asks for alternative text with an image, and shows the image to the wall's other readers", async () => {
    const wall = await createWall();
    const anna = browser(app);
    const reader = browser(app);
    const upload = (await anna.upload(wall.id, await phonePhoto(), "kartta.jpg")).json as unknown as Upload;

    const noAlt = await post(anna, wall.id, { attachmentFileId: upload.fileId });
    expect(noAlt.status).toBe(400);
    expect(noAlt.json).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "attachmentAlt", message: wallsFi["walls.imageAltRequired"] }],
    });
    const blankAlt = await post(anna, wall.id, { attachmentFileId: upload.fileId, attachmentAlt: "   " });
    expect(blankAlt.status).toBe(400);

    const posted = await post(anna, wall.id, {
      attachmentFileId: upload.fileId,
      attachmentAlt: "Kartta: uudet alueet",
    });
    expect(posted.status).toBe(201);
    const list = await reader.call(`/api/walls/${wall.id}/posts`);
    const [shown] = (list.json as unknown as { posts: { id: string; attachment: Attachment }[] }).posts;
    expect(shown?.attachment).toEqual({
      kind: "image",
      url: `/files/${upload.fileId}/kartta.jpg`,
      name: "kartta.jpg",
      alt: "Kartta: uudet alueet",
      width: 800,
      height: 1600,
    });
    const image = await reader.file(shown?.attachment.url ?? "");
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect(image.headers.get("content-disposition")).toMatch(/^inline/);

    // The writer rewrites the alternative text; an empty one is refused; removing the image takes it away.
    const id = shown?.id ?? "";
    const edited = await anna.call(`/api/posts/${id}`, { method: "PATCH", body: { attachmentAlt: "Kartta" } });
    expect(edited.json).toMatchObject({ attachment: { kind: "image", alt: "Kartta" } });
    const emptied = await anna.call(`/api/posts/${id}`, { method: "PATCH", body: { attachmentAlt: "" } });
    expect(emptied.status).toBe(400);
    const removed = await anna.call(`/api/posts/${id}`, { method: "PATCH", body: { attachmentFileId: null } });
    expect(removed.json).toMatchObject({ attachment: null });
    expect((await reader.file(`/files/${upload.fileId}/kartta.jpg`)).status).toBe(404);
  });

  it("attaches only the same browser's unused upload to the same wall; a link and a file do not go together", async () => {
    const wall = await createWall();
    const otherWall = await createWall();
    const anna = browser(app);
    const mallory = browser(app);
    const upload = (await anna.upload(wall.id, minimalPdf(), "a.pdf")).json as unknown as Upload;
    const refusedAs = (response: { status: number; json: unknown }) => {
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({
        issues: [{ path: "attachmentFileId", message: wallsFi["walls.uploadNotFound"] }],
      });
    };

    refusedAs(await post(mallory, wall.id, { attachmentFileId: upload.fileId }));
    refusedAs(await post(anna, otherWall.id, { attachmentFileId: upload.fileId }));
    refusedAs(await post(anna, wall.id, { attachmentFileId: crypto.randomUUID() }));
    const both = await post(anna, wall.id, { attachmentFileId: upload.fileId, linkUrl: "https://example.test/" });
    expect(both.json).toMatchObject({
      issues: [{ path: "attachmentFileId", message: wallsFi["walls.oneAttachment"] }],
    });
    expect((await mallory.file(`/files/${upload.fileId}/a.pdf`)).status).toBe(404);

    expect((await post(anna, wall.id, { attachmentFileId: upload.fileId })).status).toBe(201);
    refusedAs(await post(anna, wall.id, { attachmentFileId: upload.fileId }));
    const other = (await post(anna, wall.id, {})).json as unknown as { id: string };
    refusedAs(
      await anna.call(`/api/posts/${other.id}`, { method: "PATCH", body: { attachmentFileId: upload.fileId } }),
    );
  });

  it("serves a members-only wall's files only to its members, and a held post's file only to its writer", async () => {
    const wall = await createWall({ access: "members" });
    const staff = browser(app, staffCookie);
    const upload = (await staff.upload(wall.id, await solid(10, 10).png().toBuffer(), "a.png"))
      .json as unknown as Upload;
    expect((await post(staff, wall.id, { attachmentFileId: upload.fileId, attachmentAlt: "Sininen" })).status).toBe(
      201,
    );
    const url = `/files/${upload.fileId}/a.png`;
    expect((await browser(app).file(url)).status).toBe(404);
    expect((await browser(app).upload(wall.id, minimalPdf(), "a.pdf")).status).toBe(401);
    const member = await createPerson(app.database, "member");
    expect((await browser(app, await signIn(app, member.email, member.password)).file(url)).status).toBe(200);

    const moderated = await createWall({ moderation: "pre" });
    const writer = browser(app);
    const held = (await writer.upload(moderated.id, minimalPdf(), "b.pdf")).json as unknown as Upload;
    const pending = await post(writer, moderated.id, { attachmentFileId: held.fileId });
    expect(pending.json).toMatchObject({ status: "pending" });
    expect((await writer.file(`/files/${held.fileId}/b.pdf`)).status).toBe(200);
    expect((await browser(app).file(`/files/${held.fileId}/b.pdf`)).status).toBe(404);
    expect((await staff.file(`/files/${held.fileId}/b.pdf`)).status).toBe(200);
  });

  it("refuses uploads to a closed wall", async () => {
    const wall = await createWall();
    await api(app, `/api/walls/${wall.id}`, { method: "PATCH", cookie: staffCookie, body: { closed: true } });
    const response = await browser(app).upload(wall.id, minimalPdf(), "a.pdf");
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({ code: "WALL_CLOSED" });
  });

  it("describes the upload as multipart/form-data in the OpenAPI document", async () => {
    const doc = (await api(app, "/api/openapi.json")).json as unknown as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>>;
    };
    const upload = doc.paths["/api/walls/{id}/uploads"]?.post;
    expect(upload?.requestBody.content["multipart/form-data"]?.schema).toMatchObject({
      type: "object",
      properties: { file: { type: "string", format: "binary" } },
      required: ["file"],
    });
  });
});

describe("upload size limit", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { UPLOAD_MAX_BYTES: "2048" } });
  });
  afterAll(() => app.close());

  it("answers 413 for a file over UPLOAD_MAX_BYTES and for a body over every limit", async () => {
    const staff = await createPerson(app.database, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    const wall = (await api(app, "/api/walls", { method: "POST", cookie, body: { title: "Pieni" } }))
      .json as unknown as {
      id: string;
    };
    const anna = browser(app);
    expect((await anna.upload(wall.id, minimalPdf(), "pieni.pdf")).status).toBe(201);
    const big = await anna.upload(wall.id, minimalPdf(4096), "iso.pdf");
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      issues: [{ path: "file", message: "Tiedosto on suurempi kuin 2 kt. Liitä pienempi tiedosto." }],
    });
    const huge = await anna.upload(wall.id, minimalPdf(2 * 1024 * 1024), "valtava.pdf");
    expect(huge.status).toBe(413);
  });
});

describe("image limits over HTTP", () => {
  let app: TestApp;
  let wallId: string;
  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    wallId = (
      (await api(app, "/api/walls", { method: "POST", cookie, body: { title: "Kuvat" } })).json as unknown as {
        id: string;
      }
    ).id;
  });
  afterAll(() => app.close());

  const refusedWith = (response: { status: number; json: unknown }, message: string) => {
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: "UNPROCESSABLE_FILE", issues: [{ path: "file", message }] });
  };

  it("refuses the 4000×4000 canvas with 2,000 one-pixel frames (libvips reads it as 1×1), naming the limit", async () => {
    const bomb = canvasBombGif(4000, 4000, 2000);
    expect(await sharp(bomb, { animated: true }).metadata()).toMatchObject({ width: 1, pageHeight: 1, pages: 2000 });
    const response = await browser(app).upload(wallId, bomb, "pommi.gif");
    refusedWith(response, "Animaatiossa saa olla enintään 200 kuvaa. Lyhennä animaatiota.");
    // Few frames on the same canvas: the canvas counts, read from the GIF header (4000×4000 × 2 = 32 MP).
    const wide = await browser(app).upload(wallId, canvasBombGif(4000, 4000, 2), "leveä.gif");
    refusedWith(
      wide,
      "Animaatio on liian suuri: sen kaikissa kuvissa yhteensä saa olla enintään 16 megapikseliä. Lyhennä tai pienennä animaatiota.",
    );
  });

  it("refuses an animation over the frame limit and takes one at it", async () => {
    const anna = browser(app);
    refusedWith(
      await anna.upload(wallId, await animatedGifOf(4, 4, imageLimits.maxFrames + 1), "pitkä.gif"),
      wallsFi["walls.animationTooManyFrames"].replace("{frames}", String(imageLimits.maxFrames)),
    );
    const atLimit = await anna.upload(wallId, await animatedGifOf(4, 4, imageLimits.maxFrames), "juuri.gif");
    expect(atLimit.status).toBe(201);
    expect(atLimit.json).toMatchObject({ kind: "image", mimeType: "image/gif", width: 4, height: 4 });
  });

  it("refuses a WebP still that would decode whole over its limit, naming it, and stores a still GIF as PNG", async () => {
    const anna = browser(app);
    refusedWith(
      await anna.upload(wallId, await solid(1500, 1500).webp().toBuffer(), "iso.webp"),
      "WebP- ja GIF-kuvissa sekä lomitetuissa PNG-kuvissa saa olla enintään 2,1 megapikseliä. Tallenna suurempi kuva JPEG- tai PNG-muodossa ja liitä se uudelleen.",
    );
    const still = await anna.upload(wallId, await solid(300, 200).gif().toBuffer(), "kaavio.gif");
    expect(still.status).toBe(201);
    expect(still.json).toMatchObject({ kind: "image", mimeType: "image/png", name: "kaavio.png", width: 300 });
  });

  it("refuses a still image above the pixel limit before decoding it", async () => {
    // 8000×6300 = 50.4 MP of one colour: a small file, a big bitmap.
    const png = await solid(8000, 6300).png().toBuffer();
    refusedWith(
      await browser(app).upload(wallId, png, "iso.png"),
      "Kuva on liian suuri: siinä saa olla enintään 50 megapikseliä. Pienennä kuvaa ja liitä se uudelleen.",
    );
  });

  it("takes a 48 MP phone photo (8000×6000 JPEG) and stores it at 1600 px", async () => {
    const photo = await solid(8000, 6000).jpeg().toBuffer();
    const response = await browser(app).upload(wallId, photo, "IMG_4800.JPG");
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ kind: "image", mimeType: "image/jpeg", width: 1600, height: 1200 });
  });
});

describe("uploads from the wall page's form without JavaScript", () => {
  let app: TestApp;
  let slug: string;
  beforeAll(async () => {
    app = await startTestApp({ web: true, env: { UPLOAD_MAX_BYTES: "8192" } });
    const staff = await createPerson(app.database, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    slug = (
      (await api(app, "/api/walls", { method: "POST", cookie, body: { title: "Lomake" } })).json as unknown as {
        slug: string;
      }
    ).slug;
  });
  afterAll(() => app.close());

  /** The composer's plain form, posted to the page like a browser without JavaScript does. */
  const postForm = async (file: Uint8Array | string, name: string) => {
    const form = new FormData();
    form.append("intent", "post");
    form.append("idempotencyKey", key());
    form.append("body", "Liitteen kanssa");
    form.append("attachmentAlt", "Kuva");
    form.append("file", new Blob([file as BlobPart]), name);
    const response = await fetch(`${app.url}/w/${slug}`, {
      method: "POST",
      headers: { origin: app.url },
      body: form,
      redirect: "manual",
    });
    return { status: response.status, html: await response.text() };
  };
  const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  /** In the error summary's link to the field, not only in the page's serialised data. */
  const shown = (html: string, message: string) =>
    expect(html.replaceAll("<!-- -->", "")).toContain(`<a href="#field-file">${escaped(message)}</a>`);

  it("answers 413, 415 and 422 with the page showing why, the limit named", async () => {
    const tooLarge = await postForm(minimalPdf(9000), "iso.pdf");
    expect(tooLarge.status).toBe(413);
    shown(tooLarge.html, "Tiedosto on suurempi kuin 8 kt. Liitä pienempi tiedosto.");

    const wrongType = await postForm("<html><script>alert(1)</script>", "sivu.png");
    expect(wrongType.status).toBe(415);
    shown(wrongType.html, wallsFi["walls.fileTypeRefused"]);

    const bomb = await postForm(canvasBombGif(4000, 4000, 300), "pommi.gif");
    expect(bomb.status).toBe(422);
    shown(bomb.html, "Animaatiossa saa olla enintään 200 kuvaa. Lyhennä animaatiota.");

    const fine = await postForm(minimalPdf(), "liite.pdf");
    expect(fine.status).toBe(302);
  });
});

import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser as participant } from "../../../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../../test/support/server.ts";
import { wallPosts } from "../schema.ts";

let keys = 0;
const key = () => `out-${Date.now()}-${++keys}`;

/** RFC 4180 records: quoted fields may hold the separator, quotes ("") and line breaks. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function download(app: TestApp, path: string, cookie = "", headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const page = async (app: TestApp, path: string, cookie = "") => {
  const response = await fetch(`${app.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
};

describe("a wall's poster, QR code, exports and summary over HTTP", () => {
  let app: TestApp;
  let staffCookie: string;
  let memberCookie: string;
  const wall = { id: "", slug: "", sote: "", maakunta: "" };
  const posts = { question: "", popular: "", comment: "", formula: "", reply: "", hidden: "", loose: "" };

  const createWall = async (body: Record<string, unknown>) => {
    const response = await api(app, "/api/walls", { method: "POST", cookie: staffCookie, body });
    expect(response.status).toBe(201);
    return response.json as unknown as { id: string; slug: string; sections: { id: string; title: string }[] };
  };
  const post = async (who: ReturnType<typeof participant>, wallId: string, body: Record<string, unknown>) => {
    const response = await who.call(`/api/walls/${wallId}/posts`, {
      method: "POST",
      body: { idempotencyKey: key(), ...body },
    });
    expect(response.status).toBe(201);
    return (response.json as unknown as { id: string }).id;
  };
  const react = async (who: ReturnType<typeof participant>, postId: string, kind: "like" | "upvote") =>
    expect((await who.call(`/api/posts/${postId}/reactions`, { method: "POST", body: { kind } })).status).toBe(200);

  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const staff = await createPerson(app.database, "staff");
    const member = await createPerson(app.database, "member");
    staffCookie = await signIn(app, staff.email, staff.password);
    memberCookie = await signIn(app, member.email, member.password);

    const created = await createWall({
      title: "Kymenlaakson maakuntauudistusseminaari 31.8.2016",
      description: "Kommentit, kysymykset ja huomiot päivän aikana.",
      sections: ["Sote", "Maakuntapalvelut"],
    });
    Object.assign(wall, {
      id: created.id,
      slug: created.slug,
      sote: created.sections[0]?.id,
      maakunta: created.sections[1]?.id,
    });

    const anna = participant(app);
    const bertta = participant(app);
    const voters = [participant(app), participant(app), participant(app)];
    posts.question = await post(anna, wall.id, {
      kind: "question",
      body: "Miten kunnat osallistuvat valmisteluun?",
      sectionId: wall.sote,
    });
    posts.popular = await post(anna, wall.id, {
      kind: "question",
      title: "Henkilöstö",
      body: "Siirtyykö henkilöstö maakunnan palvelukseen liikkeenluovutuksella?",
      sectionId: wall.sote,
    });
    posts.comment = await post(bertta, wall.id, {
      body: "Rata, raja ja meri: **Kymenlaakson** vahvuudet.\nMyös Venäjä-osaaminen.",
      authorName: "Bertta Haminasta",
      sectionId: wall.maakunta,
      linkUrl: "https://www.kymenlaakso.fi/",
    });
    posts.formula = await post(bertta, wall.id, {
      body: '=HYPERLINK("https://evil.example","klikkaa")',
      sectionId: wall.maakunta,
    });
    posts.reply = await post(bertta, wall.id, {
      body: "Kuntakierros syksyllä, ehdotan.",
      parentId: posts.question,
    });
    posts.hidden = await post(bertta, wall.id, { body: "Asiaton viesti", sectionId: wall.sote });
    posts.loose = await post(anna, wall.id, { kind: "remark", body: "Kahvi loppui kesken." });
    for (const voter of voters) await react(voter, posts.popular, "upvote");
    await react(voters[0] as ReturnType<typeof participant>, posts.question, "upvote");
    await react(voters[1] as ReturnType<typeof participant>, posts.comment, "like");
    await react(voters[2] as ReturnType<typeof participant>, posts.comment, "like");
    const hide = await api(app, `/api/posts/${posts.hidden}/moderation`, {
      method: "POST",
      cookie: staffCookie,
      body: { action: "hide" },
    });
    expect(hide.status).toBe(200);
  });
  afterAll(() => app.close());

  describe("QR code", () => {
    it("serves the short link as a PNG of at least 1024 × 1024 pixels, for anyone", async () => {
      const { response, bytes } = await download(app, `/w/${wall.slug}/qr.png`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // The first chunk is IHDR: length (4), type (4), then width and height.
      expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
      expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1024);
      expect(bytes.readUInt32BE(20)).toBe(bytes.readUInt32BE(16));
    });

    it("serves it as SVG too, and answers 404 for a wall that does not exist", async () => {
      const { response, bytes } = await download(app, `/w/${wall.slug.toUpperCase()}/qr.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      const svg = bytes.toString("utf8");
      expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.trim()).toMatch(/<\/svg>$/);
      const missing = await api(app, "/w/nosuchwall/qr.svg");
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("CSV export", () => {
    it("gives the wall's moderator every post with its section, reactions and status, and a BOM", async () => {
      const { response, bytes } = await download(app, `/w/${wall.slug}/export.csv`, staffCookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(
        /^attachment; filename="kymenlaakson-maakuntauudistusseminaari-31-8-2016-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"), ";");
      expect(header).toEqual([
        "Tunniste",
        "Osio",
        "Tyyppi",
        "Otsikko",
        "Teksti",
        "Kirjoittaja",
        "Tila",
        "Kiinnitetty",
        "Tykkäykset",
        "Äänet",
        "Vastauksia",
        "Vastaus viestiin",
        "Liite",
        "Luotu (ISO 8601, UTC)",
        "Luotu (Suomen aikaa)",
        "Muokattu",
      ]);
      const byId = new Map(rows.map((r) => [r[0], r]));
      expect(rows).toHaveLength(7);
      expect(byId.get(posts.popular)).toEqual([
        posts.popular,
        "Sote",
        "Kysymys",
        "Henkilöstö",
        "Siirtyykö henkilöstö maakunnan palvelukseen liikkeenluovutuksella?",
        "",
        "Näkyvissä",
        "Ei",
        "0",
        "3",
        "0",
        "",
        "",
        expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        "Ei",
      ]);
      expect(byId.get(posts.question)?.slice(1, 11)).toEqual([
        "Sote",
        "Kysymys",
        "",
        "Miten kunnat osallistuvat valmisteluun?",
        "",
        "Näkyvissä",
        "Ei",
        "0",
        "1",
        "1",
      ]);
      // The text keeps its line break inside one field; the name the writer gave is there; the link too.
      expect(byId.get(posts.comment)?.slice(1, 13)).toEqual([
        "Maakuntapalvelut",
        "Kommentti",
        "",
        "Rata, raja ja meri: **Kymenlaakson** vahvuudet.\nMyös Venäjä-osaaminen.",
        "Bertta Haminasta",
        "Näkyvissä",
        "Ei",
        "2",
        "0",
        "0",
        "",
        "https://www.kymenlaakso.fi/",
      ]);
      // A reply names its parent and sits in its parent's section.
      expect(byId.get(posts.reply)?.slice(1, 12)).toEqual([
        "Sote",
        "Kommentti",
        "",
        "Kuntakierros syksyllä, ehdotan.",
        "",
        "Näkyvissä",
        "Ei",
        "0",
        "0",
        "",
        posts.question,
      ]);
      expect(byId.get(posts.hidden)?.[6]).toBe("Piilotettu");
      expect(byId.get(posts.loose)?.slice(1, 3)).toEqual(["", "Huomio"]);
      // A formula someone typed stays text in a spreadsheet.
      expect(byId.get(posts.formula)?.[4]).toBe(`'=HYPERLINK("https://evil.example","klikkaa")`);
    });

    it("never carries a participant's identifier", async () => {
      const { bytes } = await download(app, `/w/${wall.slug}/export.csv`, staffCookie);
      const text = bytes.toString("utf8");
      const rows = await app.database.db
        .select({ hash: wallPosts.participantHash, key: wallPosts.idempotencyKey })
        .from(wallPosts)
        .where(eq(wallPosts.wallId, wall.id));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(text).not.toContain(row.hash);
        expect(text).not.toContain(row.key);
      }
      expect(text).not.toMatch(/participant/i);
    });

    it("writes headers in the requester's language, with commas for English", async () => {
      const { bytes } = await download(app, `/w/${wall.slug}/export.csv`, `${staffCookie}; uudistamo_lang=en`);
      const [header] = parseCsv(bytes.subarray(3).toString("utf8"), ",");
      expect(header?.slice(0, 4)).toEqual(["ID", "Section", "Type", "Title"]);
      const swedish = await download(
        app,
        `/w/${wall.slug}/export.csv?separator=comma`,
        `${staffCookie}; uudistamo_lang=sv`,
      );
      const [svHeader] = parseCsv(swedish.bytes.subarray(3).toString("utf8"), ",");
      expect(svHeader?.slice(0, 4)).toEqual(["Id", "Avsnitt", "Typ", "Rubrik"]);
    });

    it("refuses a participant (401), a signed-in non-moderator (403) and an unknown wall (404)", async () => {
      const visitor = participant(app);
      await visitor.call(`/api/walls/${wall.id}/posts`);
      const anonymous = await api(app, `/w/${wall.slug}/export.csv`, { cookie: visitor.cookie });
      expect(anonymous.status).toBe(401);
      expect(anonymous.json).toMatchObject({ code: "UNAUTHENTICATED", message: expect.any(String) });
      const member = await api(app, `/w/${wall.slug}/export.xlsx`, { cookie: memberCookie });
      expect(member.status).toBe(403);
      expect(member.json).toMatchObject({ code: "FORBIDDEN", message: "Sinulla ei ole oikeutta tähän toimintoon." });
      expect((await api(app, "/w/nosuchwall/export.csv", { cookie: staffCookie })).status).toBe(404);
    });
  });

  describe("XLSX export", () => {
    it("has an 'All' sheet and one per section, a frozen header row, and every post's text and reactions", async () => {
      const { response, bytes } = await download(app, `/w/${wall.slug}/export.xlsx`, staffCookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(response.headers.get("content-disposition")).toMatch(/filename="kymenlaakson-[\w-]+\.xlsx"$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(["Kaikki", "Sote", "Maakuntapalvelut", "Ei osiota"]);

      const values = (sheet: ExcelJS.Worksheet) => {
        const rows: unknown[][] = [];
        sheet.eachRow((row) => {
          rows.push((row.values as unknown[]).slice(1));
        });
        return rows;
      };
      const all = workbook.getWorksheet("Kaikki") as ExcelJS.Worksheet;
      expect(all.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(all.getColumn(5).width).toBeGreaterThan(30);
      expect(all.getRow(1).font?.bold).toBe(true);
      const [header, ...rows] = values(all);
      expect(header?.slice(0, 5)).toEqual(["Tunniste", "Osio", "Tyyppi", "Otsikko", "Teksti"]);
      expect(rows).toHaveLength(7);
      const find = (id: string) => rows.find((r) => r[0] === id) ?? [];
      expect(find(posts.popular).slice(1, 11)).toEqual([
        "Sote",
        "Kysymys",
        "Henkilöstö",
        "Siirtyykö henkilöstö maakunnan palvelukseen liikkeenluovutuksella?",
        undefined,
        "Näkyvissä",
        "Ei",
        0,
        3,
        0,
      ]);
      expect(find(posts.comment).slice(1, 10)).toEqual([
        "Maakuntapalvelut",
        "Kommentti",
        undefined,
        "Rata, raja ja meri: **Kymenlaakson** vahvuudet.\nMyös Venäjä-osaaminen.",
        "Bertta Haminasta",
        "Näkyvissä",
        "Ei",
        2,
        0,
      ]);
      // Strings stay strings in a workbook: no apostrophe needed, and no formula either.
      expect(find(posts.formula)[4]).toBe('=HYPERLINK("https://evil.example","klikkaa")');
      expect(find(posts.hidden)[6]).toBe("Piilotettu");
      expect(find(posts.question)[14]).toBeInstanceOf(Date);

      const sote = values(workbook.getWorksheet("Sote") as ExcelJS.Worksheet).slice(1);
      expect(sote.map((r) => r[0]).sort()).toEqual([posts.question, posts.popular, posts.reply, posts.hidden].sort());
      const maakunta = values(workbook.getWorksheet("Maakuntapalvelut") as ExcelJS.Worksheet).slice(1);
      expect(maakunta.map((r) => r[0]).sort()).toEqual([posts.comment, posts.formula].sort());
      expect(values(workbook.getWorksheet("Ei osiota") as ExcelJS.Worksheet)[1]?.[0]).toBe(posts.loose);
      expect(JSON.stringify(rows)).not.toMatch(/participant/i);
    });
  });

  describe("poster page", () => {
    it("shows the staff the title, the QR code, the short link and the join code", async () => {
      const joinWall = await createWall({
        title: "Tukipalvelut 2 (talous, henkilöstö)",
        access: "join_code",
        joinCode: "KOTKA-31",
      });
      const link = `${app.url}/w/${joinWall.slug}`;
      const staff = await page(app, `/w/${joinWall.slug}/poster`, staffCookie);
      expect(staff.status).toBe(200);
      expect(staff.html).toContain("<h1>Tukipalvelut 2 (talous, henkilöstö)</h1>");
      expect(staff.html).toContain(`src="/w/${joinWall.slug}/qr.svg"`);
      expect(staff.html).toContain(`alt="QR-koodi: ${link}"`);
      expect(staff.html).toContain(`>${link.replace("http://", "")}</a>`);
      expect(staff.html).toContain("KOTKA-31");
      expect(staff.html).toContain(`href="/w/${joinWall.slug}/export.xlsx"`);

      // A participant who has given the code may print the poster, but it does not show the code.
      const visitor = participant(app);
      expect(
        (await visitor.call(`/api/walls/${joinWall.id}/join`, { method: "POST", body: { code: "KOTKA-31" } })).status,
      ).toBe(204);
      const joined = await page(app, `/w/${joinWall.slug}/poster`, visitor.cookie);
      expect(joined.status).toBe(200);
      expect(joined.html).toContain(`alt="QR-koodi: ${link}"`);
      expect(joined.html).not.toContain("KOTKA-31");
      expect(joined.html).not.toContain("export.csv");

      // A visitor without the code is not let in at all.
      const stranger = await page(app, `/w/${joinWall.slug}/poster`);
      expect(stranger.status).toBe(403);
      expect(stranger.html).not.toContain("KOTKA-31");
    });

    it("sends a visitor of a members-only wall to sign in", async () => {
      const members = await createWall({ title: "Valmisteluryhmä", access: "members" });
      const visitor = await page(app, `/w/${members.slug}/poster`);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toBe(`/sign-in?next=${encodeURIComponent(`/w/${members.slug}/poster`)}`);
    });
  });

  describe("summary page", () => {
    it("groups the visible posts by section, questions by votes, replies under their post", async () => {
      const { status, html } = await page(app, `/w/${wall.slug}/summary`, staffCookie);
      expect(status).toBe(200);
      const at = (text: string) => {
        const index = html.indexOf(text);
        expect(index, text).toBeGreaterThan(-1);
        return index;
      };
      const sote = at('<h2 id="section-1">Sote');
      const maakunta = at('<h2 id="section-2">Maakuntapalvelut');
      const loose = at('<h2 id="no-section">Ei osiota');
      const popular = at("Siirtyykö henkilöstö");
      const question = at("Miten kunnat osallistuvat");
      const reply = at("Kuntakierros syksyllä");
      const comment = at("<strong>Kymenlaakson</strong> vahvuudet");
      expect(sote).toBeLessThan(popular);
      expect(popular).toBeLessThan(question); // 3 votes before 1
      expect(question).toBeLessThan(reply);
      expect(reply).toBeLessThan(maakunta);
      expect(maakunta).toBeLessThan(comment);
      expect(comment).toBeLessThan(loose);
      expect(at("Kahvi loppui kesken.")).toBeGreaterThan(loose);
      expect(html).toContain("2 viestiä");
      expect(html).toContain("3 ääntä");
      expect(html).toContain("2 tykkäystä");
      expect(html).toContain("Bertta Haminasta");
      expect(html).not.toContain("Asiaton viesti");
      expect(html).toContain("1 viesti odottaa hyväksyntää tai on piilotettu");
      expect(html).toMatch(/<th scope="col">Ryhmä<\/th>/);
    });

    it("groups by kind on a wall without sections", async () => {
      const plain = await createWall({ title: "Itsehallinto, demokratia ja osallisuus" });
      const writer = participant(app);
      const voter = participant(app);
      await post(writer, plain.id, { body: "Hyvä avaus!" });
      const few = await post(writer, plain.id, { kind: "question", body: "Vähemmän ääniä saanut kysymys" });
      const many = await post(writer, plain.id, { kind: "question", body: "Eniten ääniä saanut kysymys" });
      await react(voter, many, "upvote");
      expect(few).not.toBe(many);
      const { status, html } = await page(app, `/w/${plain.slug}/summary`, staffCookie);
      expect(status).toBe(200);
      const questions = html.indexOf('<h2 id="kind-question">Kysymykset');
      const comments = html.indexOf('<h2 id="kind-comment">Kommentit');
      expect(questions).toBeGreaterThan(-1);
      expect(comments).toBeGreaterThan(questions);
      expect(html.indexOf("Eniten ääniä")).toBeGreaterThan(questions);
      expect(html.indexOf("Eniten ääniä")).toBeLessThan(html.indexOf("Vähemmän ääniä"));
      expect(html.indexOf("Hyvä avaus!")).toBeGreaterThan(comments);
    });

    it("is for moderators: a member gets 403, a visitor is sent to sign in", async () => {
      expect((await page(app, `/w/${wall.slug}/summary`, memberCookie)).status).toBe(403);
      const visitor = await page(app, `/w/${wall.slug}/summary`);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toMatch(/^\/sign-in\?next=/);
    });
  });
});

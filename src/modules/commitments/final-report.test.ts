import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { seedDemoCommitments } from "../../demo/commitments.ts";
import { seedDemoEvents } from "../../demo/events.ts";
import { seedDemoGroups } from "../../demo/groups.ts";
import { demoOrganisations } from "../../demo/organisations.ts";
import { seedDemoWalls } from "../../demo/walls.ts";
import { inOrder, zipParts } from "../deliverables/export/office.testing.ts";
import { organisations } from "../people/schema.ts";
import { WallHub } from "../walls/hub.ts";
import { finalReportDocx } from "./final-report-docx.ts";

/** The paragraphs of word/document.xml: their style and their text (runs joined). */
function paragraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
  }));
}
const xmlText = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

describe("the final report (DOCX) from the demo workspace's records", () => {
  let app: TestApp;
  let admin: Caller;
  const summary = "Seminaarissa sovittiin jatkovalmistelun periaatteista.";

  // The demo's parts the report reads (seeds 001 and 003): its walls and events, its working group, its commitments.
  beforeAll(async () => {
    app = await startTestApp();
    const db = app.database.db;
    await db.insert(organisations).values(demoOrganisations);
    admin = (await personCaller(app, "admin")).caller;
    const actor = admin.actor;
    if (!actor) throw new Error("no admin");
    const quietHub = new WallHub(
      async () => [],
      () => {},
    );
    await seedDemoWalls(db, actor, quietHub, app.platform.services.walls);
    await seedDemoEvents(db, app.platform.services.events, actor);
    await seedDemoGroups(db, actor, app.platform.services.walls);
    await seedDemoCommitments(db, actor);
    const [event] = (await app.platform.services.events.list(admin, { limit: 1 })).items;
    if (!event) throw new Error("no demo event");
    await app.platform.services.events.publishSummary(admin, event.id, { summary, publish: true });
  }, 180_000);
  afterAll(() => app.close());

  it("has a table of contents over the parts, each a Heading 1, with the groups, events and figures in them", async () => {
    const report = await app.platform.services.finalReport.compile(admin);
    const xml = zipParts(await finalReportDocx(report, "fi")).get("word/document.xml") ?? "";
    expect(xml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    const all = paragraphs(xml).map((p) => ({ ...p, text: xmlText(p.text) }));
    const parts = all.filter((p) => p.style === "Heading1").map((p) => p.text);
    expect(parts).toEqual([
      "Yhteenveto",
      "Työryhmät ja niiden tuotokset",
      "Tapahtumat ja niiden yhteenvedot",
      "Sitoumukset ja päätökset",
      "Henkilöstön paluu kantaorganisaatioihin",
      "Valtionavustusten käyttö",
    ]);
    // The table of contents lists the same headings, before the first of them.
    const firstPart = all.findIndex((p) => p.style === "Heading1");
    const toc = all.slice(0, firstPart).map((p) => p.text);
    for (const part of parts) expect(toc.some((line) => line.startsWith(part))).toBe(true);

    const text = all.map((p) => p.text).join("\n");
    const groups = report.groups.map((g) => g.group.name);
    expect(groups.length).toBeGreaterThan(0);
    const headings2 = all.filter((p) => p.style === "Heading2").map((p) => p.text);
    for (const name of groups) expect(headings2).toContain(name);
    const deliverable = report.groups.flatMap((g) => g.deliverables)[0];
    expect(text).toContain(deliverable?.title);
    for (const event of report.events) expect(headings2).toContain(event.title);
    expect(text).toContain(summary);
    // Seed 003: 36 people = 26.2 FTE on the base grant, 9+1 = 6.3 FTE on ICT funding; all back by June 2019.
    expect(inOrder(text, ["Rahoituslähteittäin", "Perusrahoitus (valtionavustus)", "36", "26,2"])).toEqual({
      ok: true,
    });
    expect(inOrder(text, ["ICT-erillisrahoitus", "10", "6,3"])).toEqual({ ok: true });
    expect(inOrder(text, ["Paluut kuukausittain", "huhtikuu 2019", "toukokuu 2019", "kesäkuu 2019"])).toEqual({
      ok: true,
    });
    expect(text).toContain("Johtoryhmä (jory 12.3.2019)");
    expect(text).toContain("Vaikuttaminen tulevaan hallitusohjelmaan");
    for (const grant of report.grants) expect(headings2).toContain(grant.grant.name);
  });

  it("is in the reader's language", async () => {
    const report = await app.platform.services.finalReport.compile({ ...admin, locale: "sv" });
    const text = paragraphs(zipParts(await finalReportDocx(report, "sv")).get("word/document.xml") ?? "")
      .map((p) => p.text)
      .join("\n");
    expect(inOrder(text, ["Slutrapport", "Innehåll", "Sammandrag", "Per finansieringskälla", "26,2"])).toEqual({
      ok: true,
    });
  });

  it("downloads over HTTP for staff, not for a member", async () => {
    const { person: staff } = await personCaller(app, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    const response = await fetch(`${app.url}/commitments/final-report.docx`, { headers: { cookie } });
    expect(response.status, response.status === 200 ? "" : await response.clone().text()).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="loppuraportti-[\d-]+\.docx"$/);
    const xml = zipParts(Buffer.from(await response.arrayBuffer())).get("word/document.xml") ?? "";
    expect(xml).toContain("Henkilöstön paluu kantaorganisaatioihin");

    const { person: member } = await personCaller(app, "member");
    const memberCookie = await signIn(app, member.email, member.password);
    const refused = await fetch(`${app.url}/commitments/final-report.docx`, { headers: { cookie: memberCookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).not.toBe("");
    const openapi = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(openapi.paths["/commitments/final-report.docx"]).toBeDefined();
  });
});

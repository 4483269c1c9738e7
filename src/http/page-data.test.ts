import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";
import type { Caller } from "../core/caller.ts";
import { deliverableTemplates } from "../modules/templates/schema.ts";

/**
 * React Router serialises every loader's return value into the page, so the
 * HTML holds whatever a loader returned, shown or not. These tests read the
 * whole HTML as each viewer gets it and look for what only others may see.
 */
describe("what web pages send to the browser", () => {
  let app: TestApp;
  let staff: Awaited<ReturnType<typeof createPerson>>;
  let convener: Awaited<ReturnType<typeof createPerson>>;
  let member: Awaited<ReturnType<typeof createPerson>>;
  let memberCookie: string;
  let staffCookie: string;
  const joinCode = "SALA7Q";
  const draft = "LUONNOS-vain-jarjestajille-4711";
  const registrantEmail = "ilmoittautuja-4711@example.test";
  const participantHash = "participant-hash-0123456789abcdef";
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ web: true });
    staff = await createPerson(app.database, "staff", { name: "Sanna Järjestäjä" });
    convener = await createPerson(app.database, "member", { name: "Risto Kokoonkutsuja" });
    member = await createPerson(app.database, "member", { name: "Maija Jäsen" });
    [staffCookie, memberCookie] = await Promise.all([
      signIn(app, staff.email, staff.password),
      signIn(app, member.email, member.password),
    ]);
    const s = app.platform.services;
    const staffCaller: Caller = { actor: { ...staff, role: "staff" }, locale: "fi" };
    const convenerCaller: Caller = { actor: { ...convener, role: "member" }, locale: "fi" };

    const series = await s.events.createSeries(staffCaller, { name: "Aluekierros 2018" });
    const event = await s.events.create(staffCaller, {
      title: "Aluekierros: Kouvola",
      date: "2030-03-14",
      startTime: "12:00",
      endTime: "16:00",
      city: "Kouvola",
      joinCode,
      seriesId: series.id,
    });
    await s.events.addAgendaItem(staffCaller, event.id, { time: "12:00", title: "Avaus" });
    const workshop = await s.events.addWorkshop(staffCaller, event.id, {
      title: "Työosuus I",
      steps: [{ instructions: "Keskustelu", minutes: 30 }],
      groups: ["SOTE"],
    });
    await s.events.publishSummary(staffCaller, event.id, { summary: draft, publish: false });
    await s.events.register({ actor: null, locale: "fi", participantHash, addressHash: "address" }, event.slug, {
      name: "Laura Ilmoittautuja",
      email: registrantEmail,
    });

    const wall = await s.walls.create(staffCaller, { title: "Avoin seinä", access: "link" });
    await s.posts.create(
      { actor: null, locale: "fi", participantHash, addressHash: "address", hasJoinCode: () => true },
      wall.id,
      { body: "Nimetön havainto", idempotencyKey: "page-data-post-1" },
    );

    const group = await s.groups.create(staffCaller, {
      name: "Maakuntastrategia",
      convenerId: convener.id,
      isPublic: true,
    });
    const [template] = await app.database.db
      .select()
      .from(deliverableTemplates)
      .where(eq(deliverableTemplates.key, "operating-model"));
    const deliverable = await s.deliverables.create(convenerCaller, group.id, { templateId: template?.id ?? "" });
    await s.deliverables.update(convenerCaller, deliverable.id, { isPublic: true });

    Object.assign(pages, {
      home: "/",
      events: "/events",
      event: `/e/${event.slug}`,
      workshop: `/e/${event.slug}/workshops/${workshop.id}`,
      series: `/series/${series.slug}`,
      walls: "/walls",
      wall: `/w/${wall.slug}`,
      poster: `/w/${wall.slug}/poster`,
      present: `/w/${wall.slug}/present`,
      summary: `/w/${wall.slug}/summary`,
      eventWall: `/w/${workshop.groups[0]?.wallSlug}`,
      groups: "/groups",
      group: `/groups/${group.slug}`,
      deliverable: `/d/${deliverable.id}`,
    });
  });
  afterAll(() => app.close());

  const html = async (path: string, cookie = "") => {
    const response = await fetch(`${app.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
    expect(response.status, path).toBeLessThan(500);
    return response.text();
  };

  /** What no visitor and no ordinary member may receive. */
  const secrets = () => ({
    joinCode,
    draft,
    registrantEmail,
    participantHash,
    staffEmail: staff.email,
    staffId: staff.id,
    convenerEmail: convener.email,
    convenerId: convener.id,
  });

  const leaksIn = (text: string, hidden: Record<string, string>) =>
    Object.entries(hidden)
      .filter(([, value]) => text.includes(value))
      .map(([name]) => name);

  it("sends a visitor no join code, draft, e-mail address or person's id on any public page", async () => {
    const found: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(pages)) {
      const leaks = leaksIn(await html(path), secrets());
      if (leaks.length) found[name] = leaks;
    }
    expect(found).toEqual({});
  });

  it("sends a signed-in member (not staff) none of the managers' fields either", async () => {
    const found: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(pages)) {
      const leaks = leaksIn(await html(path, memberCookie), { ...secrets(), memberEmail: member.email });
      if (leaks.length) found[name] = leaks;
    }
    expect(found).toEqual({});
  });

  it("still gives those who manage the event its join code and the summary draft", async () => {
    expect(await html(pages.event ?? "", staffCookie)).toContain(joinCode);
    const manage = await html(`${pages.event}/manage`, staffCookie);
    expect(manage).toContain(joinCode);
    expect(manage).toContain(draft);
  });
});

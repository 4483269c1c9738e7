import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { translate } from "../../i18n/translate.ts";
import { employmentRate } from "../strategy/test-fixture.ts";

/**
 * The public front page as a visitor reads it over HTTP (the real server and the built pages): an upcoming public
 * event, an open wall anyone may join and the adopted strategy, each with its link; and nothing of a past event, a
 * closed wall, a members-only or join-code wall, or a draft strategy (neither in the page nor in its data).
 */
describe("the public front page", () => {
  let app: TestApp;
  let html: string;
  const shown: { title: string; href: string }[] = [];
  const hidden: { title: string; href: string }[] = [];

  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const { caller: staff } = await personCaller(app, "staff", "Sanna Valmistelija");
    const { events, walls, strategies } = app.platform.services;

    const event = (title: string, date: string) =>
      events.create(staff, { title, date, startTime: "10:00", endTime: "12:00", place: "Kotkan kaupungintalo" });
    const upcoming = await event("Tuleva kasvupalveluseminaari", "2040-09-15");
    shown.push({ title: upcoming.title, href: `/e/${upcoming.slug}` });
    const past = await event("Mennyt maakuntaseminaari", "2016-08-31");
    hidden.push({ title: past.title, href: `/e/${past.slug}` });

    const open = await walls.create(staff, { title: "Avoin kysymysseinä" });
    shown.push({ title: "Avoin kysymysseinä", href: `/w/${open.slug}` });
    const closed = await walls.create(staff, { title: "Suljettu palauteseinä" });
    await walls.update(staff, closed.id, { closed: true });
    hidden.push({ title: "Suljettu palauteseinä", href: `/w/${closed.slug}` });
    const members = await walls.create(staff, { title: "Jäsenten oma seinä", access: "members" });
    hidden.push({ title: "Jäsenten oma seinä", href: `/w/${members.slug}` });
    const coded = await walls.create(staff, {
      title: "Koodilla avattava seinä",
      access: "join_code",
      joinCode: "KOTKA-77",
    });
    hidden.push({ title: "Koodilla avattava seinä", href: `/w/${coded.slug}` });

    const adopted = await strategies.create(staff, {
      name: "Hyväksytty maakuntastrategia",
      startYear: 2021,
      endYear: 2025,
    });
    await strategies.update(staff, adopted.id, { status: "adopted", vision: "Elinvoimainen maakunta" });
    const goal = await strategies.createGoal(staff, adopted.id, { category: "services", title: "Palvelut lähellä" });
    await strategies.createIndicator(staff, goal.id, employmentRate);
    shown.push({ title: "Hyväksytty maakuntastrategia", href: `/strategies/${adopted.id}` });
    // A newer period than the adopted one, so it would come first if drafts were listed.
    const draft = await strategies.create(staff, {
      name: "Luonnos uudesta strategiasta",
      startYear: 2026,
      endYear: 2030,
    });
    hidden.push({ title: "Luonnos uudesta strategiasta", href: `/strategies/${draft.id}` });

    const page = await api(app, "/");
    expect(page.status).toBe(200);
    html = page.text;
  }, 180_000);
  afterAll(() => app?.close());

  it("shows the upcoming event, the open wall and the adopted strategy, each linked", () => {
    for (const { title, href } of shown) {
      expect(html, title).toContain(title);
      expect(html, href).toContain(`href="${href}"`);
    }
    // The strategy's overview: its period, and its goal's category with the indicator's status.
    expect(html).toContain("Hyväksytty maakuntastrategia 2021–2025");
    const text = html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");
    const status = ["on_track", "behind", "off_track", "no_data"] as const;
    const statuses = status.map((s) => translate("fi", `strategy.indicatorStatus.${s}`)).join("|");
    expect(text).toMatch(new RegExp(`${translate("fi", "strategy.category.services")}: (${statuses}) 1`));
  });

  it("shows no past event, closed or private wall, or draft strategy", () => {
    for (const { title, href } of hidden) {
      expect(html, title).not.toContain(title);
      expect(html, href).not.toContain(href);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";

describe("events over HTTP", () => {
  let app: TestApp;
  let staffCookie: string;
  let staff: Awaited<ReturnType<typeof createPerson>>;
  beforeAll(async () => {
    app = await startTestApp();
    staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
  });
  afterAll(() => app.close());

  const createEvent = async (extra: Record<string, unknown> = {}) => {
    const response = await api(app, "/api/events", {
      method: "POST",
      cookie: staffCookie,
      body: {
        title: "Aluekierros: Kouvola",
        date: "2018-03-14",
        startTime: "12:00",
        endTime: "16:00",
        city: "Kouvola",
        ...extra,
      },
    });
    expect(response.status).toBe(201);
    return response.json as unknown as { id: string; slug: string };
  };

  it("lets a participant register, which opens the event's code-only wall to that browser", async () => {
    const event = await createEvent({ joinCode: "KOUVOLA-18" });
    const detail = (await api(app, `/api/events/${event.slug}`)).json as unknown as {
      event: { wallSlug: string; joinCode?: string };
    };
    expect(detail.event.joinCode).toBeUndefined();
    const wall = (await api(app, `/api/events/${event.slug}`, { cookie: staffCookie })).json as unknown as {
      event: { joinCode: string };
    };
    expect(wall.event.joinCode).toBe("KOUVOLA-18");

    const walls = await app.platform.services.events.wallsOf(
      await app.platform.services.events.getBySlug({ actor: null, locale: "fi" }, event.slug).then((d) => d.event),
    );
    const wallId = walls[0]?.wallId ?? "";
    const before = await api(app, `/api/walls/${wallId}/posts`);
    expect(before.status).toBe(403);
    const registered = await api(app, `/api/events/${event.slug}/registrations`, {
      method: "POST",
      body: { name: "Laura Mäkelä", organisation: "Joensuun kaupunki" },
    });
    expect(registered.status).toBe(204);
    const cookie = registered.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await api(app, `/api/walls/${wallId}/posts`, { cookie })).status).toBe(200);
  });

  it("downloads an event and a series as iCalendar that a calendar program imports", async () => {
    const series = await app.platform.services.events.createSeries(
      { actor: { id: staff.id, name: staff.name, email: staff.email, role: "staff" }, locale: "fi" },
      { name: "Kasvupalvelujen aluekierros 2018" },
    );
    const event = await createEvent({ seriesId: series.id, description: "Yhteensovitus, allianssi; kilpailullisuus" });
    const single = await fetch(`${app.url}/e/${event.slug}/calendar.ics`);
    expect(single.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await single.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("DTSTART:20180314T100000Z");
    expect(text).toContain("DTEND:20180314T140000Z");
    expect(text).toContain("SUMMARY:Aluekierros: Kouvola");
    expect(text).toContain("Yhteensovitus\\, allianssi\\; kilpailullisuus");
    const whole = await (await fetch(`${app.url}/series/${series.slug}/calendar.ics`)).text();
    expect(whole.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("keeps a private event from visitors, and agenda writes from non-staff", async () => {
    const event = await createEvent({ isPublic: false });
    expect((await api(app, `/api/events/${event.slug}`)).status).toBe(401);
    expect((await fetch(`${app.url}/e/${event.slug}/calendar.ics`)).status).toBe(401);
    const member = await createPerson(app.database, "member");
    const cookie = await signIn(app, member.email, member.password);
    expect((await api(app, `/api/events/${event.slug}`, { cookie })).status).toBe(200);
    const refused = await api(app, `/api/events/${event.id}/agenda`, {
      method: "POST",
      cookie,
      body: { time: "12:00", title: "Avaus" },
    });
    expect(refused.status).toBe(403);
  });

  it("describes the events API in the OpenAPI document", async () => {
    const spec = (await api(app, "/api/openapi.json")).json as unknown as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/events",
        "/api/events/{slug}",
        "/api/events/{id}/agenda",
        "/api/workshops/{id}/control",
        "/api/events/{slug}/registrations",
      ]),
    );
  });

  it("lists the iCalendar downloads in the OpenAPI document, and serves them there", async () => {
    const spec = (await api(app, "/api/openapi.json")).json as unknown as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const path of ["/api/events/{slug}/calendar.ics", "/api/series/{slug}/calendar.ics"]) {
      expect(Object.keys(spec.paths[path]?.get?.responses["200"]?.content ?? {}), path).toEqual(["text/calendar"]);
    }
    const event = await createEvent({ description: "Listattu" });
    const file = await fetch(`${app.url}/api/events/${event.slug}/calendar.ics`);
    expect(file.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await file.text()).toBe(await (await fetch(`${app.url}/e/${event.slug}/calendar.ics`)).text());
  });

  it("answers with the presenters' schemas, named in the OpenAPI document", async () => {
    const spec = (await api(app, "/api/openapi.json")).json as unknown as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >;
    };
    const schemaOf = (path: string, method: string, status: string) =>
      spec.paths[path]?.[method]?.responses[status]?.content?.["application/json"]?.schema;
    expect(schemaOf("/api/events", "get", "200")).toEqual({ $ref: "#/components/schemas/EventListPage" });
    expect(schemaOf("/api/events", "post", "201")).toEqual({ $ref: "#/components/schemas/Event" });
    expect(schemaOf("/api/events/{slug}", "get", "200")).toEqual({ $ref: "#/components/schemas/EventDetail" });
    expect(schemaOf("/api/workshops/{id}/control", "post", "200")).toEqual({
      $ref: "#/components/schemas/WorkshopState",
    });
  });
});

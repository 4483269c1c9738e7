import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import {
  type Attempt,
  expectPolicyDecides,
  expectPolicyMatrix,
  type Visitor,
} from "../../../test/support/policy-matrix.ts";
import { createPerson, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { eventsPolicy } from "./policy.ts";

type Who = Visitor;
const everyone: Who[] = ["anonymous", "participant", "member", "staff", "admin"];
const signedIn: Who[] = ["member", "staff", "admin"];
const staffUp: Who[] = ["staff", "admin"];

/** A caller as the HTTP layer makes one: a participant is a browser with the participant cookie and no account. */
type MatrixCaller = Caller & { participantHash: string | null; addressHash: string };

/**
 * Every events action, driven through the real service for each kind of
 * caller (anonymous, a participant's browser, member, staff, admin): the roles
 * the policy allows succeed, the others are refused (UNAUTHENTICATED without an
 * account, FORBIDDEN with one); then the rules that depend on the event itself.
 */
describe("events policy, through the service", () => {
  let app: TestApp;
  const callers = {} as Record<Who, MatrixCaller>;
  const fixture = { publicSlug: "", privateSlug: "", privateId: "", eventId: "", workshopId: "", seriesSlug: "" };
  const code = "SALAINEN-7";
  const services = () => app.platform.services.events;

  beforeAll(async () => {
    app = await startTestApp();
    callers.anonymous = { actor: null, locale: "fi", participantHash: null, addressHash: "address-anonymous" };
    callers.participant = {
      actor: null,
      locale: "fi",
      participantHash: "participant-hash-matrix",
      addressHash: "address-participant",
    };
    for (const role of ["member", "staff", "admin"] as const) {
      const person = await createPerson(app.database, role);
      callers[role] = {
        actor: { id: person.id, name: person.name, email: person.email, role },
        locale: "fi",
        participantHash: null,
        addressHash: `address-${role}`,
      };
    }
    const staff = callers.staff;
    const day = { date: "2030-05-20", startTime: "12:00", endTime: "15:00" };
    const series = await services().createSeries(staff, { name: "Matriisisarja" });
    const publicEvent = await services().create(staff, { title: "Julkinen", ...day, seriesId: series.id });
    const privateEvent = await services().create(staff, {
      title: "Sisäinen",
      ...day,
      isPublic: false,
      joinCode: code,
      seriesId: series.id,
    });
    await services().publishSummary(staff, privateEvent.id, { summary: "Yhteenveto", publish: true });
    const workshop = await services().addWorkshop(staff, publicEvent.id, {
      title: "Työpaja",
      steps: [{ instructions: "Keskustelu", minutes: 10 }],
    });
    Object.assign(fixture, {
      publicSlug: publicEvent.slug,
      privateSlug: privateEvent.slug,
      privateId: privateEvent.id,
      eventId: publicEvent.id,
      workshopId: workshop.id,
      seriesSlug: series.slug,
    });
  });
  afterAll(() => app.close());

  const event = (title: string) => ({ title, date: "2030-06-01", startTime: "09:00", endTime: "10:00" });
  const sawPrivate = (items: { slug: string }[]) => items.some((e) => e.slug === fixture.privateSlug);

  const as =
    (call: (caller: MatrixCaller) => Promise<unknown>): Attempt<Who> =>
    (who) =>
      call(callers[who]);

  // Each action's real calls, made as every kind of visitor; the helper also fails an entry no call reads.
  expectPolicyDecides(
    eventsPolicy,
    {
      manageEvents: staffUp,
      facilitate: staffUp,
      readPrivateEvents: signedIn,
      readPublicEvents: everyone,
      register: everyone,
      joinWithCode: everyone,
      readSeries: everyone,
    },
    {
      manageEvents: {
        "create an event": as((c) => services().create(c, event("Uusi"))),
        "change an event": as((c) => services().update(c, fixture.eventId, event("Julkinen"))),
        "add an agenda item": as((c) =>
          services().addAgendaItem(c, fixture.eventId, { time: "12:30", title: "Kohta" }),
        ),
        "remove an agenda item": as(async (c) => {
          await services().addAgendaItem(callers.staff, fixture.eventId, { time: "13:00", title: "Poistettava" });
          const { agenda } = await services().getBySlug(callers.staff, fixture.publicSlug);
          return services().removeAgendaItem(c, agenda.find((i) => i.title === "Poistettava")?.id ?? "");
        }),
        "add a workshop": as((c) =>
          services().addWorkshop(c, fixture.eventId, {
            title: "Toinen",
            steps: [{ instructions: "Vaihe", minutes: 5 }],
            groups: ["A"],
          }),
        ),
        "save the summary": as((c) =>
          services().publishSummary(c, fixture.eventId, { summary: "Teksti", publish: false }),
        ),
        "create a series": as((c) => services().createSeries(c, { name: "Sarja" })),
      },
      facilitate: {
        "run a workshop": as((c) => services().controlWorkshop(c, fixture.workshopId, { action: "start" })),
      },
      readPrivateEvents: {
        "read a private event": as((c) => services().getBySlug(c, fixture.privateSlug)),
        "read its published wall posts": as((c) => services().publishedWallPosts(c, fixture.privateSlug)),
      },
      readPublicEvents: {
        "read a public event": as((c) => services().getBySlug(c, fixture.publicSlug)),
        "read its published wall posts": as((c) => services().publishedWallPosts(c, fixture.publicSlug)),
      },
      register: {
        "register on a public event": as((c) => services().register(c, fixture.publicSlug, { name: "Osallistuja" })),
        "register on a private event with its code": as((c) =>
          services().register(c, fixture.privateSlug, { name: "Osallistuja" }, code),
        ),
      },
      joinWithCode: {
        "join the walls with the code": as((c) =>
          services().join(fixture.privateSlug, code, c.addressHash, c.locale, c.actor),
        ),
      },
      readSeries: {
        "list the series": as((c) => services().listSeries(c)),
        "read a series": as((c) => services().getSeries(c, fixture.seriesSlug)),
      },
    },
    { visitors: everyone },
  );

  /** The rules that also depend on the event: what each visitor sees in lists, and the code. */
  const seen = async (call: (caller: MatrixCaller) => Promise<unknown>) => {
    const outcomes: Record<string, unknown> = {};
    for (const who of everyone) {
      try {
        outcomes[who] = await call(callers[who]);
      } catch (error) {
        const { code: errorCode, issues } = error as { code?: string; issues?: { path: string }[] };
        if (errorCode !== "VALIDATION_FAILED" || !issues?.every((i) => i.path === "code")) throw error;
        outcomes[who] = "wrong code";
      }
    }
    return outcomes;
  };
  const each = (value: (who: Who) => unknown) => Object.fromEntries(everyone.map((who) => [who, value(who)]));

  it("lists and series show a private event to the signed-in only (readPrivateEvents)", async () => {
    const inList = await seen(async (c) => sawPrivate((await services().list(c, { when: "upcoming" })).items));
    const inSeries = await seen(async (c) => sawPrivate((await services().getSeries(c, fixture.seriesSlug)).events));
    const expected = each((who) => signedIn.includes(who));
    expect(inList).toEqual(expected);
    expect(inSeries).toEqual(expected);
  });

  it("registering on a private event, or joining, needs the event's code, account or not", async () => {
    const withoutCode = await seen((c) => services().register(c, fixture.privateSlug, { name: "Osallistuja" }));
    const wrongCode = await seen((c) =>
      services().join(fixture.privateSlug, "VÄÄRÄ-1", c.addressHash, c.locale, c.actor),
    );
    expect(withoutCode).toEqual(each(() => "wrong code"));
    expect(wrongCode).toEqual(each(() => "wrong code"));
  });

  it("a participant's browser (the cookie, no account) is refused what needs an account, over HTTP", async () => {
    const browser = httpBrowser(app);
    expect(
      (
        await browser.call(`/api/events/${fixture.publicSlug}/registrations`, {
          method: "POST",
          body: { name: "Aino" },
        })
      ).status,
    ).toBe(204);
    expect(browser.cookie).toMatch(/=/);
    expect((await browser.call(`/api/events/${fixture.privateSlug}`)).status).toBe(401);
    expect((await browser.call("/api/events", { method: "POST", body: event("Ei") })).status).toBe(401);
    expect(
      (await browser.call(`/api/workshops/${fixture.workshopId}/control`, { method: "POST", body: { action: "stop" } }))
        .status,
    ).toBe(401);
  });
});

describe("events policy, the role table", () => {
  expectPolicyMatrix(eventsPolicy, {
    manageEvents: ["staff", "admin"],
    facilitate: ["staff", "admin"],
    readPrivateEvents: ["member", "staff", "admin"],
    readPublicEvents: ["anonymous", "member", "staff", "admin"],
    register: ["anonymous", "member", "staff", "admin"],
    joinWithCode: ["anonymous", "member", "staff", "admin"],
    readSeries: ["anonymous", "member", "staff", "admin"],
  });
});

import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";
import { loadConfig } from "../config/env.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { listen } from "../http/listen.ts";
import { createLogger } from "../logger.ts";
import { events, registrations as registrationRows } from "../modules/events/schema.ts";
import { createPlatform } from "../platform.ts";
import { createJoinCodeGuesses, joinCodeGuessLimits } from "./join-code-guesses.ts";
import { rateLimitWindows } from "./rate-limit-schema.ts";

const wrong = joinCodeGuessLimits.wrongPerWindow;

describe("join-code guesses over HTTP", () => {
  let app: TestApp;
  let staffCookie: string;
  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
  });
  afterAll(() => app.close());
  // Every test guesses from the same address (127.0.0.1): each starts with a fresh budget.
  beforeEach(async () => {
    await app.database.db.delete(rateLimitWindows);
  });

  const privateEvent = async (joinCode: string) => {
    const response = await api(app, "/api/events", {
      method: "POST",
      cookie: staffCookie,
      body: {
        title: "Suljettu työpaja",
        date: "2018-03-14",
        startTime: "12:00",
        endTime: "16:00",
        isPublic: false,
        joinCode,
      },
    });
    expect(response.status).toBe(201);
    return response.json as unknown as { id: string; slug: string };
  };
  const codeWall = async (joinCode: string) => {
    const response = await api(app, "/api/walls", {
      method: "POST",
      cookie: staffCookie,
      body: { title: "Koodiseinä", access: "join_code", joinCode },
    });
    expect(response.status).toBe(201);
    return response.json as unknown as { id: string; slug: string };
  };
  const form = (pathname: string, fields: Record<string, string>) =>
    fetch(`${app.url}${pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: new URLSearchParams(fields).toString(),
    });
  const registerByApi = (slug: string, code: string) =>
    api(app, `/api/events/${slug}/registrations`, { method: "POST", body: { name: "Aino Arvaaja", code } });
  const registrations = async (slug: string) => {
    const [row] = await app.database.db
      .select({ n: count() })
      .from(registrationRows)
      .innerJoin(events, eq(events.id, registrationRows.eventId))
      .where(eq(events.slug, slug));
    return row?.n ?? 0;
  };

  it("refuses registering for an event by the API after too many wrong codes (429 RATE_LIMITED), even with the right one", async () => {
    const event = await privateEvent("HAMINA-18");
    const statuses: number[] = [];
    for (let i = 0; i < wrong; i++) statuses.push((await registerByApi(event.slug, `VÄÄRÄ-${i}`)).status);
    expect(statuses).toEqual(Array(wrong).fill(400));
    const limited = await registerByApi(event.slug, "VÄÄRÄ");
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({
      code: "RATE_LIMITED",
      message: "Liian monta yritystä. Odota hetki ja yritä uudelleen.",
    });
    expect((await registerByApi(event.slug, "hamina-18")).status).toBe(429);
    expect(await registrations(event.slug)).toBe(0);
  });

  it("refuses registering by the event page's form after too many wrong codes, with a translated message", async () => {
    const event = await privateEvent("KOTKA-18");
    const fields = (code: string) => ({ intent: "register", name: "Aino Arvaaja", code });
    for (let i = 0; i < wrong; i++) expect((await form(`/e/${event.slug}`, fields("VÄÄRÄ"))).status).toBe(400);
    const limited = await form(`/e/${event.slug}`, fields("KOTKA-18"));
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Liian monta yritystä. Odota hetki ja yritä uudelleen.");
    expect(await registrations(event.slug)).toBe(0);
  });

  it("refuses joining an event by the API and by its form once the address has used its wrong guesses", async () => {
    const event = await privateEvent("LOVIISA-18");
    const join = (code: string) => api(app, `/api/events/${event.slug}/join`, { method: "POST", body: { code } });
    for (let i = 0; i < wrong / 2; i++) expect((await join("VÄÄRÄ")).status).toBe(400);
    for (let i = wrong / 2; i < wrong; i++) {
      expect((await form(`/e/${event.slug}`, { intent: "join", code: "VÄÄRÄ" })).status).toBe(400);
    }
    expect((await join("LOVIISA-18")).status).toBe(429);
    expect((await form(`/e/${event.slug}`, { intent: "join", code: "LOVIISA-18" })).status).toBe(429);
  });

  it("refuses joining a wall by the API and by its form once the address has used its wrong guesses", async () => {
    const wall = await codeWall("PYHTAA-1");
    const join = (code: string) => api(app, `/api/walls/${wall.id}/join`, { method: "POST", body: { code } });
    for (let i = 0; i < wrong / 2; i++) expect((await join("VÄÄRÄ")).status).toBe(400);
    for (let i = wrong / 2; i < wrong; i++) {
      expect((await form(`/w/${wall.slug}`, { intent: "join", code: "VÄÄRÄ" })).status).toBe(400);
    }
    expect((await join("PYHTAA-1")).status).toBe(429);
    expect((await form(`/w/${wall.slug}`, { intent: "join", code: "PYHTAA-1" })).status).toBe(429);
  });

  it("keeps one budget per address across every code: wrong guesses at a wall use up those for events", async () => {
    const wall = await codeWall("MIEHIKKALA");
    const event = await privateEvent("VIROLAHTI");
    for (let i = 0; i < wrong; i++) {
      expect((await api(app, `/api/walls/${wall.id}/join`, { method: "POST", body: { code: "VÄÄRÄ" } })).status).toBe(
        400,
      );
    }
    expect((await registerByApi(event.slug, "VIROLAHTI")).status).toBe(429);
    expect((await api(app, `/api/events/${event.slug}/join`, { method: "POST", body: { code: "X" } })).status).toBe(
      429,
    );
  });

  it("lets a hall behind one address in with the right code: only wrong codes use up the guesses", async () => {
    const event = await privateEvent("SEMINAARI");
    for (let i = 0; i < wrong - 1; i++) expect((await registerByApi(event.slug, "SEMINARI")).status).toBe(400);
    for (let i = 0; i < 60; i++) expect((await registerByApi(event.slug, "seminaari")).status).toBe(204);
    expect(await registrations(event.slug)).toBe(60);
    expect((await registerByApi(event.slug, "SEMINARI")).status).toBe(400);
    expect((await registerByApi(event.slug, "seminaari")).status).toBe(429);
  });
});

describe("join-code guesses, counted", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("cap all attempts of an address too, right ones included, and never tell a right code once refused", async () => {
    const guesses = createJoinCodeGuesses(database.db, { wrongPerWindow: 2, attemptsPerWindow: 5, windowMs: 60_000 });
    await guesses.count("hall", { right: true });
    await guesses.count("hall", { right: false });
    await guesses.count("hall", { right: true });
    await guesses.count("hall", { right: true });
    await guesses.count("hall", { right: false });
    await expect(guesses.count("hall", { right: true })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await guesses.count("attacker", { right: false });
    await guesses.count("attacker", { right: false });
    await expect(guesses.count("attacker", { right: false })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(guesses.count("attacker", { right: true })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** One app process on a database it opens itself and closes when stopped, as a restart does. */
async function startInstance(open: () => Promise<Database>) {
  const [database, port] = await Promise.all([open(), freePort()]);
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    // The address hashes are keyed with the secret: a restarted server keeps it (data folder or SESSION_SECRET).
    SESSION_SECRET: "restart-secret-restart-secret-restart-0123456789",
    LOG_LEVEL: "error",
    DATA_DIR: "./data/test-unused",
  });
  const platform = await createPlatform(config, { database, logger: createLogger("error") });
  const server = await listen(platform, { port, host: "127.0.0.1", withWeb: false });
  return {
    platform,
    join: (slug: string, code: string) =>
      fetch(`${url}/api/events/${slug}/join`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: JSON.stringify({ code }),
      }).then((r) => r.status),
    async close() {
      await server.close();
      await platform.close();
    },
  };
}

describe("join-code guesses across a restart", () => {
  // PostgreSQL: a fresh database, opened anew by each instance; PGlite: a data folder, opened anew likewise.
  let created: Awaited<ReturnType<typeof openTestDatabase>>;
  let open: () => Promise<Database>;
  beforeAll(async () => {
    created = await openTestDatabase();
    const url = created.url;
    const dir = mkdtempSync(path.join(tmpdir(), "uudistamo-restart-"));
    open = url ? () => openDatabase({ url }) : () => openDatabase({ dataDir: dir });
  });
  afterAll(() => created.close());

  it("keeps counting wrong codes after the app restarts on the same database", async () => {
    const before = await startInstance(open);
    const staff = await createPerson(before.platform.database, "staff");
    const event = await before.platform.services.events.create(
      { actor: { id: staff.id, name: staff.name, email: staff.email, role: "staff" }, locale: "fi" },
      {
        title: "Uudelleenkäynnistys",
        date: "2018-03-14",
        startTime: "12:00",
        endTime: "16:00",
        isPublic: false,
        joinCode: "KOUVOLA",
      },
    );
    for (let i = 0; i < wrong - 1; i++) expect(await before.join(event.slug, "VÄÄRÄ")).toBe(400);
    await before.close();

    const after = await startInstance(open);
    try {
      expect(await after.join(event.slug, "VÄÄRÄ")).toBe(400);
      expect(await after.join(event.slug, "VÄÄRÄ")).toBe(429);
      expect(await after.join(event.slug, "KOUVOLA")).toBe(429);
    } finally {
      await after.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, startTestApp, type TestApp } from "../../test/support/server.ts";
import { joinCodeGuessLimits } from "../core/join-code-guesses.ts";
import { createClientAddressResolver } from "./client-address.ts";

describe("the client address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const resolve = createClientAddressResolver([]);
    expect(resolve("198.51.100.9", "203.0.113.5")).toBe("198.51.100.9");
    expect(resolve(undefined, "203.0.113.5")).toBe("unknown");
  });

  it("is the right-most address not of a trusted proxy; what the client wrote to the left is ignored", () => {
    const resolve = createClientAddressResolver(["loopback", "10.0.0.0/8"]);
    expect(resolve("127.0.0.1", "203.0.113.5")).toBe("203.0.113.5");
    expect(resolve("127.0.0.1", "198.51.100.1, 203.0.113.5, 10.0.0.2")).toBe("203.0.113.5");
    expect(resolve("127.0.0.1", ["198.51.100.1", "203.0.113.5"])).toBe("203.0.113.5");
    expect(resolve("127.0.0.1", "10.1.2.3, 10.0.0.2")).toBe("10.1.2.3");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    const resolve = createClientAddressResolver(["127.0.0.1"]);
    expect(resolve("198.51.100.9", "203.0.113.5")).toBe("198.51.100.9");
  });

  it("ignores garbage: an entry that is not an address leaves the last trusted hop as the client", () => {
    const resolve = createClientAddressResolver(["127.0.0.1", "10.0.0.0/8"]);
    expect(resolve("127.0.0.1", "not-an-address")).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", "203.0.113.5, <script>, 10.0.0.2")).toBe("10.0.0.2");
    expect(resolve("127.0.0.1", "203.0.113.5:4711")).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", " , ,")).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", "garbage, 203.0.113.5")).toBe("203.0.113.5");
  });

  it("writes one address one way (IPv4-mapped IPv6 as IPv4, IPv6 compressed), so it cannot fill several buckets", () => {
    const resolve = createClientAddressResolver(["loopback"]);
    expect(resolve("::ffff:198.51.100.9", null)).toBe("198.51.100.9");
    expect(resolve("::ffff:127.0.0.1", "2001:DB8:0:0::1")).toBe("2001:db8::1");
    expect(resolve("::1", "2001:db8::1")).toBe("2001:db8::1");
  });
});

/** Wrong join codes from one client address until it is refused; the statuses seen. */
async function guessUntilRefused(app: TestApp, wallId: string, headers: Record<string, string>) {
  const statuses: number[] = [];
  for (let i = 0; i <= joinCodeGuessLimits.wrongPerWindow; i++) {
    statuses.push(
      (await api(app, `/api/walls/${wallId}/join`, { method: "POST", body: { code: "VÄÄRIN" }, headers })).status,
    );
  }
  return statuses;
}

async function codeWall(app: TestApp) {
  const staff = await createPerson(app.database, "staff");
  const wall = await app.platform.services.walls.create(
    { actor: { id: staff.id, name: staff.name, email: staff.email, role: "staff" }, locale: "fi" },
    { title: "Koodiseinä", access: "join_code", joinCode: "KOTKA-31" },
  );
  return wall.id;
}

const expectedRefusal = [...Array(joinCodeGuessLimits.wrongPerWindow).fill(400), 429];

describe("behind a trusted proxy (TRUSTED_PROXIES lists the test client's 127.0.0.1)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUSTED_PROXIES: "127.0.0.1", SIGNIN_RATE_LIMIT: "3" } });
  });
  afterAll(() => app.close());

  it("gives each forwarded client its own join-code budget", async () => {
    const wallId = await codeWall(app);
    expect(await guessUntilRefused(app, wallId, { "x-forwarded-for": "203.0.113.10" })).toEqual(expectedRefusal);
    const neighbour = await api(app, `/api/walls/${wallId}/join`, {
      method: "POST",
      body: { code: "KOTKA-31" },
      headers: { "x-forwarded-for": "203.0.113.11" },
    });
    expect(neighbour.status).toBe(204);
  });

  it("gives each forwarded client its own sign-in limit", async () => {
    const person = await createPerson(app.database, "member");
    const attempt = (forwardedFor: string, password = "wrong-password") =>
      api(app, "/api/auth/sign-in/email", {
        method: "POST",
        body: { email: person.email, password },
        headers: { "x-forwarded-for": forwardedFor },
      }).then((r) => r.status);
    for (let i = 0; i < 3; i++) expect(await attempt("203.0.113.20")).toBe(401);
    expect(await attempt("203.0.113.20", person.password)).toBe(429);
    expect(await attempt("203.0.113.21", person.password)).toBe(200);
  });
});

describe("without TRUSTED_PROXIES", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("ignores a spoofed X-Forwarded-For: the guesses stay in the socket address's one budget", async () => {
    const wallId = await codeWall(app);
    expect(await guessUntilRefused(app, wallId, {})).toEqual(expectedRefusal);
    const spoofed = await api(app, `/api/walls/${wallId}/join`, {
      method: "POST",
      body: { code: "KOTKA-31" },
      headers: { "x-forwarded-for": "203.0.113.12", "x-uudistamo-client-ip": "203.0.113.12" },
    });
    expect(spoofed.status).toBe(429);
  });
});

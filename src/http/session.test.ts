import { describe, expect, it } from "vitest";
import { api } from "../../test/support/server.ts";
import { useAppSignedIn } from "../../test/support/signed-in-app.ts";
import { hasSessionCookie } from "./session.ts";

const headers = (cookie: string) => new Headers({ cookie });

describe("which requests are looked up as a session", () => {
  const staff = useAppSignedIn("staff");

  it("the cookie a sign-in gives is a session cookie, and it still signs the person in", async () => {
    expect(hasSessionCookie(headers(staff.cookie))).toBe(true);
    expect((await api(staff.app, "/api/me", { cookie: staff.cookie })).status).toBe(200);
  });

  it("a participant's or language cookie alone is not looked up", () => {
    expect(hasSessionCookie(headers(""))).toBe(false);
    expect(hasSessionCookie(headers("uudistamo_lang=sv; uudistamo_participant=abc"))).toBe(false);
    expect(hasSessionCookie(headers("xuudistamo.session_token=abc"))).toBe(false);
    expect(hasSessionCookie(headers("a=1; __Secure-uudistamo.session_token=abc"))).toBe(true);
  });

  it("a forged session cookie is looked up and refused", async () => {
    expect((await api(staff.app, "/api/me", { cookie: "uudistamo.session_token=forged.value" })).status).toBe(401);
  });
});

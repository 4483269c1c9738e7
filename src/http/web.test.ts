import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";

/** Plain HTML forms and links, as a browser without JavaScript uses them. */
describe("the web UI without JavaScript", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ web: true });
  });
  afterAll(() => app.close());

  const post = (path: string, fields: Record<string, string>, cookie = "") =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
    });

  it("renders pages on the server in Finnish by default, with the skip link and navigation", async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<html lang="fi"[ >]/);
    expect(html).toContain('href="#main"');
    expect(html).toContain("Siirry sisältöön");
    expect(html).toMatch(/<nav aria-label="Päävalikko"/);
    expect(html).toContain("data-styled"); // Suomi.fi components' CSS is in the served page
  });

  it("signs in with the plain form and comes back to where the person was going", async () => {
    const person = await createPerson(app.database, "member", { name: "Saara Seminaari" });
    const response = await post("/sign-in", { email: person.email, password: person.password, next: "/admin/people" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/people");
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const page = await fetch(`${app.url}/admin/people`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Kirjautuneena: Saara Seminaari");
  });

  it("shows a wrong password as a translated error and signs nobody in", async () => {
    const person = await createPerson(app.database, "member");
    const response = await post("/sign-in", { email: person.email, password: "wrong-one-here" });
    expect(response.status).toBe(401);
    expect(
      response.headers.getSetCookie().filter((c) => c.startsWith("uudistamo.session_token=") && !/Max-Age=0/.test(c)),
    ).toEqual([]);
    expect(await response.text()).toContain("Sähköpostiosoite tai salasana on väärin.");
  });

  it("does not send people to another site after signing in", async () => {
    const person = await createPerson(app.database, "member");
    const response = await post("/sign-in", {
      email: person.email,
      password: person.password,
      next: "//evil.example/",
    });
    expect(response.headers.get("location")).toBe("/");
  });

  it("switches language by a link and remembers it", async () => {
    const response = await fetch(`${app.url}/language/sv?next=/sign-in`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sign-in");
    const cookie = response.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    expect(cookie).toBe("uudistamo_lang=sv");
    const page = await (await fetch(`${app.url}/sign-in`, { headers: { cookie } })).text();
    expect(page).toMatch(/<html lang="sv"[ >]/);
    expect(page).toContain("Logga in");
  });

  it("sends a visitor to sign in from a members' page, and shows a member a translated 403 on an admin page", async () => {
    const anonymous = await fetch(`${app.url}/admin/audit`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/sign-in?next=%2Fadmin%2Faudit");

    const member = await createPerson(app.database, "member");
    const cookie = await signIn(app, member.email, member.password);
    const forbidden = await fetch(`${app.url}/admin/audit`, { headers: { cookie } });
    expect(forbidden.status).toBe(403);
    const html = await forbidden.text();
    expect(html).toContain("Sinulla ei ole oikeutta tähän toimintoon.");
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("answers an unknown page with a translated 404 page", async () => {
    const response = await fetch(`${app.url}/no/such/page`, { headers: { cookie: "uudistamo_lang=en" } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("shows a bad form's errors beside its fields and saves nothing", async () => {
    const admin = await createPerson(app.database, "admin");
    const cookie = await signIn(app, admin.email, admin.password);
    const response = await post("/admin/organisations", { name: "", kind: "castle" }, cookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Lomakkeessa on virheitä:");
    expect(html).toContain('href="#field-kind"');
    expect(
      (await app.platform.services.people.listOrganisations({ actor: { ...admin, role: "admin" }, locale: "fi" }))
        .length,
    ).toBe(0);
  });

  it("refuses a cross-site form post", async () => {
    const admin = await createPerson(app.database, "admin");
    const cookie = await signIn(app, admin.email, admin.password);
    const response = await fetch(`${app.url}/admin/organisations`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", cookie },
      body: "name=Evil&kind=other",
    });
    expect(response.status).toBe(403);
    expect(
      (await app.platform.services.people.listOrganisations({ actor: { ...admin, role: "admin" }, locale: "fi" }))
        .length,
    ).toBe(0);
  });
});

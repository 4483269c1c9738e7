import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";
import type { Caller } from "../core/caller.ts";
import { refusal } from "../modules/publishing/test-fixture.ts";

/** The HTML-escaped text React writes into a page. */
const escaped = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

/** The start tag of the element with this id, and for a textarea its text. */
function control(html: string, id: string) {
  const tag = new RegExp(`<(input|textarea|select)\\b[^>]*\\bid="${id.replace(/\./g, "\\.")}"[^>]*>`).exec(html);
  if (!tag) throw new Error(`no control #${id} in the page`);
  const rest = html.slice(tag.index + tag[0].length);
  if (tag[1] === "textarea") return { value: rest.slice(0, rest.indexOf("</textarea>")), tag: tag[0] };
  if (tag[1] === "select") {
    const options = rest.slice(0, rest.indexOf("</select>"));
    return { value: /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(options)?.[1] ?? null, tag: tag[0] };
  }
  return { value: /\bvalue="([^"]*)"/.exec(tag[0])?.[1] ?? null, tag: tag[0] };
}

/**
 * A plain form (no JavaScript: the browser posts it and shows the page the server renders) refused for one bad field
 * comes back with what the person typed in every field, not the saved values, and the translated message; nothing
 * is saved.
 */
describe("a refused plain form keeps what was typed", () => {
  let app: TestApp;
  let cookie: string;
  let admin: Caller;
  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const person = await createPerson(app.database, "admin");
    admin = { actor: { id: person.id, name: person.name, email: person.email, role: "admin" }, locale: "fi" };
    cookie = await signIn(app, person.email, person.password);
  }, 180_000);
  afterAll(() => app?.close());

  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, cookie },
      body: new URLSearchParams(fields).toString(),
    });

  it("the office's contact details (/admin/office)", async () => {
    const office = app.platform.services.office;
    const saved = {
      name: "Kymenlaakson muutostoimisto",
      address: "Kauppakatu 3\n48100 Kotka",
      email: "muutos@example.fi",
      phone: "040 123 4567",
      openingHours: { fi: "Ma–pe klo 9–15", sv: "Mån–fre kl. 9–15", en: "Mon–Fri 9–15" },
    };
    await office.set(admin, saved);
    const typed = {
      name: "Kymenlaakson uudistustoimisto",
      address: "Keskuskatu 10\n48100 Kotka",
      email: "muutostoimisto(at)example.fi",
      phone: "05 234 5678",
      "openingHours.fi": "Ma–to klo 9–16",
      "openingHours.sv": "Mån–tors kl. 9–16",
      "openingHours.en": "Mon–Thu 9–16",
    };
    const message = await refusal(
      office.set(admin, {
        ...typed,
        openingHours: { fi: typed["openingHours.fi"], sv: typed["openingHours.sv"], en: typed["openingHours.en"] },
      }),
      "email",
    );

    const response = await post("/admin/office", typed);
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const [name, value] of Object.entries(typed))
      expect(control(html, `field-${name}`).value, name).toBe(escaped(value));
    expect(control(html, "field-email").tag).toContain('aria-invalid="true"');
    expect(html).toContain('href="#field-email"');
    expect(html).toContain(escaped(message));
    // The saved hours stay in the page's data (the loader's), not in the form.
    const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
    expect(form).not.toContain("Ma–pe klo 9–15");
    expect(await office.getForEditing(admin)).toEqual(saved);
  });

  it("an organisation (/admin/organisations/:id)", async () => {
    const people = app.platform.services.people;
    const kotka = await people.createOrganisation(admin, { name: "Kotkan kaupunki", kind: "municipality" });
    await people.createOrganisation(admin, { name: "Kymenlaakson liitto", kind: "joint_authority" });
    // The name of another organisation: the database refuses it, the form names the field.
    const typed = { name: "Kymenlaakson liitto", kind: "region" };
    const message = await refusal(people.updateOrganisation(admin, kotka.id, typed), "name", "CONFLICT");

    const response = await post(`/admin/organisations/${kotka.id}`, typed);
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(control(html, "field-name").value).toBe(typed.name);
    expect(control(html, "field-kind").value).toBe("region");
    expect(html).toContain('href="#field-name"');
    expect(html).toContain(escaped(message));
    expect(await people.getOrganisationForEditing(admin, kotka.id)).toMatchObject({
      name: "Kotkan kaupunki",
      kind: "municipality",
    });
  });
});

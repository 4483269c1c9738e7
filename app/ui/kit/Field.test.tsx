import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { ErrorSummary, Select } from "../forms.tsx";
import { DateField } from "../groups/DateField.tsx";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";
import { Field } from "./Field.tsx";
import { FieldGroup } from "./FieldGroup.tsx";
import { FieldIdScope } from "./FieldIdScope.tsx";
import { parseHtml } from "./html.testing.ts";
import { renderWithRoot } from "./render.testing.tsx";

const titleMissing: ErrorBody = {
  code: "VALIDATION_FAILED",
  message: "Tarkista tiedot.",
  issues: [{ path: "title", message: "Kirjoita nimi." }],
};

describe("Field", () => {
  it("gives the control the id field-<name>, its label, and describes it by the hint and the error", async () => {
    const dom = parseHtml(
      await renderWithRoot(
        <Field name="title" label="Nimi" hint="Näkyy kaikille." error={titleMissing} required>
          <input className="text-input" />
        </Field>,
      ),
    );
    const input = dom.byTag("input")[0];
    expect(dom.attr(input, "id")).toBe("field-title");
    expect(dom.attr(input, "name")).toBe("title");
    expect(dom.attr(input, "aria-invalid")).toBe("true");
    expect(input?.attribs).toHaveProperty("required");
    expect(dom.attr(dom.byTag("label")[0], "for")).toBe("field-title");
    expect(dom.attr(input, "aria-describedby")).toBe("field-title-hint field-title-error");
    expect(dom.text(dom.byId("field-title-hint"))).toBe("Näkyy kaikille.");
    expect(dom.text(dom.byId("field-title-error"))).toBe("Kirjoita nimi.");
  });

  it("is not invalid and described by nothing when it has no hint and no error of its own", async () => {
    const dom = parseHtml(
      await renderWithRoot(
        <Field name="place" label="Paikka" error={titleMissing} optional>
          <input />
        </Field>,
      ),
    );
    const input = dom.byTag("input")[0];
    expect(input?.attribs).not.toHaveProperty("aria-invalid");
    expect(input?.attribs).not.toHaveProperty("aria-describedby");
    expect(dom.text(dom.byTag("label")[0])).toBe("Paikka (valinnainen)");
  });

  it("gives the ids to a custom control through a render function, keeping the control's own describedby", async () => {
    const dom = parseHtml(
      await renderWithRoot(
        <>
          <Field name="colour" label="Väri" error="Valitse väri." requiredMarker>
            {(control) => <input type="color" {...control} />}
          </Field>
          <Field name="steps" label="Vaiheet" hint="Yksi riviä kohden.">
            <textarea aria-describedby="steps-guide" />
          </Field>
        </>,
      ),
    );
    const [colour] = dom.byTag("input");
    expect(dom.attr(colour, "id")).toBe("field-colour");
    expect(dom.attr(colour, "aria-describedby")).toBe("field-colour-error");
    expect(dom.text(dom.byTag("label")[0])).toBe("Väri (pakollinen)");
    expect(dom.attr(dom.byTag("textarea")[0], "aria-describedby")).toBe("field-steps-hint steps-guide");
  });

  it("keeps TextField, TextArea, Select and DateField on the same convention", async () => {
    const error: ErrorBody = {
      code: "VALIDATION_FAILED",
      message: "x",
      issues: ["email", "body", "kind", "due"].map((path) => ({ path, message: `${path} puuttuu` })),
    };
    const dom = parseHtml(
      await renderWithRoot(
        <>
          <TextField name="email" type="email" label="Sähköposti" hintText="Työosoite" error={error} required />
          <TextArea name="body" label="Teksti" hint="Lyhyesti" error={error} />
          <Select
            name="kind"
            label="Tyyppi"
            options={[{ value: "a", label: "A" }]}
            hint="Valitse"
            error="kind puuttuu"
          />
          <DateField name="due" label="Määräpäivä" error="due puuttuu" />
        </>,
      ),
    );
    for (const [name, tag] of [
      ["email", "input"],
      ["body", "textarea"],
      ["kind", "select"],
      ["due", "input"],
    ] as const) {
      const control = dom.byId(`field-${name}`);
      expect(control?.name, name).toBe(tag);
      expect(dom.attr(control, "name")).toBe(name);
      expect(dom.attr(control, "aria-invalid"), name).toBe("true");
      const described = dom.attr(control, "aria-describedby")?.split(" ") ?? [];
      expect(described, name).toContain(`field-${name}-error`);
      expect(dom.text(dom.byId(`field-${name}-error`))).toBe(`${name} puuttuu`);
      expect(dom.attr(dom.all((e) => e.name === "label" && e.attribs.for === `field-${name}`)[0], "for")).toBe(
        `field-${name}`,
      );
    }
    expect(dom.attr(dom.byId("field-email"), "type")).toBe("email");
    expect(dom.attr(dom.byId("field-email"), "aria-describedby")).toBe("field-email-hint field-email-error");
  });

  it("links each form's error summary to its own fields when two forms on a page share field names", async () => {
    // The event page has the event's own form and the agenda form; both have a "title".
    const agendaError = titleMissing;
    const html = await renderWithRoot(
      <>
        <form>
          <ErrorSummary error={undefined} />
          <TextField name="title" label="Tilaisuuden nimi" />
        </form>
        <FieldIdScope prefix="agenda">
          <form>
            <ErrorSummary error={agendaError} />
            <TextField name="title" label="Ohjelmanumero" error={agendaError} />
            <TextArea name="description" label="Kuvaus" />
          </form>
        </FieldIdScope>
        <ErrorSummary error={agendaError} idPrefix="agenda" />
      </>,
    );
    const dom = parseHtml(html);
    const links = dom.all((e) => e.name === "a" && (e.attribs.href ?? "").startsWith("#"));
    expect(links.map((a) => a.attribs.href)).toEqual(["#field-agenda-title", "#field-agenda-title"]);
    const target = dom.byId("field-agenda-title");
    expect(dom.attr(target, "name")).toBe("title");
    expect(dom.text(dom.all((e) => e.name === "label" && e.attribs.for === "field-agenda-title")[0])).toBe(
      "Ohjelmanumero",
    );
    expect(dom.attr(dom.byId("field-title"), "aria-invalid")).toBeUndefined();
    expect(dom.attr(target, "aria-invalid")).toBe("true");
    // Every id on the page is unique, the two summaries' headings included.
    const ids = dom.all((e) => "id" in e.attribs).map((e) => e.attribs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("groups radio buttons in a fieldset the summary can link to", async () => {
    const dom = parseHtml(
      await renderWithRoot(
        <FieldGroup name="access" legend="Kuka voi avata" hint="Valitse yksi." error="Valitse, kuka voi avata.">
          <label>
            <input type="radio" name="access" value="link" /> Linkki
          </label>
        </FieldGroup>,
      ),
    );
    const fieldset = dom.byId("field-access");
    expect(fieldset?.name).toBe("fieldset");
    expect(dom.attr(fieldset, "tabindex")).toBe("-1");
    expect(dom.attr(fieldset, "aria-describedby")).toBe("field-access-hint field-access-error");
    expect(dom.text(dom.byTag("legend")[0])).toBe("Kuka voi avata");
  });
});

import { redirect } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import { load } from "./actions.server.ts";

/**
 * A loader for pages that may be public (a public group, a published
 * deliverable): a visitor refused with UNAUTHENTICATED is sent to sign in and
 * back, other errors become the error page.
 */
export async function loadOrSignIn<T>(request: Request, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      const url = new URL(request.url);
      throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    return load(() => Promise.reject(error));
  }
}

/** Template fields in a form ("name.fi", "sections.2.title.sv", ...) as the nested object the service takes. */
export function nestFields(form: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (typeof value !== "string") continue;
    const path = key.split(".");
    let node = root;
    for (const [i, part] of path.entries()) {
      if (i === path.length - 1) {
        node[part] = value;
      } else {
        node[part] ??= {};
        node = node[part] as Record<string, unknown>;
      }
    }
  }
  return root;
}

export interface TemplateFormRow {
  order: string;
  title: Record<"fi" | "sv" | "en", string>;
  guidance: Record<"fi" | "sv" | "en", string>;
}

export interface TemplateFormValues {
  name: Record<"fi" | "sv" | "en", string>;
  description: Record<"fi" | "sv" | "en", string>;
  rows: TemplateFormRow[];
}

const texts = (value: unknown): Record<"fi" | "sv" | "en", string> => {
  const v = (value ?? {}) as Record<string, unknown>;
  const s = (x: unknown) => (typeof x === "string" ? x : "");
  return { fi: s(v.fi), sv: s(v.sv), en: s(v.en) };
};

/**
 * The template form as the service's input: rows in their order numbers'
 * order, rows marked for removal and untouched empty rows left out. `rowOf`
 * maps the input's section index back to the form's row, so an error points
 * at the field the person typed in.
 */
export function templateFormInput(form: FormData) {
  const nested = nestFields(form);
  const rowsByIndex = (nested.sections ?? {}) as Record<string, Record<string, unknown>>;
  const rows = Object.entries(rowsByIndex)
    .map(([index, row]) => ({
      index: Number(index),
      removed: row.remove === "true",
      row: {
        order: typeof row.order === "string" ? row.order : "",
        title: texts(row.title),
        guidance: texts(row.guidance),
      },
    }))
    .sort((a, b) => a.index - b.index);
  const values: TemplateFormValues = {
    name: texts(nested.name),
    description: texts(nested.description),
    rows: rows.map((r) => r.row),
  };
  const kept = rows
    .filter((r) => !r.removed)
    .filter((r) => [...Object.values(r.row.title), ...Object.values(r.row.guidance)].some((v) => v.trim() !== ""))
    .map((r) => ({ ...r, order: Number.parseFloat(r.row.order) }))
    .sort(
      (a, b) =>
        (Number.isNaN(a.order) ? Number.POSITIVE_INFINITY : a.order) -
          (Number.isNaN(b.order) ? Number.POSITIVE_INFINITY : b.order) || a.index - b.index,
    );
  return {
    input: {
      name: values.name,
      description: values.description,
      sections: kept.map((r) => ({ title: r.row.title, guidance: r.row.guidance })),
    },
    rowOf: kept.map((r) => r.index),
    values,
  };
}

/** Points "sections.N..." issues at the form row the section came from. */
export function toFormRows<E extends { issues?: { path: string; message: string }[] }>(error: E, rowOf: number[]): E {
  return {
    ...error,
    issues: error.issues?.map((issue) => ({
      ...issue,
      path: issue.path.replace(/^sections\.(\d+)\./, (_, n: string) => `sections.${rowOf[Number(n)] ?? n}.`),
    })),
  };
}

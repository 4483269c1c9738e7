import { createContext, useContext } from "react";

/**
 * The id of a form field's control. The error summary links to `#field-<name>`, so
 * every field's control gets exactly this id. When one page has two forms with
 * fields of the same name (an event's own form and its agenda form both have a
 * "title"), each form gets a prefix: `field-agenda-title` and `field-title`, and
 * its ErrorSummary is given the same prefix, so its links land on its own fields.
 */
export function fieldId(name: string, prefix?: string): string {
  return prefix ? `field-${prefix}-${name}` : `field-${name}`;
}

/** The id prefix of the form the fields are in; set it once with <FieldIdScope>. */
export const FieldIdPrefixContext = createContext<string | undefined>(undefined);

export function useFieldIdPrefix(): string | undefined {
  return useContext(FieldIdPrefixContext);
}

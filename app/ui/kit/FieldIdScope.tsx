import type { ReactNode } from "react";
import { FieldIdPrefixContext } from "./field-id.ts";

/**
 * Gives every Field (and ErrorSummary) inside it an id prefix, for the second form
 * on a page whose fields share names with the first: `<FieldIdScope prefix="agenda">`.
 */
export function FieldIdScope({ prefix, children }: { prefix: string; children: ReactNode }) {
  return <FieldIdPrefixContext value={prefix}>{children}</FieldIdPrefixContext>;
}

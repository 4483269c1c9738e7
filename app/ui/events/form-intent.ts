/**
 * The intent of the form whose submission failed (attemptForm), so a page with
 * several forms gives the error summary that form's field id prefix.
 */
export function failedIntent(actionData: unknown): string | undefined {
  return actionData && typeof actionData === "object" && "intent" in actionData && "error" in actionData
    ? String((actionData as { intent: unknown }).intent)
    : undefined;
}

import { useEffect, useId, useRef } from "react";
import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { useI18n } from "../i18n.ts";
import { fieldId, useFieldIdPrefix } from "./field-id.ts";

interface ErrorSummaryProps {
  error: ErrorBody | undefined;
  /** The fields' labels by name, to say which field each message is about. */
  labels?: Record<string, string>;
  /**
   * The id prefix of the form the error came from, when the page has two forms with
   * the same field names (see fieldId); inside a <FieldIdScope> it is taken from there.
   */
  idPrefix?: string;
}

/**
 * The error summary at the top of a form (GOV.UK / Suomi.fi pattern): takes focus
 * so a screen reader announces it, and links each message to its field's control
 * (`#field-<prefix->path`, the id every Field gives its control).
 */
export function ErrorSummary({ error, labels, idPrefix }: ErrorSummaryProps) {
  const { t } = useI18n();
  const scopePrefix = useFieldIdPrefix();
  const prefix = idPrefix ?? scopePrefix;
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const issues = error.issues ?? [];
  return (
    <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>{issues.length > 0 ? t("errors.summary") : error.message}</strong>
      </p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={issue.path + issue.message}>
              <a href={`#${fieldId(issue.path, prefix)}`}>
                {labels?.[issue.path] ? `${labels[issue.path]}: ` : ""}
                {issue.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

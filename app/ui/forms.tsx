import { type ReactNode, useEffect, useRef } from "react";
import type { ErrorBody } from "../../src/http/respond-error.ts";
import { useI18n } from "./i18n.ts";

/** The error a form's action returned, if it returned one. */
export function errorOf(actionData: unknown): ErrorBody | undefined {
  return actionData && typeof actionData === "object" && "error" in actionData
    ? (actionData as { error: ErrorBody }).error
    : undefined;
}

export function fieldError(error: ErrorBody | undefined, field: string): string | undefined {
  return error?.issues?.find((issue) => issue.path === field)?.message;
}

/**
 * The error summary at the top of a form (GOV.UK / Suomi.fi pattern): takes focus
 * so a screen reader announces it, and links each message to its field.
 */
export function ErrorSummary({ error, labels }: { error: ErrorBody | undefined; labels?: Record<string, string> }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const issues = error.issues ?? [];
  return (
    <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <p id="error-summary-title">
        <strong>{issues.length > 0 ? t("errors.summary") : error.message}</strong>
      </p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={issue.path + issue.message}>
              <a href={`#field-${issue.path}`}>
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

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

interface SelectProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  hint?: string;
}

/** A native select: it works without JavaScript, which Suomi.fi's Dropdown does not. */
export function Select({ name, label, options, defaultValue, error, hint }: SelectProps) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        className="native-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

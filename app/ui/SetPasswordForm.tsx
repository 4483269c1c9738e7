import { Form } from "react-router";
import type { ErrorBody } from "../../src/http/respond-error.ts";
import { ErrorSummary } from "./forms.tsx";
import { Button } from "./kit/Button.tsx";
import { NewPasswordFields } from "./NewPasswordFields.tsx";

/** Choosing a password with a one-time link's token: password reset and accepting an invitation. */
export function SetPasswordForm({
  token,
  error,
  submitLabel,
}: {
  token: string;
  error?: ErrorBody;
  submitLabel: string;
}) {
  return (
    <>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields error={error} />
        <div className="form-actions">
          <Button>{submitLabel}</Button>
        </div>
      </Form>
    </>
  );
}

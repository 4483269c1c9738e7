import { useEffect, useState } from "react";
import { Button } from "suomifi-ui-components";

/**
 * Opens the browser's print dialog. It needs JavaScript, so it appears only
 * once the page has hydrated; without JavaScript the browser's own Print works
 * the same, and the page says so (see the hint beside it).
 */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}

"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action";

/**
 * A one-click confirmation for links from emails (verify address, magic link, new address). The
 * token is used on the click, not when the page loads, so mail scanners that fetch links do not
 * use it up. `lead` is shown only until it succeeds; `renderDone` replaces it all afterwards (with
 * what the action answered), else `successMessage`.
 */
export function TokenActionButton<T>({
  token,
  action,
  label,
  busyLabel,
  successMessage,
  lead,
  renderDone,
}: {
  token: string;
  action: (input: { token: string }) => Promise<ActionResult<T> | undefined>;
  label: string;
  busyLabel: string;
  successMessage?: string;
  lead?: ReactNode;
  renderDone?: (data: T) => ReactNode;
}) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<{ error?: string; done?: { data: T } }>({});
  if (state.done && renderDone) return <>{renderDone(state.done.data)}</>;
  if (state.done && successMessage) return <Alert tone="success">{successMessage}</Alert>;
  return (
    <div className="space-y-4">
      {lead}
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Button
        disabled={pending}
        className="w-full"
        onClick={() =>
          startTransition(async () => {
            const result = await action({ token });
            if (result && !result.ok) setState({ error: result.error.message });
            else if (result) setState({ done: { data: result.data } });
          })
        }
      >
        {pending ? busyLabel : label}
      </Button>
    </div>
  );
}

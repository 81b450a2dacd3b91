"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action";

/**
 * A one-click confirmation for links from emails (verify address, magic link, new address). The
 * token is used on the click, not when the page loads, so mail scanners that fetch links do not
 * use it up.
 */
export function TokenActionButton({
  token,
  action,
  label,
  busyLabel,
  successMessage,
}: {
  token: string;
  action: (input: { token: string }) => Promise<ActionResult<unknown> | undefined>;
  label: string;
  busyLabel: string;
  successMessage?: string;
}) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<{ error?: string; done?: boolean }>({});
  if (state.done && successMessage) return <Alert tone="success">{successMessage}</Alert>;
  return (
    <div className="space-y-4">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Button
        disabled={pending}
        className="w-full"
        onClick={() =>
          startTransition(async () => {
            const result = await action({ token });
            if (result && !result.ok) setState({ error: result.error.message });
            else if (result) setState({ done: true });
          })
        }
      >
        {pending ? busyLabel : label}
      </Button>
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyEmailAction } from "@/lib/auth/actions";
import { Link } from "@/lib/i18n/navigation";

type Texts = { lead: string; confirm: string; confirming: string; done: string; doneLead: string; next: string; passwordRemoved: string; setPassword: string };

/**
 * The confirmation step of the verification link. Like TokenActionButton the token is used on the
 * click, not on load (mail scanners fetch links), but the lead changes with the state and the
 * success leaves a way on: My Page (or the user's area) when signed in, sign-in otherwise.
 */
export function VerifyEmailPanel({ token, texts, next }: { token: string; texts: Texts; next: string }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<{ error?: string; done?: boolean; passwordRemoved?: boolean }>({});
  if (state.done && state.passwordRemoved) {
    return (
      <>
        <Alert tone="success">{texts.done}</Alert>
        <p className="text-slate-700">{texts.passwordRemoved}</p>
        <Button asChild>
          <Link href="/forgot-password">{texts.setPassword}</Link>
        </Button>
      </>
    );
  }
  if (state.done) {
    return (
      <>
        <Alert tone="success">{texts.done}</Alert>
        <p className="text-slate-700">{texts.doneLead}</p>
        <Button asChild>
          <Link href={next}>{texts.next}</Link>
        </Button>
      </>
    );
  }
  return (
    <>
      <p className="text-slate-700">{texts.lead}</p>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Button
        disabled={pending}
        className="w-full"
        onClick={() =>
          startTransition(async () => {
            const result = await verifyEmailAction({ token });
            if (result && !result.ok) setState({ error: result.error.message });
            else if (result) setState({ done: true, passwordRemoved: result.data.passwordRemoved });
          })
        }
      >
        {pending ? texts.confirming : texts.confirm}
      </Button>
    </>
  );
}

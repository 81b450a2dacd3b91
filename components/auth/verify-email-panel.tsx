"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyEmailAction } from "@/lib/auth/actions";
import { Link } from "@/lib/i18n/navigation";
import { TokenActionButton } from "./token-action-button";

type Texts = {
  lead: string;
  confirm: string;
  confirming: string;
  done: string;
  doneLead: string;
  next: string;
  passwordRemoved: string;
  setPassword: string;
};

/**
 * The confirmation step of the verification link (used on the click, see TokenActionButton). The
 * lead changes with the state and the success leaves a way on: My Page (or the user's area) when
 * signed in, sign-in otherwise, or choosing a password when the link was opened on another device
 * than the one that signed up (lib/auth/email-proof.ts removed the password then).
 */
export function VerifyEmailPanel({ token, texts, next }: { token: string; texts: Texts; next: string }) {
  return (
    <TokenActionButton
      token={token}
      action={verifyEmailAction}
      label={texts.confirm}
      busyLabel={texts.confirming}
      lead={<p className="text-slate-700">{texts.lead}</p>}
      renderDone={({ passwordRemoved }) => (
        <>
          <Alert tone="success">{texts.done}</Alert>
          <p className="text-slate-700">{passwordRemoved ? texts.passwordRemoved : texts.doneLead}</p>
          <Button asChild>
            {passwordRemoved ? <Link href="/forgot-password">{texts.setPassword}</Link> : <Link href={next}>{texts.next}</Link>}
          </Button>
        </>
      )}
    />
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/lib/account/actions";

/**
 * Shown on the security page while the account's address is unconfirmed: why passkeys, two-step
 * verification and providers cannot be added yet (lib/auth/email-proof.ts), and a way to get the
 * confirmation email again.
 */
export function VerifyEmailFirst({ email }: { email: string }) {
  const t = useTranslations();
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const [pending, startTransition] = useTransition();
  const resend = () =>
    startTransition(async () => {
      const sent = await resendVerificationAction({});
      setResult(
        sent?.ok
          ? { ok: true, message: t("account.verificationSent") }
          : { ok: false, message: sent?.error.message ?? t("errors.INTERNAL") },
      );
    });
  return (
    <section aria-labelledby="verify-email-first" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 id="verify-email-first" className="font-semibold">
        {t("security.verifyEmailFirstTitle")}
      </h2>
      <p className="text-sm">{t("security.verifyEmailFirstLead", { email })}</p>
      {result && <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>}
      <Button variant="secondary" disabled={pending} onClick={resend}>
        {t("account.resendVerification")}
      </Button>
    </section>
  );
}

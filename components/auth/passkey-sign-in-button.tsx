"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useWebAuthnSupport } from "@/components/auth/use-webauthn-support";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { passkeySignInAction, passkeySignInOptionsAction } from "@/lib/auth/actions";

export function PasskeySignInButton({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("passkeys");
  const supported = useWebAuthnSupport();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  if (!supported) return null;

  const signIn = () =>
    startTransition(async () => {
      setError(undefined);
      const options = await passkeySignInOptionsAction({});
      if (!options.ok) return setError(options.error.message);
      let response;
      try {
        response = await startAuthentication(options.data);
      } catch {
        // Cancelled in the browser's dialog, or no passkey for this site on the device.
        return setError(t("cancelled"));
      }
      const result = await passkeySignInAction({ response: response as never, callbackUrl });
      if (result && !result.ok) setError(result.error.message);
    });

  return (
    <div className="space-y-2">
      {error && <Alert tone="error">{error}</Alert>}
      <Button variant="secondary" className="w-full" disabled={pending} onClick={signIn}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </div>
  );
}

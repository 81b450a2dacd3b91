"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmOidcLoginAction } from "@/lib/oidc/actions";

/** The app wants a fresh proof (or a second factor): the re-authentication dialog, then on to the app. */
export function ConfirmIdentity({ uid, href, secondFactor }: { uid: string; href: string; secondFactor: boolean }) {
  const t = useTranslations("oidc");
  const stepUp = useStepUp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    const result = await stepUp(() => confirmOidcLoginAction({ uid }));
    if (result?.ok) return window.location.assign(href);
    setBusy(false);
    setError(secondFactor ? t("secondFactorMissing") : result?.error.message);
  };
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <Button onClick={() => void confirm()} disabled={busy}>
        {busy ? t("confirming") : t("confirm")}
      </Button>
    </div>
  );
}

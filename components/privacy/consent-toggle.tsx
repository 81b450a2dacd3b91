"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { setConsentAction } from "@/lib/privacy/actions";

/** Give or withdraw one purpose: one click either way (GDPR 7(3): withdrawing is as easy as giving). */
export function ConsentToggle({ purpose, name, given }: { purpose: string; name: string; given: boolean }) {
  const t = useTranslations("privacy");
  const { busy, run } = useActionRunner();
  return given ? (
    <Button
      variant="secondary"
      disabled={busy}
      aria-label={t("withdrawPurposeLabel", { purpose: name })}
      onClick={() => run(() => setConsentAction({ purpose, allow: false }), t("purposeWithdrawn", { purpose: name }))}
    >
      {t("withdrawPurpose")}
    </Button>
  ) : (
    <Button
      disabled={busy}
      aria-label={t("givePurposeLabel", { purpose: name })}
      onClick={() => run(() => setConsentAction({ purpose, allow: true }), t("purposeGiven", { purpose: name }))}
    >
      {t("givePurpose")}
    </Button>
  );
}

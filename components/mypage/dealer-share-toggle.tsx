"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { setDealerShareAction } from "@/lib/dealers/actions";

/** Give or withdraw the dealer-sharing consent: one click either way (GDPR 7(3)). */
export function DealerShareToggle({ dealerId, dealerName, sharing }: { dealerId: string; dealerName: string; sharing: boolean }) {
  const t = useTranslations("privacy");
  const { busy, run } = useActionRunner();
  return sharing ? (
    <Button
      variant="secondary"
      disabled={busy}
      aria-label={t("withdrawLabel", { dealer: dealerName })}
      onClick={() => run(() => setDealerShareAction({ dealerId, allow: false }), t("withdrawn", { dealer: dealerName }))}
    >
      {t("withdraw")}
    </Button>
  ) : (
    <Button
      disabled={busy}
      aria-label={t("allowLabel", { dealer: dealerName })}
      onClick={() => run(() => setDealerShareAction({ dealerId, allow: true }), t("given", { dealer: dealerName }))}
    >
      {t("allow")}
    </Button>
  );
}

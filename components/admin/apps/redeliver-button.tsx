"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { redeliverAction } from "@/lib/webhooks/actions";

/** Send a delivery again (same event id). */
export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooks");
  const { busy, run } = useActionRunner();
  return (
    <Button variant="secondary" disabled={busy} onClick={() => run(() => redeliverAction({ deliveryId }), t("redelivered"))}>
      {t("redeliver")}
    </Button>
  );
}

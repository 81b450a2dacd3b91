"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { setDealerActiveAction } from "@/lib/dealers/actions";

/** Deactivate a dealer (its people are signed out at once), after a confirmation; or reactivate it. */
export function DealerActiveButton({ dealerId, name, active }: { dealerId: string; name: string; active: boolean }) {
  const t = useTranslations("dealersAdmin");
  const { busy, run } = useActionRunner();
  if (!active) {
    return (
      <Button
        variant="secondary"
        disabled={busy}
        onClick={() => run(() => setDealerActiveAction({ dealerId, active: true }), t("reactivated"))}
      >
        {t("reactivate")}
      </Button>
    );
  }
  return (
    <ConfirmButton
      label={t("deactivate")}
      title={t("deactivateTitle", { name })}
      body={t("deactivateBody")}
      confirmLabel={t("deactivateConfirm")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() => run(() => setDealerActiveAction({ dealerId, active: false }), t("deactivated"))}
    />
  );
}

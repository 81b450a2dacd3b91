"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { reviewFlaggedSaleAction } from "@/lib/dealers/actions";

/** Settle a flagged sale: keep it (the flag goes) or remove it, after a confirmation. */
export function FlaggedSaleActions({ saleId, serial }: { saleId: string; serial: string }) {
  const t = useTranslations("dealersAdmin");
  const { busy, run } = useActionRunner();
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="secondary"
        disabled={busy}
        onClick={() => run(() => reviewFlaggedSaleAction({ saleId, decision: "keep" }), t("kept"))}
      >
        {t("keep")}
      </Button>
      <ConfirmButton
        label={t("remove")}
        title={t("removeTitle", { serial })}
        body={t("removeBody")}
        confirmLabel={t("removeConfirm")}
        cancelLabel={t("cancel")}
        busy={busy}
        onConfirm={() => run(() => reviewFlaggedSaleAction({ saleId, decision: "remove" }), t("removed"))}
      />
    </div>
  );
}

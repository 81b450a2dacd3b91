"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { cancelTransferAction, startTransferAction, unregisterProductAction } from "@/lib/products/actions";

/** Hand the product on (one-time code for the new owner) or remove it from the account. */
export function OwnershipActions({ ownershipId, pendingUntil }: { ownershipId: string; pendingUntil: string | null }) {
  const t = useTranslations("products");
  const format = useFormatter();
  const [busy, startTransition] = useTransition();
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [pending, setPending] = useState(pendingUntil);

  const start = () =>
    startTransition(async () => {
      const result = await startTransferAction({ ownershipId });
      if (!result.ok) return void toast.error(result.error.message);
      setIssued(result.data);
      setPending(result.data.expiresAt);
    });
  const cancel = () =>
    startTransition(async () => {
      const result = await cancelTransferAction({ ownershipId });
      if (!result.ok) return void toast.error(result.error.message);
      setIssued(null);
      setPending(null);
      toast.success(t("transferCancelled"));
    });
  const unregister = async () => {
    const result = await unregisterProductAction({ ownershipId });
    if (result && !result.ok) toast.error(result.error.message);
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby="transfer-title" className="space-y-3">
        <h2 id="transfer-title" className="text-lg font-semibold">
          {t("transferTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("transferLead")}</p>
        {issued && (
          <Alert tone="success">
            <p>{t("transferCodeIntro")}</p>
            <p className="my-2 font-mono text-2xl tracking-widest" data-testid="transfer-code">
              {issued.code}
            </p>
            <p>
              {t("transferCodeExpires", { date: format.dateTime(new Date(issued.expiresAt), { dateStyle: "long", timeStyle: "short" }) })}
            </p>
          </Alert>
        )}
        {pending && !issued && (
          <Alert>{t("transferPending", { date: format.dateTime(new Date(pending), { dateStyle: "long", timeStyle: "short" }) })}</Alert>
        )}
        <div className="flex flex-wrap gap-2">
          <Button onClick={start} disabled={busy}>
            {pending ? t("transferNewCode") : t("transferStart")}
          </Button>
          {pending && (
            <Button variant="secondary" onClick={cancel} disabled={busy}>
              {t("transferCancel")}
            </Button>
          )}
        </div>
      </section>
      <section aria-labelledby="unregister-title" className="space-y-3">
        <h2 id="unregister-title" className="text-lg font-semibold">
          {t("unregisterTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("unregisterLead")}</p>
        <ConfirmButton
          label={t("unregister")}
          title={t("unregisterConfirmTitle")}
          body={t("unregisterConfirmBody")}
          confirmLabel={t("unregisterConfirm")}
          cancelLabel={t("cancel")}
          onConfirm={unregister}
        />
      </section>
    </div>
  );
}

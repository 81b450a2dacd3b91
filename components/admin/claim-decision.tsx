"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useRouter } from "@/lib/i18n/navigation";
import { decideClaimAction } from "@/lib/products/claim-actions";

export function ClaimDecision({ claimId, reviewedOwnershipId }: { claimId: string; reviewedOwnershipId: string | null }) {
  const t = useTranslations("claimsAdmin");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [busy, startTransition] = useTransition();
  const decide = (approve: boolean) =>
    startTransition(async () => {
      const result = await decideClaimAction({ claimId, approve, note, reviewedOwnershipId });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(approve ? t("approved") : t("rejected"));
      router.refresh();
    });
  return (
    <div className="space-y-2">
      <FormField label={t("note")} value={note} onChange={(event) => setNote(event.target.value)} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} onClick={() => decide(true)}>{t("approve")}</Button>
        <Button variant="secondary" disabled={busy} onClick={() => decide(false)}>{t("reject")}</Button>
      </div>
    </div>
  );
}

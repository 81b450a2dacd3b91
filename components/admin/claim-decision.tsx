"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { decideClaimAction } from "@/lib/products/claim-actions";
import { CLAIM_REJECT_REASONS, type ClaimRejectReason } from "@/lib/products/claim-reasons";

/**
 * Deciding a claim: approving moves the product and rejecting tells the customer why, so both
 * ask first and say what will happen. A rejection needs a reason from the list; the optional
 * message goes to the customer with either decision.
 */
export function ClaimDecision({
  claimId,
  reviewedOwnershipId,
  serial,
  claimant,
  owner,
}: {
  claimId: string;
  reviewedOwnershipId: string | null;
  serial: string;
  claimant: string;
  owner: string | null;
}) {
  const t = useTranslations("claimsAdmin");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [reason, setReason] = useState<ClaimRejectReason | "">("");
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const [busy, startTransition] = useTransition();

  const decide = (approve: boolean) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        const result = await decideClaimAction({ claimId, approve, reason: approve ? null : reason || null, note, reviewedOwnershipId });
        resolve();
        if (!result.ok) {
          if (result.error.fieldErrors) setErrors(result.error.fieldErrors);
          toast.error(result.error.message);
          return;
        }
        toast.success(approve ? t("approved") : t("rejected"));
        router.refresh();
      }),
    );

  return (
    <div className="space-y-3">
      <SelectField
        label={t("reason")}
        hint={t("reasonHint")}
        error={errors.reason}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value as ClaimRejectReason | "");
          setErrors((current) => ({ ...current, reason: undefined }));
        }}
      >
        <option value="">{t("reasonChoose")}</option>
        {CLAIM_REJECT_REASONS.map((code) => (
          <option key={code} value={code}>
            {t(`reasons.${code}`)}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={t("note")}
        hint={t("noteHint")}
        error={errors.note}
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <ConfirmButton
          label={t("approve")}
          title={t("approveConfirmTitle")}
          body={t("approveConfirmBody", { hasOwner: owner ? "yes" : "no", serial, owner: owner ?? "", claimant })}
          confirmLabel={t("approveConfirm")}
          cancelLabel={t("cancel")}
          busy={busy}
          onConfirm={() => decide(true)}
        />
        <ConfirmButton
          label={t("reject")}
          title={t("rejectConfirmTitle")}
          body={reason ? t("rejectConfirmBody", { claimant, reason: t(`reasons.${reason}`) }) : null}
          confirmLabel={t("rejectConfirm")}
          cancelLabel={t("cancel")}
          busy={busy}
          beforeOpen={() => {
            if (reason) return true;
            setErrors((current) => ({ ...current, reason: t("reasonRequired") }));
            return false;
          }}
          onConfirm={() => decide(false)}
        />
      </div>
    </div>
  );
}

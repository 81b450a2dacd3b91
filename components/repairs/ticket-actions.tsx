"use client";

import { useActionRunner } from "@/components/forms/use-action-runner";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { cancelRepairAction, decideEstimateAction, withdrawRatingAction } from "@/lib/repairs/actions";

/** Approve or decline a sent estimate; both are final, so each asks first. */
export function EstimateDecision({ ticketId, estimateId, total }: { ticketId: string; estimateId: string; total: string }) {
  const t = useTranslations("repairs");
  const { busy, run } = useActionRunner();
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmButton
        label={t("approve")}
        title={t("approveTitle")}
        body={t("approveBody", { total })}
        confirmLabel={t("approve")}
        cancelLabel={t("goBack")}
        busy={busy}
        onConfirm={() => run(() => decideEstimateAction({ ticketId, estimateId, decision: "approve" }), t("estimateApproved"))}
      />
      <ConfirmButton
        label={t("decline")}
        title={t("declineTitle")}
        body={t("declineBody")}
        confirmLabel={t("decline")}
        cancelLabel={t("goBack")}
        busy={busy}
        onConfirm={() => run(() => decideEstimateAction({ ticketId, estimateId, decision: "decline" }), t("estimateDeclinedDone"))}
      />
    </div>
  );
}

/** Cancel before diagnosis starts (the server refuses later), after a confirmation. */
export function CancelRequest({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs");
  const { busy, run } = useActionRunner();
  return (
    <ConfirmButton
      label={t("cancel")}
      title={t("cancelConfirmTitle")}
      body={t("cancelConfirmBody")}
      confirmLabel={t("cancelConfirm")}
      cancelLabel={t("cancelKeep")}
      busy={busy}
      onConfirm={() => run(() => cancelRepairAction({ ticketId }), t("cancelledDone"))}
    />
  );
}

/** Take a rating back (and the points it earned), after a confirmation that says so. */
export function WithdrawRating({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs");
  const { busy, run } = useActionRunner();
  return (
    <ConfirmButton
      label={t("withdrawRating")}
      title={t("withdrawRatingTitle")}
      body={t("withdrawRatingBody")}
      confirmLabel={t("withdrawRatingConfirm")}
      cancelLabel={t("goBack")}
      busy={busy}
      onConfirm={() => run(() => withdrawRatingAction({ ticketId }), t("ratingWithdrawn"))}
    />
  );
}

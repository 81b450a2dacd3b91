"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/action";
import { useRouter } from "@/lib/i18n/navigation";
import { cancelRepairAction, decideEstimateAction, withdrawRatingAction } from "@/lib/repairs/actions";

/** Runs an action, says how it went and reloads the page's server data (the timeline moves on). */
function useTicketAction() {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown>>, done: string) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        const result = await action();
        if (!result.ok) toast.error(result.error.message);
        else toast.success(done);
        router.refresh();
        resolve();
      }),
    );
  return { busy, run };
}

/** Approve or decline a sent estimate; both are final, so each asks first. */
export function EstimateDecision({ ticketId, estimateId, total }: { ticketId: string; estimateId: string; total: string }) {
  const t = useTranslations("repairs");
  const { busy, run } = useTicketAction();
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
  const { busy, run } = useTicketAction();
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
  const { busy, run } = useTicketAction();
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

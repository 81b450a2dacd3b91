"use client";

import { useActionRunner } from "@/components/forms/use-action-runner";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/textarea-field";
import { decideAdjustmentAction, decideFlagAction, releaseNowAction, reverseEntryAction } from "@/lib/points/actions";

/** Make a pending lot usable now. */
export function ReleaseNowButton({ lotId, points }: { lotId: string; points: number }) {
  const t = useTranslations("pointsAdmin");
  const { busy, run } = useActionRunner();
  return (
    <ConfirmButton
      label={t("releaseNow")}
      title={t("releaseNowTitle")}
      body={t("releaseNowBody", { points })}
      confirmLabel={t("releaseNow")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() => run(() => releaseNowAction({ lotId }), t("released"))}
    />
  );
}

/** Release a held award, or claw it back. */
export function FlagDecision({ flagId }: { flagId: string }) {
  const t = useTranslations("pointsAdmin");
  const { busy, run } = useActionRunner();
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmButton
        label={t("flagRelease")}
        title={t("flagReleaseTitle")}
        body={t("flagReleaseBody")}
        confirmLabel={t("flagRelease")}
        cancelLabel={t("cancel")}
        busy={busy}
        onConfirm={() => run(() => decideFlagAction({ flagId, decision: "release" }), t("flagDone"))}
      />
      <ConfirmButton
        label={t("flagClawBack")}
        title={t("flagClawBackTitle")}
        body={t("flagClawBackBody")}
        confirmLabel={t("flagClawBack")}
        cancelLabel={t("cancel")}
        busy={busy}
        onConfirm={() => run(() => decideFlagAction({ flagId, decision: "claw_back" }), t("flagDone"))}
      />
    </div>
  );
}

/** The second pair of eyes: approve, or reject with a reason. */
export function AdjustmentDecision({ adjustmentId, label }: { adjustmentId: string; label: string }) {
  const t = useTranslations("pointsAdmin");
  const { busy, run } = useActionRunner();
  const [note, setNote] = useState("");
  return (
    <div className="space-y-2">
      <TextareaField label={t("decisionNote", { adjustment: label })} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} onClick={() => run(() => decideAdjustmentAction({ adjustmentId, approve: "yes", note }), t("approved"))}>
          {t("approve")}
        </Button>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => run(() => decideAdjustmentAction({ adjustmentId, approve: "no", note }), t("rejected"))}
        >
          {t("reject")}
        </Button>
      </div>
    </div>
  );
}

/** Reverse a redemption or deduction: asks for the reason in the confirmation. */
export function ReverseButton({ entryId }: { entryId: string }) {
  const t = useTranslations("pointsAdmin");
  const { busy, run } = useActionRunner();
  const [reason, setReason] = useState("");
  return (
    <ConfirmButton
      label={t("reverse")}
      title={t("reverseTitle")}
      body={<TextareaField label={t("reverseReason")} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      confirmLabel={t("reverse")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() => run(() => reverseEntryAction({ entryId, reason }), t("reversed"))}
    />
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { cancelCampaignAction, scheduleCampaignAction, testCampaignAction } from "@/lib/campaigns/actions";
import { useRouter } from "@/lib/i18n/navigation";

/** A draft's test send, then sending now or at a time, after a confirmation naming how many it reaches. */
export function CampaignSendPanel({ campaignId, reach }: { campaignId: string; reach: { email: number; notice: number } }) {
  const t = useTranslations("engagement.campaigns");
  const router = useRouter();
  const { busy, run } = useActionRunner();
  const [at, setAt] = useState("");
  const [error, setError] = useState<string>();
  const [atError, setAtError] = useState<string>();
  const [sending, setSending] = useState(false);
  const send = async (when: "now" | "later") => {
    setError(undefined);
    setAtError(undefined);
    setSending(true);
    const result = await scheduleCampaignAction({ campaignId, when, at });
    setSending(false);
    if (!result.ok) {
      if (result.error.fieldErrors?.at) setAtError(result.error.fieldErrors.at);
      else setError(result.error.message);
      return;
    }
    toast.success(when === "now" ? t("sendingNow") : t("scheduled"));
    router.refresh();
  };
  return (
    <div className="space-y-4">
      <div>
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          onClick={() => run(() => testCampaignAction({ campaignId }), t("testSent"))}
        >
          {t("sendTest")}
        </Button>
        <p className="mt-1 text-sm text-slate-600">{t("testHint")}</p>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <ConfirmButton
          label={t("sendNow")}
          title={t("confirmTitle")}
          body={t("confirmBody", { email: reach.email, notice: reach.notice })}
          confirmLabel={t("sendNow")}
          cancelLabel={t("cancel")}
          busy={sending}
          onConfirm={() => send("now")}
        />
        <FormField
          type="datetime-local"
          label={t("at")}
          hint={t("atHint")}
          error={atError}
          value={at}
          onChange={(event) => setAt(event.target.value)}
        />
        <ConfirmButton
          label={t("schedule")}
          title={t("confirmScheduleTitle")}
          body={t("confirmBody", { email: reach.email, notice: reach.notice })}
          confirmLabel={t("schedule")}
          cancelLabel={t("cancel")}
          busy={sending}
          beforeOpen={() => {
            if (at) return true;
            setAtError(t("chooseTime"));
            return false;
          }}
          onConfirm={() => send("later")}
        />
      </div>
    </div>
  );
}

/** Stop a scheduled campaign, or its emails still waiting. */
export function CancelCampaignButton({ campaignId }: { campaignId: string }) {
  const t = useTranslations("engagement.campaigns");
  const { busy, run } = useActionRunner();
  return (
    <ConfirmButton
      label={t("stop")}
      title={t("stopTitle")}
      body={t("stopBody")}
      confirmLabel={t("stop")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() => run(() => cancelCampaignAction({ campaignId }), t("stopped"))}
    />
  );
}

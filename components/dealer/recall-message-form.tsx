"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { sendRecallMessageAction } from "@/lib/dealers/actions";
import { DEALER_MESSAGE_MAX_LENGTH, ZRecallMessageSchema } from "@/lib/dealers/schemas";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * The dealer's message to owners who have not completed a recall, through the portal: they get it
 * by email and on My Page; the dealer never sees their address. One key per form: a double click
 * or a retry sends each owner one message. After sending the form starts over with a new key.
 */
export function RecallMessageForm({ campaignId, owners }: { campaignId: string; owners: { noticeId: string; label: string }[] }) {
  const t = useTranslations("dealer.recalls");
  const router = useRouter();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRecallMessageSchema,
    action: sendRecallMessageAction,
    defaultValues: { campaignId, noticeId: "all", body: "", idempotencyKey: key },
    onSuccess: (data) => {
      toast.success(t("sent", { count: data.sent }));
      const next = crypto.randomUUID();
      setKey(next);
      form.reset({ campaignId, noticeId: "all", body: "", idempotencyKey: next });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...form.register("campaignId")} />
      <input type="hidden" {...form.register("idempotencyKey")} />
      <SelectField label={t("to")} error={fieldError("noticeId")} {...form.register("noticeId")}>
        <option value="all">{t("toAll", { count: owners.length })}</option>
        {owners.map((owner) => (
          <option key={owner.noticeId} value={owner.noticeId}>
            {owner.label}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={t("message")}
        hint={t("messageHint")}
        limit={DEALER_MESSAGE_MAX_LENGTH}
        error={fieldError("body")}
        {...form.register("body")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("sending") : t("send")}
      </Button>
    </form>
  );
}

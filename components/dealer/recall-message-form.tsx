"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { sendRecallMessageAction } from "@/lib/dealers/actions";
import { DEALER_MESSAGE_MAX_LENGTH, MESSAGE_INTERVAL_DAYS, ZRecallMessageSchema } from "@/lib/dealers/schemas";
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
      toast.success(
        data.skipped > 0
          ? t("sentSkipped", { count: data.sent, skipped: data.skipped, days: MESSAGE_INTERVAL_DAYS })
          : t("sent", { count: data.sent }),
      );
      const next = crypto.randomUUID();
      setKey(next);
      form.reset({ campaignId, noticeId: "all", body: "", idempotencyKey: next });
      router.refresh();
    },
  });
  // Writing to everyone at once is confirmed first: the email goes out under the manufacturer's name.
  const dialog = useRef<HTMLDialogElement>(null);
  const submit = (event: React.FormEvent) => {
    if (form.getValues("noticeId") === "all") {
      event.preventDefault();
      void form.trigger().then((valid) => valid && dialog.current?.showModal());
      return;
    }
    void onSubmit(event);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
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
      <ModalDialog ref={dialog} title={t("confirmAllTitle", { count: owners.length })}>
        <p className="text-sm text-slate-700">{t("confirmAllBody", { days: MESSAGE_INTERVAL_DAYS })}</p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </Button>
          <Button
            disabled={busy}
            onClick={async () => {
              await onSubmit();
              dialog.current?.close();
            }}
          >
            {t("confirmAll")}
          </Button>
        </div>
      </ModalDialog>
    </form>
  );
}

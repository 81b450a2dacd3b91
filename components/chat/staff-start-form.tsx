"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { staffStartConversationAction } from "@/lib/chat/actions";
import { CHAT_MESSAGE_MAX_LENGTH, CHAT_SUBJECT_MAX_LENGTH, ZStaffStartSchema } from "@/lib/chat/schemas";

/** Staff write to a customer first: a subject and the first message. */
export function StaffStartForm({ customerId }: { customerId: string }) {
  const t = useTranslations("chat");
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZStaffStartSchema,
    action: staffStartConversationAction,
    defaultValues: { customerId, subject: "", body: "", idempotencyKey },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("subjectLabel")}
        hint={t("subjectHint", { max: CHAT_SUBJECT_MAX_LENGTH })}
        maxLength={CHAT_SUBJECT_MAX_LENGTH + 20}
        error={fieldError("subject")}
        {...form.register("subject")}
      />
      <TextareaField label={t("messageLabel")} limit={CHAT_MESSAGE_MAX_LENGTH} error={fieldError("body")} {...form.register("body")} />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("starting") : t("startSubmit")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { startInquiryAction } from "@/lib/chat/actions";
import { CHAT_MESSAGE_MAX_LENGTH, CHAT_SUBJECT_MAX_LENGTH, ZStartConversationSchema } from "@/lib/chat/schemas";

/** A new inquiry: subject, optionally one of the customer's products, and the first message. */
export function InquiryForm({ products, productId }: { products: { id: string; label: string }[]; productId: string }) {
  const t = useTranslations("chat");
  // One key per form: a double click or a retry after a timeout starts one conversation.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZStartConversationSchema,
    action: startInquiryAction,
    defaultValues: { subject: "", ownershipId: productId, body: "", idempotencyKey },
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
      <SelectField label={t("productLabel")} error={fieldError("ownershipId")} defaultValue={productId} {...form.register("ownershipId")}>
        <option value="">{t("productNone")}</option>
        {products.map((product) => (
          <option key={product.id} value={product.id}>
            {product.label}
          </option>
        ))}
      </SelectField>
      <TextareaField label={t("messageLabel")} limit={CHAT_MESSAGE_MAX_LENGTH} error={fieldError("body")} {...form.register("body")} />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("starting") : t("startSubmit")}
      </Button>
    </form>
  );
}

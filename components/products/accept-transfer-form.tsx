"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { acceptTransferAction } from "@/lib/products/actions";
import { ZAcceptTransferSchema } from "@/lib/products/schemas";

export function AcceptTransferForm() {
  const t = useTranslations("products");
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZAcceptTransferSchema,
    action: acceptTransferAction,
    defaultValues: { code: "" },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("transferCode")}
        hint={t("transferCodeHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="font-mono tracking-widest"
        error={fieldError("code")}
        {...form.register("code")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("receiving") : t("receive")}
      </Button>
    </form>
  );
}

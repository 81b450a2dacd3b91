"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { resetPasswordAction } from "@/lib/auth/actions";
import { ZResetPasswordSchema } from "@/lib/auth/schemas";

export function ResetPasswordForm({ token, hasSecondFactor }: { token: string; hasSecondFactor: boolean }) {
  const t = useTranslations("resetPassword");
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZResetPasswordSchema,
    action: resetPasswordAction,
    defaultValues: { token, password: "" },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("password")}
        type="password"
        autoComplete="new-password"
        hint={hasSecondFactor ? t("hintWithMfa") : t("hintWithoutMfa")}
        error={fieldError("password")}
        {...form.register("password")}
      />
      <Button type="submit" disabled={!canSubmit} className="w-full">
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

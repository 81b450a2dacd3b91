"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { changePasswordAction } from "@/lib/account/actions";
import { ZChangePasswordSchema } from "@/lib/auth/schemas";
import { useStepUp } from "./step-up";

export function PasswordChangeForm({ hasSecondFactor, hasPassword }: { hasSecondFactor: boolean; hasPassword: boolean }) {
  const t = useTranslations("security");
  const stepUp = useStepUp();
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZChangePasswordSchema,
    action: (input) => stepUp(() => changePasswordAction(input)),
    defaultValues: { password: "" },
    onSuccess: () => {
      form.reset({ password: "" });
      toast.success(t("passwordChanged"));
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={hasPassword ? t("newPassword") : t("setPassword")}
        type="password"
        autoComplete="new-password"
        hint={hasSecondFactor ? t("passwordHintWithMfa") : t("passwordHintWithoutMfa")}
        error={fieldError("password")}
        {...form.register("password")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : hasPassword ? t("changePassword") : t("setPasswordSubmit")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { secondFactorAction } from "@/lib/auth/actions";
import { ZSecondFactorSchema } from "@/lib/auth/schemas";

/** The code from the authenticator app, or one of the recovery codes. */
export function SecondFactorForm() {
  const t = useTranslations("secondFactor");
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZSecondFactorSchema,
    action: secondFactorAction,
    defaultValues: { kind: "totp", code: "" },
  });
  const kind = form.watch("kind");
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        key={kind}
        label={kind === "totp" ? t("totpLabel") : t("recoveryLabel")}
        hint={kind === "totp" ? t("totpHint") : t("recoveryHint")}
        autoComplete="one-time-code"
        inputMode={kind === "totp" ? "numeric" : "text"}
        autoFocus
        error={fieldError("code")}
        {...form.register("code")}
      />
      <Button type="submit" disabled={!canSubmit} className="w-full">
        {busy ? t("submitting") : t("submit")}
      </Button>
      <Button
        variant="ghost"
        className="w-full"
        onClick={() => {
          form.setValue("kind", kind === "totp" ? "recovery" : "totp");
          form.setValue("code", "");
          form.clearErrors();
        }}
      >
        {kind === "totp" ? t("useRecovery") : t("useTotp")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { TermsCheckbox } from "@/components/auth/terms-checkbox";
import { SentNotice } from "@/components/auth/sent-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { signUpAction } from "@/lib/auth/actions";
import { ZSignUpSchema } from "@/lib/auth/schemas";

export function SignUpForm() {
  const t = useTranslations("signUp");
  const [sentTo, setSentTo] = useState<string>();
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZSignUpSchema,
    action: signUpAction,
    defaultValues: { email: "", password: "", acceptTerms: false },
    onSuccess: () => setSentTo(form.getValues("email")),
  });

  if (sentTo) {
    return <SentNotice title={t("sentTitle")} body={t("sentBody", { email: sentTo })} />;
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("email")}
        type="email"
        autoComplete="email"
        inputMode="email"
        error={fieldError("email")}
        {...form.register("email")}
      />
      <FormField
        label={t("password")}
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError("password")}
        {...form.register("password")}
      />
      <TermsCheckbox error={fieldError("acceptTerms")} {...form.register("acceptTerms")} />
      <Button type="submit" disabled={!canSubmit} className="w-full">
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

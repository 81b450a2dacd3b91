"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { SentNotice } from "@/components/auth/sent-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { requestMagicLinkAction, requestPasswordResetAction } from "@/lib/auth/actions";
import { ZEmailRequestSchema } from "@/lib/auth/schemas";

/**
 * "Email me a link" forms (magic link, password reset). The answer never says whether an
 * account exists for the address.
 */
export function EmailRequestForm({ purpose, callbackUrl }: { purpose: "magicLink" | "forgotPassword"; callbackUrl?: string }) {
  const t = useTranslations(purpose);
  const [sentTo, setSentTo] = useState<string>();
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZEmailRequestSchema,
    action: purpose === "magicLink" ? requestMagicLinkAction : requestPasswordResetAction,
    defaultValues: { email: "", callbackUrl },
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
      <input type="hidden" {...form.register("callbackUrl")} />
      <Button type="submit" disabled={!canSubmit} className="w-full">
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

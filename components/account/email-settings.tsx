"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { requestEmailChangeAction, resendVerificationAction } from "@/lib/account/actions";
import { ZChangeEmailSchema } from "@/lib/auth/schemas";
import { useStepUp } from "./step-up";

export function EmailSettings({ email, verified }: { email: string; verified: boolean }) {
  const t = useTranslations("account");
  const stepUp = useStepUp();
  const [sentTo, setSentTo] = useState<string>();
  const [resendState, setResendState] = useState<string>();
  const [resending, startResend] = useTransition();
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZChangeEmailSchema,
    action: (input) => stepUp(() => requestEmailChangeAction(input)),
    defaultValues: { email: "" },
    onSuccess: () => setSentTo(form.getValues("email")),
  });
  return (
    <div className="space-y-4">
      <p>
        <span className="font-mono">{email}</span>{" "}
        <span className={verified ? "text-green-800" : "text-amber-800"}>({verified ? t("verified") : t("unverified")})</span>
      </p>
      {!verified && (
        <div className="space-y-2">
          {resendState && <Alert tone="success">{resendState}</Alert>}
          <Button
            variant="secondary"
            disabled={resending}
            onClick={() =>
              startResend(async () => {
                const result = await resendVerificationAction({});
                setResendState(result?.ok ? t("verificationSent") : result?.error.message);
              })
            }
          >
            {t("resendVerification")}
          </Button>
        </div>
      )}
      {sentTo ? (
        <Alert tone="success">{t("emailChangeSent", { email: sentTo })}</Alert>
      ) : (
        <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            {formError && <Alert tone="error">{formError}</Alert>}
            <FormField label={t("newEmail")} type="email" autoComplete="email" error={fieldError("email")} {...form.register("email")} />
          </div>
          <Button type="submit" disabled={!canSubmit}>
            {t("changeEmail")}
          </Button>
        </form>
      )}
    </div>
  );
}

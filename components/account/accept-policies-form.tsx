"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import { TermsCheckbox } from "@/components/auth/terms-checkbox";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptPoliciesAction } from "@/lib/account/actions";

const ZAcceptSchema = z.object({ accept: z.boolean().refine((value) => value, "acceptTermsRequired") });

export function AcceptPoliciesForm() {
  const t = useTranslations();
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZAcceptSchema,
    action: (input) => acceptPoliciesAction({ accept: input.accept as true }),
    defaultValues: { accept: false },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <p>{t("terms.lead")}</p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <TermsCheckbox error={fieldError("accept")} {...form.register("accept")} />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("terms.saving") : t("terms.accept")}
      </Button>
    </form>
  );
}

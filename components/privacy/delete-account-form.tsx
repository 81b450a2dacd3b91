"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import { useStepUp } from "@/components/account/step-up";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { deleteAccountAction } from "@/lib/privacy/actions";

const ZConfirm = z.object({ confirm: z.boolean().refine((value) => value, "privacyDelete.confirmRequired") });

/** The last step: tick that you understand, press delete, prove it is you (step-up) if asked. */
export function DeleteAccountForm() {
  const t = useTranslations("privacyDelete");
  const stepUp = useStepUp();
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZConfirm,
    action: () => stepUp(() => deleteAccountAction({ confirm: true })),
    defaultValues: { confirm: false },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <CheckboxField label={t("confirmLabel")} error={fieldError("confirm")} {...form.register("confirm")} />
      <Button type="submit" variant="danger" disabled={!canSubmit}>
        {busy ? t("deleting") : t("delete")}
      </Button>
    </form>
  );
}

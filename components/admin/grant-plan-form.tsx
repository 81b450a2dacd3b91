"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { grantPlanAction } from "@/lib/catalog/actions";
import { ZGrantPlanSchema } from "@/lib/catalog/schemas";

/** Put an extended plan on one unit of this model, by serial. */
export function GrantPlanForm({ plans }: { plans: { id: string; name: string }[] }) {
  const t = useTranslations("catalog");
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZGrantPlanSchema,
    action: grantPlanAction,
    defaultValues: { planId: plans[0]?.id ?? "", serial: "" },
    onSuccess: () => {
      toast.success(t("planGranted"));
      form.reset({ planId: form.getValues("planId"), serial: "" });
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      {formError && <Alert tone="error">{formError}</Alert>}
      <SelectField label={t("grantPlan")} error={fieldError("planId")} {...form.register("planId")}>
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {plan.name}
          </option>
        ))}
      </SelectField>
      <FormField
        label={t("grantSerial")}
        className="font-mono"
        autoComplete="off"
        error={fieldError("serial")}
        {...form.register("serial")}
      />
      <Button type="submit" variant="secondary" disabled={!canSubmit}>
        {busy ? t("saving") : t("grant")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { addPlanAction } from "@/lib/catalog/actions";
import { ZPlanSchema } from "@/lib/catalog/schemas";

/** Add an extended warranty plan to a model. */
export function PlanForm({ modelCode }: { modelCode: string }) {
  const t = useTranslations("catalog");
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZPlanSchema,
    action: addPlanAction,
    defaultValues: { modelCode, nameJa: "", nameEn: "", months: "", transferable: true, priceYen: "" },
    onSuccess: () => {
      toast.success(t("planAdded"));
      form.reset({ modelCode, nameJa: "", nameEn: "", months: "", transferable: true, priceYen: "" });
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("planNameJa")} lang="ja" error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("planNameEn")} lang="en" error={fieldError("nameEn")} {...form.register("nameEn")} />
        <FormField
          label={t("planMonths")}
          type="number"
          inputMode="numeric"
          min={1}
          error={fieldError("months")}
          {...form.register("months")}
        />
        <FormField label={t("planPrice")} inputMode="numeric" error={fieldError("priceYen")} {...form.register("priceYen")} />
      </div>
      <CheckboxField label={t("planTransferable")} {...form.register("transferable")} />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("addPlan")}
      </Button>
    </form>
  );
}

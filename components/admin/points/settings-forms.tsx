"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveProgramAction, saveTierAction } from "@/lib/points/admin-actions";
import { ZProgramSchema, ZTierSchema, type TProgram, type TTier } from "@/lib/points/schemas";

export function ProgramForm({ defaults }: { defaults: TProgram }) {
  const t = useTranslations("pointsAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZProgramSchema,
    action: saveProgramAction,
    defaultValues: defaults,
    onSuccess: () => {
      toast.success(t("settingsSaved"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("program.pointValueSen")}
        hint={t("program.pointValueSenHint")}
        inputMode="numeric"
        error={fieldError("pointValueSen")}
        {...form.register("pointValueSen")}
      />
      <FormField
        label={t("program.approvalThreshold")}
        inputMode="numeric"
        error={fieldError("approvalThreshold")}
        {...form.register("approvalThreshold")}
      />
      <FormField
        label={t("program.maxRegistrationsPerAddressPerDay")}
        inputMode="numeric"
        error={fieldError("maxRegistrationsPerAddressPerDay")}
        {...form.register("maxRegistrationsPerAddressPerDay")}
      />
      <FormField
        label={t("program.maxRemovalsPerMonth")}
        inputMode="numeric"
        error={fieldError("maxRemovalsPerMonth")}
        {...form.register("maxRemovalsPerMonth")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("settingsSave")}
      </Button>
    </form>
  );
}

export function TierForm({ defaults }: { defaults: TTier }) {
  const t = useTranslations("pointsAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZTierSchema,
    action: saveTierAction,
    defaultValues: defaults,
    onSuccess: () => {
      toast.success(t("tierSaved"));
      if (!defaults.tierId) form.reset();
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t("tier.code")} error={fieldError("code")} {...form.register("code")} />
        <FormField label={t("tier.threshold")} inputMode="numeric" error={fieldError("threshold")} {...form.register("threshold")} />
        <FormField label={t("tier.nameJa")} error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("tier.nameEn")} error={fieldError("nameEn")} {...form.register("nameEn")} />
        <FormField
          label={t("tier.bonusWarrantyMonths")}
          inputMode="numeric"
          error={fieldError("bonusWarrantyMonths")}
          {...form.register("bonusWarrantyMonths")}
        />
      </div>
      <TextareaField label={t("tier.benefitsJa")} limit={500} rows={2} error={fieldError("benefitsJa")} {...form.register("benefitsJa")} />
      <TextareaField label={t("tier.benefitsEn")} limit={500} rows={2} error={fieldError("benefitsEn")} {...form.register("benefitsEn")} />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : defaults.tierId ? t("tierSave") : t("tierAdd")}
      </Button>
    </form>
  );
}

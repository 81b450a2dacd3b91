"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveRuleVersionAction } from "@/lib/points/admin-actions";
import { ZRuleVersionSchema, type TRuleVersion } from "@/lib/points/schemas";

/** A rule's next version (or a new campaign): every field of the current one, and why it changes. */
export function RuleForm({ defaults, campaign }: { defaults: TRuleVersion; campaign: boolean }) {
  const t = useTranslations("pointsAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRuleVersionSchema,
    action: saveRuleVersionAction,
    defaultValues: defaults,
    onSuccess: (saved) => {
      toast.success(t("ruleSaved", { version: saved.version }));
      router.push(`/admin/points/rules/${saved.ruleId}`);
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("rule.nameJa")} error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("rule.nameEn")} error={fieldError("nameEn")} {...form.register("nameEn")} />
        <FormField label={t("rule.points")} inputMode="numeric" error={fieldError("points")} {...form.register("points")} />
        <SelectField label={t("rule.active")} error={fieldError("active")} {...form.register("active")}>
          <option value="yes">{t("rule.activeYes")}</option>
          <option value="no">{t("rule.activeNo")}</option>
        </SelectField>
        <FormField
          label={t("rule.pendingDays")}
          hint={t("rule.pendingDaysHint")}
          inputMode="numeric"
          error={fieldError("pendingDays")}
          {...form.register("pendingDays")}
        />
        <FormField
          label={t("rule.expiryMonths")}
          inputMode="numeric"
          error={fieldError("expiryMonths")}
          {...form.register("expiryMonths")}
        />
        <FormField
          label={t("rule.capPerCustomer")}
          hint={t("rule.capHint")}
          inputMode="numeric"
          error={fieldError("capPerCustomer")}
          {...form.register("capPerCustomer")}
        />
        {campaign && (
          <>
            <FormField
              label={t("rule.capTotal")}
              hint={t("rule.capHint")}
              inputMode="numeric"
              error={fieldError("capTotal")}
              {...form.register("capTotal")}
            />
            <FormField label={t("rule.startsOn")} type="date" error={fieldError("startsOn")} {...form.register("startsOn")} />
            <FormField label={t("rule.endsOn")} type="date" error={fieldError("endsOn")} {...form.register("endsOn")} />
            <FormField
              label={t("rule.category")}
              hint={t("rule.categoryHint")}
              error={fieldError("category")}
              {...form.register("category")}
            />
          </>
        )}
      </div>
      <FormField label={t("rule.note")} hint={t("rule.noteHint")} error={fieldError("note")} {...form.register("note")} />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("ruleSave")}
      </Button>
    </form>
  );
}

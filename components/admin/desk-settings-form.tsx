"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { saveDeskSettingsAction } from "@/lib/repairs/settings-actions";
import { TARGET_FIELD, TARGET_PRIORITIES as PRIORITIES, ZDeskSettingsSchema, type TDeskSettings } from "@/lib/repairs/settings-schemas";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Business hours, workdays, closed days and SLA targets of the desk. */
export function DeskSettingsForm({ initial }: { initial: TDeskSettings }) {
  const t = useTranslations("repairs.settings");
  const label = useTranslations("repairs.staffLabels");
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZDeskSettingsSchema,
    action: saveDeskSettingsAction,
    defaultValues: initial,
    onSuccess: () => toast.success(t("saved")),
  });
  const hours = { inputMode: "decimal", className: "w-full" } as const;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("hoursLegend")}</legend>
        <FormField label={t("openTime")} type="time" error={fieldError("openTime")} {...form.register("openTime")} />
        <FormField label={t("closeTime")} type="time" error={fieldError("closeTime")} {...form.register("closeTime")} />
      </fieldset>
      <fieldset aria-describedby={fieldError("workdays") ? "workdays-error" : undefined}>
        <legend className="mb-2 text-base font-semibold">{t("workdays")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {WEEKDAYS.map((day) => (
            <CheckboxField key={day} label={t(`weekdays.${day}`)} value={String(day)} {...form.register("workdays")} />
          ))}
        </div>
        {fieldError("workdays") && (
          <p id="workdays-error" className="mt-1 text-sm text-red-700">
            {fieldError("workdays")}
          </p>
        )}
      </fieldset>
      <TextareaField
        label={t("closedDates")}
        hint={t("closedDatesHint")}
        rows={4}
        className="font-mono"
        error={fieldError("closedDates")}
        {...form.register("closedDates")}
      />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">{t("firstResponseLegend")}</legend>
        {PRIORITIES.map((priority) => (
          <FormField
            key={priority}
            label={t("targetHours", { priority: label(`priority.${priority}`) })}
            {...hours}
            error={fieldError(TARGET_FIELD.firstResponse[priority])}
            {...form.register(TARGET_FIELD.firstResponse[priority])}
          />
        ))}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">{t("resolutionLegend")}</legend>
        {PRIORITIES.map((priority) => (
          <FormField
            key={priority}
            label={t("targetHours", { priority: label(`priority.${priority}`) })}
            {...hours}
            error={fieldError(TARGET_FIELD.resolution[priority])}
            {...form.register(TARGET_FIELD.resolution[priority])}
          />
        ))}
      </fieldset>
      <p className="text-sm text-slate-600">{t("targetsHint")}</p>
      <FormField
        label={t("warnAtPercent")}
        hint={t("warnAtPercentHint")}
        inputMode="numeric"
        error={fieldError("warnAtPercent")}
        {...form.register("warnAtPercent")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveProfilingSettingsAction } from "@/lib/profiling/actions";
import { ZSettingsSchema } from "@/lib/profiling/schemas";

/** How many prompts one customer may be shown in 30 days. */
export function ProfilingSettingsForm({ maxPromptsPerMonth }: { maxPromptsPerMonth: number }) {
  const t = useTranslations("engagement.prompts");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZSettingsSchema,
    action: saveProfilingSettingsAction,
    defaultValues: { maxPromptsPerMonth: String(maxPromptsPerMonth) },
    onSuccess: () => {
      toast.success(t("settingsSaved"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("maxPerMonth")}
        hint={t("maxPerMonthHint")}
        inputMode="numeric"
        className="w-28"
        error={fieldError("maxPromptsPerMonth")}
        {...form.register("maxPromptsPerMonth")}
      />
      <Button type="submit" variant="secondary" disabled={!canSubmit}>
        {busy ? t("saving") : t("saveSettings")}
      </Button>
    </form>
  );
}

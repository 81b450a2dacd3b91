"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveRetentionAction } from "@/lib/privacy/actions";
import { RETENTION_KIND_LIST } from "@/lib/privacy/retention-kinds";
import { RETENTION_MIN_DAYS, ZRetentionSchema, type TRetention } from "@/lib/privacy/schemas";

/** Retention periods in days, one field per kind of record. */
export function RetentionForm({ days }: { days: TRetention }) {
  const t = useTranslations("retention");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRetentionSchema,
    action: saveRetentionAction,
    defaultValues: days,
    onSuccess: () => {
      toast.success(t("saved"));
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {RETENTION_KIND_LIST.map((kind) => (
          <FormField
            key={kind}
            label={t(`kinds.${kind}.name`)}
            hint={`${t(`kinds.${kind}.hint`)} ${t("rangeHint", { min: RETENTION_MIN_DAYS[kind] })}`}
            type="number"
            inputMode="numeric"
            min={RETENTION_MIN_DAYS[kind]}
            error={fieldError(kind)}
            {...form.register(kind)}
          />
        ))}
      </div>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

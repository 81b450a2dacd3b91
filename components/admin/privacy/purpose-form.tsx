"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { createPurposeAction } from "@/lib/consents/admin-actions";
import { ZPurposeSchema } from "@/lib/consents/schemas";
import { useRouter } from "@/lib/i18n/navigation";

/** A new optional consent purpose; customers see it once its first text is published. */
export function PurposeForm() {
  const t = useTranslations("privacyAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZPurposeSchema,
    action: createPurposeAction,
    defaultValues: { id: "", nameJa: "", nameEn: "", descriptionJa: "", descriptionEn: "" },
    onSuccess: ({ id }) => {
      toast.success(t("purposeCreated"));
      router.push(`/admin/privacy/${id}`);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField label={t("purposeId")} hint={t("purposeIdHint")} error={fieldError("id")} className="max-w-xs" {...form.register("id")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("nameJa")} error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("nameEn")} error={fieldError("nameEn")} {...form.register("nameEn")} />
        <TextareaField label={t("descriptionJa")} rows={3} error={fieldError("descriptionJa")} {...form.register("descriptionJa")} />
        <TextareaField label={t("descriptionEn")} rows={3} error={fieldError("descriptionEn")} {...form.register("descriptionEn")} />
      </div>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("createPurpose")}
      </Button>
    </form>
  );
}

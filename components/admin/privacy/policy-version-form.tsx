"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { publishPolicyVersionAction } from "@/lib/consents/admin-actions";
import { ZPolicyVersionSchema } from "@/lib/consents/schemas";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * Publish a new version of a purpose's text (ja/en). Starts from the current text; with
 * "re-acceptance required", customers who agreed are asked again and the summary tells them what changed.
 */
export function PolicyVersionForm({ purpose, textJa, textEn }: { purpose: string; textJa: string; textEn: string }) {
  const t = useTranslations("privacyAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZPolicyVersionSchema,
    action: publishPolicyVersionAction,
    defaultValues: { purpose, version: "", textJa, textEn, summaryJa: "", summaryEn: "", requiresReacceptance: false },
    onSuccess: () => {
      toast.success(t("published"));
      form.reset({
        purpose,
        version: "",
        textJa: form.getValues("textJa"),
        textEn: form.getValues("textEn"),
        summaryJa: "",
        summaryEn: "",
        requiresReacceptance: false,
      });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...form.register("purpose")} />
      <FormField
        label={t("version")}
        hint={t("versionHint")}
        error={fieldError("version")}
        className="max-w-xs"
        {...form.register("version")}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <TextareaField label={t("textJa")} rows={12} error={fieldError("textJa")} {...form.register("textJa")} />
        <TextareaField label={t("textEn")} rows={12} error={fieldError("textEn")} {...form.register("textEn")} />
      </div>
      <CheckboxField
        label={t("requiresReacceptance")}
        error={fieldError("requiresReacceptance")}
        {...form.register("requiresReacceptance")}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <TextareaField
          label={t("summaryJa")}
          hint={t("summaryHint")}
          rows={3}
          error={fieldError("summaryJa")}
          {...form.register("summaryJa")}
        />
        <TextareaField
          label={t("summaryEn")}
          hint={t("summaryHint")}
          rows={3}
          error={fieldError("summaryEn")}
          {...form.register("summaryEn")}
        />
      </div>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("publishing") : t("publish")}
      </Button>
    </form>
  );
}

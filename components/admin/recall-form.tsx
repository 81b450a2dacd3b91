"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { createRecallAction, updateRecallAction } from "@/lib/recalls/actions";
import { ZRecallCampaignSchema, type TRecallCampaignInput } from "@/lib/recalls/schemas";

/**
 * A recall campaign as a draft: new, or (with `draft`) the same form filled with a saved draft.
 * Publishing is a separate, confirmed step, after which the campaign cannot be edited.
 */
export function RecallForm({
  models,
  draft,
}: {
  models: { code: string; name: string }[];
  draft?: TRecallCampaignInput & { campaignId: string };
}) {
  const t = useTranslations("recallsAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRecallCampaignSchema,
    action: draft ? updateRecallAction : createRecallAction,
    defaultValues: draft ?? {
      code: "",
      modelCode: models[0]?.code ?? "",
      serialFrom: "",
      serialTo: "",
      lots: "",
      titleJa: "",
      titleEn: "",
      messageJa: "",
      messageEn: "",
    },
    onSuccess: () => {
      if (!draft) return;
      toast.success(t("saved"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("code")} hint={t("codeHint")} error={fieldError("code")} {...form.register("code")} />
        <SelectField label={t("model")} error={fieldError("modelCode")} {...form.register("modelCode")}>
          {models.map((model) => (
            <option key={model.code} value={model.code}>
              {model.code} — {model.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-base font-semibold">{t("scope")}</legend>
        <p className="text-sm text-slate-600 sm:col-span-2">{t("scopeHint")}</p>
        <FormField label={t("serialFrom")} className="font-mono" error={fieldError("serialFrom")} {...form.register("serialFrom")} />
        <FormField label={t("serialTo")} className="font-mono" error={fieldError("serialTo")} {...form.register("serialTo")} />
        <div className="sm:col-span-2">
          <FormField label={t("lots")} hint={t("lotsHint")} error={fieldError("lots")} {...form.register("lots")} />
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("titleJa")} lang="ja" error={fieldError("titleJa")} {...form.register("titleJa")} />
        <FormField label={t("titleEn")} lang="en" error={fieldError("titleEn")} {...form.register("titleEn")} />
        <TextareaField rows={6} lang="ja" label={t("messageJa")} error={fieldError("messageJa")} {...form.register("messageJa")} />
        <TextareaField rows={6} lang="en" label={t("messageEn")} error={fieldError("messageEn")} {...form.register("messageEn")} />
      </div>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : draft ? t("saveChanges") : t("saveDraft")}
      </Button>
    </form>
  );
}

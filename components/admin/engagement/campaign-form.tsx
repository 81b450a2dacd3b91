"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { saveCampaignAction } from "@/lib/campaigns/actions";
import { ZCampaignSchema, type TCampaignInput } from "@/lib/campaigns/schemas";
import { useRouter } from "@/lib/i18n/navigation";

type Option = { value: string; label: string };

/** A campaign draft: audience, purpose, channels, the message in both languages, a button, a survey. */
export function CampaignForm({
  segments,
  purposes,
  surveys,
  saved,
}: {
  segments: Option[];
  purposes: Option[];
  surveys: Option[];
  saved?: TCampaignInput & { campaignId: string };
}) {
  const t = useTranslations("engagement.campaigns");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZCampaignSchema,
    action: saveCampaignAction,
    defaultValues: saved ?? {
      campaignId: "",
      name: "",
      segmentId: segments[0]?.value ?? "",
      purposeId: "marketing_email",
      sendEmail: true,
      sendNotice: true,
      subjectJa: "",
      subjectEn: "",
      bodyJa: "",
      bodyEn: "",
      linkUrl: "",
      linkLabelJa: "",
      linkLabelEn: "",
      surveyId: "",
    },
    onSuccess: (data) => {
      toast.success(t("saved"));
      if (saved) router.refresh();
      else router.push(`/admin/engagement/campaigns/${data.id}`);
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("name")} hint={t("nameHint")} error={fieldError("name")} {...form.register("name")} />
        <SelectField label={t("segment")} error={fieldError("segmentId")} {...form.register("segmentId")}>
          {segments.map((segment) => (
            <option key={segment.value} value={segment.value}>
              {segment.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("purpose")} hint={t("purposeHint")} error={fieldError("purposeId")} {...form.register("purposeId")}>
          {purposes.map((purpose) => (
            <option key={purpose.value} value={purpose.value}>
              {purpose.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("survey")} hint={t("surveyHint")} error={fieldError("surveyId")} {...form.register("surveyId")}>
          <option value="">{t("noSurvey")}</option>
          {surveys.map((survey) => (
            <option key={survey.value} value={survey.value}>
              {survey.label}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-base font-semibold">{t("channels")}</legend>
        <CheckboxField label={t("sendEmail")} error={fieldError("sendEmail")} {...form.register("sendEmail")} />
        <CheckboxField label={t("sendNotice")} {...form.register("sendNotice")} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("subjectJa")} lang="ja" error={fieldError("subjectJa")} {...form.register("subjectJa")} />
        <FormField label={t("subjectEn")} lang="en" error={fieldError("subjectEn")} {...form.register("subjectEn")} />
        <TextareaField
          rows={8}
          lang="ja"
          label={t("bodyJa")}
          hint={t("bodyHint")}
          error={fieldError("bodyJa")}
          {...form.register("bodyJa")}
        />
        <TextareaField rows={8} lang="en" label={t("bodyEn")} error={fieldError("bodyEn")} {...form.register("bodyEn")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label={t("linkUrl")} hint={t("linkHint")} error={fieldError("linkUrl")} {...form.register("linkUrl")} />
        <FormField label={t("linkLabelJa")} lang="ja" error={fieldError("linkLabelJa")} {...form.register("linkLabelJa")} />
        <FormField label={t("linkLabelEn")} lang="en" error={fieldError("linkLabelEn")} {...form.register("linkLabelEn")} />
      </div>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("saveDraft")}
      </Button>
    </form>
  );
}

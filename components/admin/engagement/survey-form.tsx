"use client";

import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveSurveyAction } from "@/lib/surveys/actions";
import { OptionsEditor } from "./options-editor";
import { QUESTION_TYPES, SURVEY_TRIGGERS, ZSurveySchema, type SurveyQuestionInput, type TSurveyInput } from "@/lib/surveys/schemas";

const blankQuestion = (type: (typeof QUESTION_TYPES)[number] = "NPS"): SurveyQuestionInput => ({
  type,
  labelJa: "",
  labelEn: "",
  required: true,
  options: [],
  minNumber: "",
  maxNumber: "",
  attributeId: "",
});

/**
 * A survey draft: texts, the event that invites by itself, points for answering, and questions of
 * the attribute types plus free text and 0-10 (NPS). A choice question may save its answer to a
 * profile attribute (then it offers the attribute's options).
 */
export function SurveyForm({
  attributes,
  saved,
}: {
  attributes: { id: string; label: string; type: string }[];
  saved?: TSurveyInput & { surveyId: string };
}) {
  const t = useTranslations("engagement.surveys");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZSurveySchema,
    action: saveSurveyAction,
    defaultValues: saved ?? {
      surveyId: "",
      titleJa: "",
      titleEn: "",
      introJa: "",
      introEn: "",
      trigger: "NONE",
      points: "0",
      questions: [blankQuestion("NPS")],
    },
    onSuccess: (data) => {
      toast.success(t("saved"));
      if (saved) router.refresh();
      else router.push(`/admin/engagement/surveys/${data.id}`);
    },
  });
  const questions = useFieldArray({ control: form.control, name: "questions" });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("titleJa")} lang="ja" error={fieldError("titleJa")} {...form.register("titleJa")} />
        <FormField label={t("titleEn")} lang="en" error={fieldError("titleEn")} {...form.register("titleEn")} />
        <TextareaField rows={3} lang="ja" label={t("introJa")} error={fieldError("introJa")} {...form.register("introJa")} />
        <TextareaField rows={3} lang="en" label={t("introEn")} error={fieldError("introEn")} {...form.register("introEn")} />
        <SelectField label={t("trigger")} hint={t("triggerHint")} error={fieldError("trigger")} {...form.register("trigger")}>
          {SURVEY_TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>
              {t(`triggers.${trigger}`)}
            </option>
          ))}
        </SelectField>
        <FormField
          label={t("points")}
          hint={t("pointsHint")}
          inputMode="numeric"
          error={fieldError("points")}
          {...form.register("points")}
        />
      </div>
      <fieldset className="space-y-4">
        <legend className="mb-1 text-base font-semibold">{t("questions")}</legend>
        {fieldError("questions") && <p className="text-sm text-red-700">{fieldError("questions")}</p>}
        <ol className="space-y-4">
          {questions.fields.map((field, index) => {
            const type = form.watch(`questions.${index}.type`);
            const choice = type === "CHOICE" || type === "MULTI_CHOICE";
            const tied = form.watch(`questions.${index}.attributeId`);
            const fitting = attributes.filter((attribute) => attribute.type === type);
            return (
              <li key={field.id} className="space-y-3 rounded-lg border border-slate-300 p-4">
                <div className="flex flex-wrap items-end justify-between gap-2">
                  <h3 className="font-semibold">{t("questionNumber", { number: index + 1 })}</h3>
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={questions.fields.length === 1}
                    onClick={() => questions.remove(index)}
                    aria-label={t("removeQuestion", { number: index + 1 })}
                  >
                    {t("remove")}
                  </Button>
                </div>
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField
                    label={t("type")}
                    error={fieldError(`questions.${index}.type`)}
                    {...form.register(`questions.${index}.type`, {
                      // An attribute of the old type no longer fits: the question starts untied.
                      onChange: () => form.setValue(`questions.${index}.attributeId`, ""),
                    })}
                  >
                    {QUESTION_TYPES.map((value) => (
                      <option key={value} value={value}>
                        {t(`types.${value}`)}
                      </option>
                    ))}
                  </SelectField>
                  {type !== "TEXT" && type !== "NPS" && (
                    <SelectField
                      label={t("attribute")}
                      hint={t("attributeHint")}
                      error={fieldError(`questions.${index}.attributeId`)}
                      {...form.register(`questions.${index}.attributeId`)}
                    >
                      <option value="">{t("noAttribute")}</option>
                      {fitting.map((attribute) => (
                        <option key={attribute.id} value={attribute.id}>
                          {attribute.label}
                        </option>
                      ))}
                    </SelectField>
                  )}
                  <FormField
                    label={t("labelJa")}
                    lang="ja"
                    error={fieldError(`questions.${index}.labelJa`)}
                    {...form.register(`questions.${index}.labelJa`)}
                  />
                  <FormField
                    label={t("labelEn")}
                    lang="en"
                    error={fieldError(`questions.${index}.labelEn`)}
                    {...form.register(`questions.${index}.labelEn`)}
                  />
                </div>
                <CheckboxField label={t("required")} {...form.register(`questions.${index}.required`)} />
                {choice && !tied && (
                  <OptionsEditor
                    name={`questions.${index}.options`}
                    control={form.control as never}
                    register={form.register as never}
                    fieldError={(name) => fieldError(name as never)}
                  />
                )}
                {type === "NUMBER" && !tied && (
                  <div className="grid gap-3 sm:grid-cols-2">
                    <FormField
                      label={t("minNumber")}
                      inputMode="numeric"
                      error={fieldError(`questions.${index}.minNumber`)}
                      {...form.register(`questions.${index}.minNumber`)}
                    />
                    <FormField
                      label={t("maxNumber")}
                      inputMode="numeric"
                      error={fieldError(`questions.${index}.maxNumber`)}
                      {...form.register(`questions.${index}.maxNumber`)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" onClick={() => questions.append(blankQuestion("CHOICE"))}>
          {t("addQuestion")}
        </Button>
      </fieldset>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("saveDraft")}
      </Button>
    </form>
  );
}

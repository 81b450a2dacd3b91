"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { AttributeQuestion } from "@/components/profiling/attribute-question";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea-field";
import type { AttributeWithAnswer } from "@/lib/profiling/answers";
import { submitSurveyAction } from "@/lib/surveys/actions";
import { TEXT_ANSWER_MAX } from "@/lib/surveys/schemas";
import { useRouter } from "@/lib/i18n/navigation";

export type SurveyQuestionView = {
  id: string;
  type: "CHOICE" | "MULTI_CHOICE" | "NUMBER" | "DATE" | "YES_NO" | "TEXT" | "NPS";
  label: { ja: string; en: string };
  required: boolean;
  options: { value: string; label: { ja: string; en: string } }[];
  minNumber: number | null;
  maxNumber: number | null;
};

/** A survey to answer once; every question's problem is shown next to it, and nothing typed is lost. */
export function SurveyAnswerForm({ surveyId, questions }: { surveyId: string; questions: SurveyQuestionView[] }) {
  const t = useTranslations("surveys");
  const tAll = useTranslations();
  const locale = useLocale() as "ja" | "en";
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<{ answers: Record<string, string | string[]> }>({
    defaultValues: { answers: Object.fromEntries(questions.map((q) => [q.id, q.type === "MULTI_CHOICE" ? [] : ""])) },
  });
  const error = (id: string) => {
    const message = form.formState.errors.answers?.[id]?.message;
    return message ? (tAll.has(message as never) ? tAll(message as never) : message) : undefined;
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await submitSurveyAction({ surveyId, answers: values.answers });
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {}))
        form.setError(field as never, { type: "server", message });
      if (!result.error.fieldErrors) setFormError(result.error.message);
      return;
    }
    router.refresh();
  });
  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-6">
      {formError && <Alert tone="error">{formError}</Alert>}
      {questions.map((question, index) => {
        const label = `${index + 1}. ${question.label[locale]}${question.required ? "" : ` ${t("optional")}`}`;
        if (question.type === "TEXT") {
          return (
            <TextareaField
              key={question.id}
              rows={4}
              maxLength={TEXT_ANSWER_MAX}
              label={label}
              error={error(question.id)}
              {...form.register(`answers.${question.id}`)}
            />
          );
        }
        if (question.type === "NPS") {
          return (
            <fieldset key={question.id} aria-describedby={error(question.id) ? `${question.id}-error` : undefined}>
              <legend className="text-sm font-medium text-slate-800">{label}</legend>
              <div className="mt-2 flex flex-wrap gap-1">
                {Array.from({ length: 11 }, (_, score) => (
                  <label
                    key={score}
                    className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-md border border-slate-400 px-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-600 has-[:checked]:text-white"
                  >
                    <input type="radio" value={String(score)} className="sr-only" {...form.register(`answers.${question.id}`)} />
                    {score}
                  </label>
                ))}
              </div>
              <p className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden="true">
                <span>{t("npsLow")}</span>
                <span>{t("npsHigh")}</span>
              </p>
              <p className="sr-only">{t("npsScale")}</p>
              {error(question.id) && (
                <p id={`${question.id}-error`} className="text-sm text-red-700">
                  {error(question.id)}
                </p>
              )}
            </fieldset>
          );
        }
        const attribute: AttributeWithAnswer = {
          id: question.id,
          code: question.id,
          type: question.type,
          label: { ja: `${index + 1}. ${question.label.ja}`, en: `${index + 1}. ${question.label.en}` },
          purpose: { ja: "", en: "" },
          options: question.options,
          minNumber: question.minNumber,
          maxNumber: question.maxNumber,
          archived: false,
          answer: null,
          answeredAt: null,
        };
        return (
          <AttributeQuestion
            key={question.id}
            attribute={attribute}
            locale={locale}
            control={form.control}
            register={form.register}
            error={error(question.id)}
          />
        );
      })}
      <Button type="submit" disabled={form.formState.isSubmitting || form.formState.isSubmitSuccessful}>
        {form.formState.isSubmitting ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}

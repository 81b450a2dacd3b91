"use client";

import { useTranslations } from "next-intl";
import { Controller, type Control, type UseFormRegister } from "react-hook-form";
import { RadioGroup } from "@/components/repairs/radio-group";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormField } from "@/components/ui/form-field";
import type { AttributeWithAnswer } from "@/lib/profiling/answers";

type AnswersForm = { answers: Record<string, string | string[]> };

/** One profile question as its type asks: choices, several choices, a number, a date, yes or no. */
export function AttributeQuestion({
  attribute,
  locale,
  control,
  register,
  error,
  hint,
}: {
  attribute: AttributeWithAnswer;
  locale: "ja" | "en";
  control: Control<AnswersForm>;
  register: UseFormRegister<AnswersForm>;
  error?: string;
  hint?: string;
}) {
  const t = useTranslations("profiling");
  const label = attribute.label[locale];
  const options = attribute.options.map((option) => ({ value: option.value, label: option.label[locale] }));
  const name = `answers.${attribute.code}` as const;
  switch (attribute.type) {
    case "CHOICE":
      return <RadioGroup legend={label} options={options} error={error} {...register(name)} />;
    case "YES_NO":
      return (
        <RadioGroup
          legend={label}
          options={[
            { value: "yes", label: t("yes") },
            { value: "no", label: t("no") },
          ]}
          error={error}
          {...register(name)}
        />
      );
    case "MULTI_CHOICE":
      return (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <CheckboxGroup
              legend={label}
              options={options}
              columns={2}
              value={Array.isArray(field.value) ? field.value : field.value ? [field.value] : []}
              onChange={field.onChange}
              error={error}
            />
          )}
        />
      );
    case "NUMBER":
      return (
        <FormField
          label={label}
          inputMode="numeric"
          hint={
            hint ??
            (attribute.minNumber !== null && attribute.maxNumber !== null
              ? t("range", { min: attribute.minNumber, max: attribute.maxNumber })
              : undefined)
          }
          error={error}
          className="w-40"
          {...register(name)}
        />
      );
    case "DATE":
      return <FormField type="date" label={label} hint={hint} error={error} className="w-48" {...register(name)} />;
  }
}

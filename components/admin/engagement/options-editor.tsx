"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, type Control, type FieldValues, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";

/**
 * The options of a choice (an attribute's, or a survey question's): value and labels in both
 * languages, added and removed in place. `fixed` values were saved and are kept (answers use them).
 */
export function OptionsEditor({
  name,
  control,
  register,
  fieldError,
  fixed = new Set(),
}: {
  /** The field array's path in the form: "options", "questions.2.options". */
  name: string;
  control: Control<FieldValues>;
  register: UseFormRegister<FieldValues>;
  fieldError: (name: string) => string | undefined;
  fixed?: ReadonlySet<string>;
}) {
  const t = useTranslations("engagement.options");
  const options = useFieldArray({ control, name });
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-base font-semibold">{t("legend")}</legend>
      <p className="text-sm text-slate-600">{t("hint")}</p>
      {fieldError(name) && <p className="text-sm text-red-700">{fieldError(name)}</p>}
      {options.fields.map((field, index) => {
        const value = (field as unknown as { value?: string }).value ?? "";
        const kept = fixed.has(value);
        return (
          <div key={field.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
            <FormField
              label={t("value", { number: index + 1 })}
              className="font-mono"
              readOnly={kept}
              error={fieldError(`${name}.${index}.value`)}
              {...register(`${name}.${index}.value`)}
            />
            <FormField
              label={t("labelJa")}
              lang="ja"
              error={fieldError(`${name}.${index}.labelJa`)}
              {...register(`${name}.${index}.labelJa`)}
            />
            <FormField
              label={t("labelEn")}
              lang="en"
              error={fieldError(`${name}.${index}.labelEn`)}
              {...register(`${name}.${index}.labelEn`)}
            />
            {!kept && (
              <Button
                type="button"
                variant="secondary"
                onClick={() => options.remove(index)}
                aria-label={t("remove", { number: index + 1 })}
              >
                {t("removeShort")}
              </Button>
            )}
          </div>
        );
      })}
      <Button type="button" variant="secondary" onClick={() => options.append({ value: "", labelJa: "", labelEn: "" })}>
        {t("add")}
      </Button>
    </fieldset>
  );
}

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
import { saveAttributeAction } from "@/lib/profiling/actions";
import { ATTRIBUTE_TYPES, ZAttributeSchema, type TAttributeInput } from "@/lib/profiling/schemas";

/**
 * A profile attribute: new, or (with `saved`) its texts and options. Code and type are fixed once
 * saved; options can be added, not removed (archive the attribute instead).
 */
export function AttributeForm({ saved }: { saved?: TAttributeInput & { attributeId: string } }) {
  const t = useTranslations("engagement.attributes");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZAttributeSchema,
    action: saveAttributeAction,
    defaultValues: saved ?? {
      attributeId: "",
      code: "",
      type: "CHOICE",
      labelJa: "",
      labelEn: "",
      purposeJa: "",
      purposeEn: "",
      sensitive: false,
      options: [
        { value: "", labelJa: "", labelEn: "" },
        { value: "", labelJa: "", labelEn: "" },
      ],
      minNumber: "",
      maxNumber: "",
    },
    onSuccess: (data) => {
      toast.success(t("saved"));
      if (saved) router.refresh();
      else router.push(`/admin/engagement/profiling/attributes/${data.id}`);
    },
  });
  const options = useFieldArray({ control: form.control, name: "options" });
  const type = form.watch("type");
  const savedValues = new Set(saved?.options?.map((option) => option.value) ?? []);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("code")}
          hint={t("codeHint")}
          className="font-mono"
          readOnly={Boolean(saved)}
          error={fieldError("code")}
          {...form.register("code")}
        />
        <SelectField label={t("type")} disabled={Boolean(saved)} error={fieldError("type")} {...form.register("type")}>
          {ATTRIBUTE_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`types.${value}`)}
            </option>
          ))}
        </SelectField>
        {saved && <input type="hidden" {...form.register("type")} />}
        <FormField label={t("labelJa")} lang="ja" error={fieldError("labelJa")} {...form.register("labelJa")} />
        <FormField label={t("labelEn")} lang="en" error={fieldError("labelEn")} {...form.register("labelEn")} />
        <TextareaField
          rows={3}
          lang="ja"
          label={t("purposeJa")}
          hint={t("purposeHint")}
          error={fieldError("purposeJa")}
          {...form.register("purposeJa")}
        />
        <TextareaField rows={3} lang="en" label={t("purposeEn")} error={fieldError("purposeEn")} {...form.register("purposeEn")} />
      </div>
      <CheckboxField label={t("sensitive")} {...form.register("sensitive")} />
      {(type === "CHOICE" || type === "MULTI_CHOICE") && (
        <fieldset className="space-y-3">
          <legend className="mb-1 text-base font-semibold">{t("options")}</legend>
          <p className="text-sm text-slate-600">{t("optionsHint")}</p>
          {fieldError("options") && <p className="text-sm text-red-700">{fieldError("options")}</p>}
          {options.fields.map((field, index) => {
            const fixed = savedValues.has(form.getValues(`options.${index}.value`) ?? "") && Boolean(saved);
            return (
              <div
                key={field.id}
                className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
              >
                <FormField
                  label={t("optionValue", { number: index + 1 })}
                  className="font-mono"
                  readOnly={fixed}
                  error={fieldError(`options.${index}.value`)}
                  {...form.register(`options.${index}.value`)}
                />
                <FormField
                  label={t("optionLabelJa")}
                  lang="ja"
                  error={fieldError(`options.${index}.labelJa`)}
                  {...form.register(`options.${index}.labelJa`)}
                />
                <FormField
                  label={t("optionLabelEn")}
                  lang="en"
                  error={fieldError(`options.${index}.labelEn`)}
                  {...form.register(`options.${index}.labelEn`)}
                />
                {!fixed && (
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => options.remove(index)}
                    aria-label={t("removeOption", { number: index + 1 })}
                  >
                    {t("remove")}
                  </Button>
                )}
              </div>
            );
          })}
          <Button type="button" variant="secondary" onClick={() => options.append({ value: "", labelJa: "", labelEn: "" })}>
            {t("addOption")}
          </Button>
        </fieldset>
      )}
      {type === "NUMBER" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("minNumber")} inputMode="numeric" error={fieldError("minNumber")} {...form.register("minNumber")} />
          <FormField label={t("maxNumber")} inputMode="numeric" error={fieldError("maxNumber")} {...form.register("maxNumber")} />
        </div>
      )}
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

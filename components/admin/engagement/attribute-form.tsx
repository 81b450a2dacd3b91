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
import { OptionsEditor } from "./options-editor";
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
        <OptionsEditor
          name="options"
          control={form.control as never}
          register={form.register as never}
          fieldError={(name) => fieldError(name as never)}
          fixed={saved ? savedValues : undefined}
        />
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

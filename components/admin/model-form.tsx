"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { PhotoUpload } from "@/components/files/photo-upload";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { saveModelAction } from "@/lib/catalog/actions";
import { ZModelSchema, type TModel } from "@/lib/catalog/schemas";
import { CHECK_DIGIT_ALGORITHMS } from "@/lib/products/serial-format";

const ZForm = ZModelSchema.extend({ existingCode: z.string().max(40).default("") });

/** Create or edit a model: names, warranty terms, serial format, image. */
export function ModelForm({ initial, existingCode }: { initial: TModel; existingCode: string | null }) {
  const t = useTranslations("catalog");
  const [uploading, setUploading] = useState(false);
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZForm,
    action: saveModelAction,
    defaultValues: { ...initial, existingCode: existingCode ?? "" },
  });
  const number = { type: "number", inputMode: "numeric", min: 0 } as const;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("code")} hint={t("codeHint")} error={fieldError("code")} {...form.register("code")} />
        <FormField label={t("category")} error={fieldError("category")} {...form.register("category")} />
        <FormField label={t("nameJa")} lang="ja" error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("nameEn")} lang="en" error={fieldError("nameEn")} {...form.register("nameEn")} />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("warrantyTerms")}</legend>
        <FormField label={t("warrantyMonths")} {...number} error={fieldError("warrantyMonths")} {...form.register("warrantyMonths")} />
        <SelectField label={t("warrantyBasis")} error={fieldError("warrantyBasis")} {...form.register("warrantyBasis")}>
          <option value="PURCHASE_DATE">{t("basis.PURCHASE_DATE")}</option>
          <option value="MANUFACTURE_DATE">{t("basis.MANUFACTURE_DATE")}</option>
        </SelectField>
        <FormField
          label={t("graceMonths")}
          hint={t("graceHint")}
          {...number}
          error={fieldError("graceMonths")}
          {...form.register("graceMonths")}
        />
        <FormField
          label={t("bonusMonths")}
          {...number}
          error={fieldError("registrationBonusMonths")}
          {...form.register("registrationBonusMonths")}
        />
        <FormField
          label={t("bonusWindow")}
          hint={t("bonusWindowHint")}
          inputMode="numeric"
          error={fieldError("registrationWindowDays")}
          {...form.register("registrationWindowDays")}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("serialFormat")}</legend>
        <FormField
          label={t("serialPattern")}
          hint={t("serialPatternHint")}
          className="font-mono"
          spellCheck={false}
          error={fieldError("serialPattern")}
          {...form.register("serialPattern")}
        />
        <SelectField label={t("checkDigit")} error={fieldError("checkDigit")} {...form.register("checkDigit")}>
          {CHECK_DIGIT_ALGORITHMS.map((algorithm) => (
            <option key={algorithm} value={algorithm}>
              {t(`checkDigits.${algorithm}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <PhotoUpload
        purpose="model_image"
        label={t("image")}
        error={fieldError("imageFileId")}
        onChange={(fileId) => form.setValue("imageFileId", fileId)}
        onUploadingChange={setUploading}
      />
      <CheckboxField label={t("archived")} {...form.register("archived")} />
      <Button type="submit" disabled={!canSubmit || uploading}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

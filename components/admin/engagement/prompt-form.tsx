"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { useRouter } from "@/lib/i18n/navigation";
import { savePromptAction } from "@/lib/profiling/actions";
import { PROMPT_MOMENTS, ZPromptSchema } from "@/lib/profiling/schemas";

/** A progressive-profiling prompt: when it is asked and its one or two questions. */
export function PromptForm({
  attributes,
  saved,
}: {
  attributes: { id: string; label: string }[];
  saved?: { promptId: string; name: string; moment: (typeof PROMPT_MOMENTS)[number]; active: boolean; attributeIds: string[] };
}) {
  const t = useTranslations("engagement.prompts");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZPromptSchema,
    action: savePromptAction,
    defaultValues: {
      promptId: saved?.promptId ?? "",
      name: saved?.name ?? "",
      moment: saved?.moment ?? "AFTER_REGISTRATION",
      active: saved?.active ?? true,
      firstAttributeId: saved?.attributeIds[0] ?? attributes[0]?.id ?? "",
      secondAttributeId: saved?.attributeIds[1] ?? "",
    },
    onSuccess: () => {
      toast.success(t("saved"));
      router.push("/admin/engagement/profiling");
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("name")} hint={t("nameHint")} error={fieldError("name")} {...form.register("name")} />
        <SelectField label={t("moment")} error={fieldError("moment")} {...form.register("moment")}>
          {PROMPT_MOMENTS.map((moment) => (
            <option key={moment} value={moment}>
              {t(`moments.${moment}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("first")} error={fieldError("firstAttributeId")} {...form.register("firstAttributeId")}>
          {attributes.map((attribute) => (
            <option key={attribute.id} value={attribute.id}>
              {attribute.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("second")}
          hint={t("secondHint")}
          error={fieldError("secondAttributeId")}
          {...form.register("secondAttributeId")}
        >
          <option value="">{t("none")}</option>
          {attributes.map((attribute) => (
            <option key={attribute.id} value={attribute.id}>
              {attribute.label}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField label={t("active")} {...form.register("active")} />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

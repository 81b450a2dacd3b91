"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { addSymptomCategoryAction, archiveSymptomCategoryAction, renameSymptomCategoryAction } from "@/lib/repairs/settings-actions";
import { ZRenameSymptomSchema, ZSymptomCategorySchema } from "@/lib/repairs/settings-schemas";

/** Add a symptom to a product category; the code is checked for uniqueness on the server. */
export function AddSymptomForm({ productCategory }: { productCategory: string }) {
  const t = useTranslations("repairs.settings");
  const empty = { productCategory, code: "", nameJa: "", nameEn: "" };
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZSymptomCategorySchema,
    action: addSymptomCategoryAction,
    defaultValues: empty,
    onSuccess: () => {
      toast.success(t("symptomAdded"));
      form.reset(empty);
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("addSymptom")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...form.register("productCategory")} />
      <div className="grid items-start gap-4 sm:grid-cols-3">
        <FormField
          label={t("symptomCode")}
          hint={t("symptomCodeHint")}
          className="font-mono"
          spellCheck={false}
          autoCapitalize="none"
          error={fieldError("code")}
          {...form.register("code")}
        />
        <FormField label={t("symptomNameJa")} lang="ja" error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("symptomNameEn")} lang="en" error={fieldError("nameEn")} {...form.register("nameEn")} />
      </div>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("addSymptom")}
      </Button>
    </form>
  );
}

/** Rename (both languages) or archive/restore one symptom, from its row in the list. */
export function SymptomActions({ symptom }: { symptom: { id: string; code: string; nameJa: string; nameEn: string; archived: boolean } }) {
  const t = useTranslations("repairs.settings");
  const [renaming, setRenaming] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRenameSymptomSchema,
    action: renameSymptomCategoryAction,
    defaultValues: { id: symptom.id, nameJa: symptom.nameJa, nameEn: symptom.nameEn },
    onSuccess: () => {
      toast.success(t("symptomRenamed"));
      setRenaming(false);
    },
  });
  const toggleArchived = async () => {
    setArchiving(true);
    const result = await archiveSymptomCategoryAction({ id: symptom.id, archived: !symptom.archived });
    setArchiving(false);
    if (!result.ok) toast.error(result.error.message);
  };
  if (renaming) {
    return (
      <form method="post" onSubmit={onSubmit} noValidate className="min-w-56 space-y-2" aria-label={t("renameOf", { code: symptom.code })}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <FormField label={t("symptomNameJa")} lang="ja" error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("symptomNameEn")} lang="en" error={fieldError("nameEn")} {...form.register("nameEn")} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={!canSubmit}>
            {busy ? t("saving") : t("saveName")}
          </Button>
          <Button variant="secondary" onClick={() => setRenaming(false)}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" aria-label={t("renameOf", { code: symptom.code })} onClick={() => setRenaming(true)}>
        {t("rename")}
      </Button>
      <Button
        variant="secondary"
        aria-label={symptom.archived ? t("restoreOf", { code: symptom.code }) : t("archiveOf", { code: symptom.code })}
        disabled={archiving}
        onClick={toggleArchived}
      >
        {symptom.archived ? t("restore") : t("archive")}
      </Button>
    </div>
  );
}

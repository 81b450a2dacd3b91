"use client";

import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AttributeWithAnswer } from "@/lib/profiling/answers";
import { saveMyAnswersAction } from "@/lib/profiling/actions";
import { ZAnswersSchema } from "@/lib/profiling/schemas";
import { useRouter } from "@/lib/i18n/navigation";
import { AttributeQuestion } from "./attribute-question";

const ZMyAnswers = z.object({ answers: ZAnswersSchema.shape.answers });

/**
 * The customer's answers in their profile (issue 15): each question with why the brand asks;
 * change any, or empty it to remove the answer. Archived questions can only be emptied.
 */
export function MyAnswersForm({ attributes }: { attributes: AttributeWithAnswer[] }) {
  const t = useTranslations("profiling");
  const locale = useLocale() as "ja" | "en";
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZMyAnswers,
    action: saveMyAnswersAction,
    defaultValues: {
      answers: Object.fromEntries(attributes.map((a) => [a.code, a.answer ?? (a.type === "MULTI_CHOICE" ? [] : "")])),
    },
    onSuccess: () => {
      toast.success(t("answersSaved"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      {attributes.map((attribute) => (
        <div key={attribute.code} className="space-y-1 border-b border-slate-100 pb-4 last:border-0">
          <AttributeQuestion
            attribute={attribute}
            locale={locale}
            control={form.control as never}
            register={form.register as never}
            error={fieldError(`answers.${attribute.code}` as never)}
          />
          <p className="text-xs text-slate-600">{t("why", { purpose: attribute.purpose[locale] })}</p>
          {attribute.archived && <p className="text-xs text-slate-600">{t("archivedQuestion")}</p>}
          {attribute.answer !== null && (
            <Button
              type="button"
              variant="ghost"
              className="px-0 text-sm"
              onClick={() => form.setValue(`answers.${attribute.code}`, attribute.type === "MULTI_CHOICE" ? [] : "", { shouldDirty: true })}
            >
              {t("clearAnswer", { question: attribute.label[locale] })}
            </Button>
          )}
        </div>
      ))}
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("sending") : t("saveAnswers")}
      </Button>
    </form>
  );
}

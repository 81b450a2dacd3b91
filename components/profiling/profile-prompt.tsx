"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AttributeWithAnswer } from "@/lib/profiling/answers";
import { answerPromptAction } from "@/lib/profiling/actions";
import { ZAnswersSchema } from "@/lib/profiling/schemas";
import { AttributeQuestion } from "./attribute-question";

/**
 * A progressive-profiling prompt (issue 15): one or two questions, each with why we ask, always
 * skippable. Answered or skipped, it is not shown again.
 */
export function ProfilePrompt({ prompt }: { prompt: { id: string; questions: AttributeWithAnswer[] } }) {
  const t = useTranslations("profiling");
  const tv = useTranslations();
  const locale = useLocale() as "ja" | "en";
  const [done, setDone] = useState<"answered" | "skipped" | null>(null);
  const [formError, setFormError] = useState<string>();
  const form = useForm<{ answers: Record<string, string | string[]> }>({
    resolver: zodResolver(ZAnswersSchema.pick({ answers: true })) as never,
    defaultValues: { answers: Object.fromEntries(prompt.questions.map((q) => [q.code, q.type === "MULTI_CHOICE" ? [] : ""])) },
  });
  const send = async (skip: boolean) => {
    setFormError(undefined);
    const result = await answerPromptAction({ promptId: prompt.id, skip, answers: skip ? {} : form.getValues("answers") });
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {}))
        form.setError(field as never, { type: "server", message });
      if (!result.error.fieldErrors) setFormError(result.error.message);
      return;
    }
    setDone(skip || result.data.outcome === "skipped" ? "skipped" : "answered");
    if (!skip) toast.success(t("thanks"));
  };
  if (done) {
    return (
      <div role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        {done === "answered" ? t("thanksLong") : t("skipped")}
      </div>
    );
  }
  const error = (code: string) => {
    const message = form.formState.errors.answers?.[code]?.message;
    return message ? (tv.has(message as never) ? tv(message as never) : message) : undefined;
  };
  return (
    <section aria-labelledby={`prompt-${prompt.id}`} className="rounded-lg border border-brand-200 bg-brand-50 p-4 sm:p-6">
      <h2 id={`prompt-${prompt.id}`} className="text-lg font-semibold text-slate-900">
        {t("promptTitle")}
      </h2>
      <p className="mb-4 text-sm text-slate-700">{t("promptLead")}</p>
      <form method="post" noValidate className="space-y-4" onSubmit={form.handleSubmit(() => send(false))}>
        {formError && <Alert tone="error">{formError}</Alert>}
        {prompt.questions.map((question) => (
          <div key={question.code} className="space-y-1">
            <AttributeQuestion
              attribute={question}
              locale={locale}
              control={form.control}
              register={form.register}
              error={error(question.code)}
            />
            <p className="text-xs text-slate-600">{t("why", { purpose: question.purpose[locale] })}</p>
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("sending") : t("answer")}
          </Button>
          <Button type="button" variant="ghost" disabled={form.formState.isSubmitting} onClick={() => void send(true)}>
            {t("skip")}
          </Button>
        </div>
      </form>
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import { TermsCheckbox } from "@/components/auth/terms-checkbox";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptPoliciesAction } from "@/lib/account/actions";

export type OptionalQuestion = { purpose: string; name: string };

/**
 * The answers asked on the way into My Page: accept the changed terms and privacy policy (when
 * they changed), and for each optional purpose whose new version needs it, agree again or not.
 * Nothing is preselected for an optional purpose: the customer chooses (GDPR 7: a clear act).
 */
export function AcceptPoliciesForm({ requiresAcceptance, optional }: { requiresAcceptance: boolean; optional: OptionalQuestion[] }) {
  const t = useTranslations();
  const schema = z.object({
    acceptRequired: z.boolean().refine((value) => value || !requiresAcceptance, "acceptTermsRequired"),
    keep: z.record(z.string(), z.enum(["yes", "no"], "terms.chooseOne")),
  });
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema,
    action: (input) =>
      acceptPoliciesAction({
        acceptRequired: input.acceptRequired,
        keep: Object.fromEntries(Object.entries(input.keep).map(([purpose, answer]) => [purpose, answer === "yes"])),
      }),
    defaultValues: { acceptRequired: false, keep: Object.fromEntries(optional.map((question) => [question.purpose, undefined])) } as never,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      {requiresAcceptance && <TermsCheckbox error={fieldError("acceptRequired")} {...form.register("acceptRequired")} />}
      {optional.map((question) => {
        const error = fieldError(`keep.${question.purpose}` as never);
        return (
          <fieldset key={question.purpose} className="space-y-2" aria-describedby={error ? `keep-${question.purpose}-error` : undefined}>
            <legend className="font-medium">{t("terms.keepQuestion", { purpose: question.name })}</legend>
            {(["yes", "no"] as const).map((answer) => (
              <label key={answer} className="flex min-h-11 items-center gap-3 text-sm">
                <input
                  type="radio"
                  value={answer}
                  className="size-5 accent-brand-600"
                  {...form.register(`keep.${question.purpose}` as never)}
                />
                {t(answer === "yes" ? "terms.keepYes" : "terms.keepNo")}
              </label>
            ))}
            {error && (
              <p id={`keep-${question.purpose}-error`} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("terms.saving") : t("terms.accept")}
      </Button>
    </form>
  );
}

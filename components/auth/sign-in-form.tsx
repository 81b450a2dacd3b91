"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Link } from "@/lib/i18n/navigation";
import { useHydrated } from "@/components/forms/use-hydrated";
import { ZSignInSchema, type TSignIn } from "@/lib/auth/schemas";
import { LOCALE_HEADER } from "@/lib/route-headers";

/** The answer of POST /api/sign-in (app/api/sign-in/route.ts). */
type SignInAnswer = { next?: string; error?: { code: string; message: string } };

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const [formError, setFormError] = useState<string>();
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({
    resolver: zodResolver(ZSignInSchema),
    // No empty defaults: what was typed before hydration is kept (see use-action-form.ts).
    defaultValues: { callbackUrl },
  });

  // Messages in the shared schema are catalog keys.
  const fieldMessage = (key?: string) => (key ? t(`validation.${key}` as "validation.emailInvalid") : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const answer = await fetch("/api/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json", [LOCALE_HEADER]: locale },
      body: JSON.stringify(values),
    }).then(
      async (response) => ({ ok: response.ok, body: (await response.json().catch(() => ({}))) as SignInAnswer }),
      () => ({ ok: false, body: {} as SignInAnswer }),
    );
    if (!answer.ok || !answer.body.next) {
      setFormError(answer.body.error?.message ?? t("errors.NETWORK"));
      return;
    }
    // Success: open the next page as a new page load (the session cookie is set). Stay busy until
    // it lands, so a second click cannot send the form again.
    setRedirecting(true);
    window.location.assign(answer.body.next);
  });

  const hydrated = useHydrated();
  const busy = isSubmitting || redirecting;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("signIn.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        error={errors.email?.type === "server" ? errors.email.message : fieldMessage(errors.email?.message)}
        {...register("email")}
      />
      <FormField
        label={t("signIn.password")}
        type="password"
        autoComplete="current-password"
        error={errors.password?.type === "server" ? errors.password.message : fieldMessage(errors.password?.message)}
        {...register("password")}
      />
      <input type="hidden" {...register("callbackUrl")} />
      <p className="text-right text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("signIn.forgotPassword")}
        </Link>
      </p>
      <Button type="submit" disabled={!hydrated || busy} className="w-full">
        {busy ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Unexpected errors: a generic message and the digest that matches the server log line; never
// the error's own message or stack (conventions: One error type).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto flex w-full max-w-xl flex-1 flex-col items-start gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="text-slate-700">{t("errorBody")}</p>
      {error.digest && <p className="text-sm text-slate-600">{t("errorReference", { digest: error.digest })}</p>}
      <Button onClick={reset}>{t("retry")}</Button>
    </main>
  );
}

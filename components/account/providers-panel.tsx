"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { linkProviderAction, unlinkProviderAction } from "@/lib/account/actions";
import { useStepUp } from "./step-up";

export function ProvidersPanel({ providers }: { providers: { id: string; name: string; linked: boolean }[] }) {
  const t = useTranslations("security");
  const router = useRouter();
  const stepUp = useStepUp();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (providers.length === 0) return <p className="text-slate-700">{t("noProviders")}</p>;
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="divide-y divide-slate-100">
        {providers.map((provider) => (
          <li key={provider.id} className="flex items-center justify-between gap-2 py-2">
            <span>
              {provider.name} <span className="text-sm text-slate-600">({provider.linked ? t("linked") : t("notLinked")})</span>
            </span>
            <Button
              variant={provider.linked ? "ghost" : "secondary"}
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  setError(undefined);
                  const result = await stepUp<unknown>(() =>
                    provider.linked ? unlinkProviderAction({ provider: provider.id }) : linkProviderAction({ provider: provider.id }),
                  );
                  if (result && !result.ok) setError(result.error.message);
                  else router.refresh();
                })
              }
            >
              {provider.linked ? t("unlink", { provider: provider.name }) : t("link", { provider: provider.name })}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { providerSignInAction } from "@/lib/auth/actions";

/** Sign in with Google, LINE or another OpenID provider (only those configured are listed). */
export function ProviderButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const [pending, startTransition] = useTransition();
  if (providers.length === 0) return null;
  return (
    <ul className="space-y-2">
      {providers.map((provider) => (
        <li key={provider.id}>
          <Button
            variant="secondary"
            className="w-full"
            disabled={pending}
            onClick={() => startTransition(async () => void (await providerSignInAction({ provider: provider.id, callbackUrl })))}
          >
            {t("withProvider", { provider: provider.name })}
          </Button>
        </li>
      ))}
    </ul>
  );
}

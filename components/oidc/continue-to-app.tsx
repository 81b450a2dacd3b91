"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

/**
 * Goes on to the app with a full navigation (the provider's redirects must not run inside Next's
 * client router, decision 0014). The link is there for a browser without script.
 */
export function ContinueToApp({ href, app }: { href: string; app: string }) {
  const t = useTranslations("oidc");
  useEffect(() => window.location.replace(href), [href]);
  return (
    <p role="status" className="text-slate-700">
      {t("continuing", { app })}{" "}
      <a href={href} className="text-brand-700 underline">
        {t("continueLink")}
      </a>
    </p>
  );
}

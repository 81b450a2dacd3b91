"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Link } from "@/lib/i18n/navigation";

/** "I agree to the terms of use and the privacy policy", with both linked (opened in a new tab). */
export function TermsCheckbox({ error, ...inputProps }: Omit<ComponentProps<typeof CheckboxField>, "label">) {
  const t = useTranslations("signUp");
  return (
    <CheckboxField
      label={t.rich("acceptTerms", {
        terms: (chunks) => <PolicyLink href="/legal/terms">{chunks}</PolicyLink>,
        privacy: (chunks) => <PolicyLink href="/legal/privacy">{chunks}</PolicyLink>,
      })}
      error={error}
      {...inputProps}
    />
  );
}

function PolicyLink({ href, children }: { href: "/legal/terms" | "/legal/privacy"; children: ReactNode }) {
  return (
    <Link href={href} target="_blank" className="underline">
      {children}
    </Link>
  );
}

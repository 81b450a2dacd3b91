"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** Links to the same page in each language; the current one is this page (aria-current="page"). */
export function LocaleSwitcher() {
  const t = useTranslations();
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={t("common.language")}>
      <ul className="flex gap-0.5 text-sm sm:gap-1">
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={search ? `${pathname}?${search}` : pathname}
              locale={locale}
              lang={locale}
              aria-current={locale === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-1.5 sm:px-2 ${
                locale === current ? "font-semibold text-brand-700 underline" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {t(`locale.${locale}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

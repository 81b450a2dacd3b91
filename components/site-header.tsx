import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { LocaleSwitcher } from "./locale-switcher";

/** Top bar shared by all pages: brand, optional area navigation and account controls, language. */
export async function SiteHeader({ nav, account }: { nav?: ReactNode; account?: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/" className="mr-auto inline-flex min-h-11 items-center text-lg font-bold text-brand-700">
          {t("appName")}
        </Link>
        <Suspense>
          <LocaleSwitcher />
        </Suspense>
        {account}
      </div>
      {nav && (
        <div className="border-t border-slate-100">
          <div className="mx-auto max-w-6xl overflow-x-auto px-4">{nav}</div>
        </div>
      )}
    </header>
  );
}

import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/current-user";
import { Link } from "@/lib/i18n/navigation";
import { SiteHeader } from "./site-header";
import { SignOutButton } from "./sign-out-button";

export type NavItem = { href: string; label: string };

/** Layout of a signed-in area (My Page, staff, dealer): header, area navigation, content. */
export async function AreaShell({ user, nav, children }: { user: CurrentUser; nav: NavItem[]; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <SiteHeader
        account={
          <div className="flex items-center gap-3">
            <span className="hidden text-sm text-slate-700 sm:inline">
              {user.name ?? user.email} <span className="text-slate-500">({t(`roles.${user.role}`)})</span>
            </span>
            <SignOutButton />
          </div>
        }
        nav={
          <nav aria-label={t("nav.primary")}>
            <ul className="flex gap-1">
              {nav.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="inline-flex min-h-11 items-center whitespace-nowrap px-3 text-sm font-medium text-slate-700 hover:text-brand-700"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        }
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </>
  );
}

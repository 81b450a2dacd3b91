"use client";

import type { ReactNode } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { activeHref } from "@/lib/navigation/nav";
import { UnreadBadge } from "./chat/unread-badge";

/**
 * `unread`: the entry shows the live chat unread badge, starting from this count. `count`: a badge
 * as of this page load (unread notices), hidden at 0.
 */
export type NavLink = { href: string; label: string; unread?: number; count?: { value: number; label: string } };

const VARIANT = {
  // The area's main navigation: tabs under the header.
  primary: {
    list: "flex flex-wrap gap-x-1",
    link: "min-h-11 border-b-2 px-2 text-sm font-medium sm:px-3",
    active: "border-brand-600 text-brand-700",
    idle: "border-transparent text-slate-700 hover:border-slate-300 hover:text-brand-700",
  },
  // Sections inside one area (the account's pages): smaller pills.
  secondary: {
    list: "flex flex-wrap gap-1",
    link: "min-h-11 rounded-md px-3 text-sm",
    active: "bg-brand-50 font-semibold text-brand-800",
    idle: "text-slate-700 hover:bg-slate-100",
  },
} as const;

/** A navigation list that marks the page the user is on (aria-current plus a visible style). */
export function AreaNav({ label, links, variant = "primary" }: { label: string; links: NavLink[]; variant?: keyof typeof VARIANT }) {
  const pathname = usePathname();
  const current = activeHref(
    pathname,
    links.map((link) => link.href),
  );
  const style = VARIANT[variant];
  return (
    <nav aria-label={label}>
      <ul className={style.list}>
        {links.map((link) => {
          const active = link.href === current;
          // "page" on the page itself; "true" on the section of a page below it (a product's page).
          const ariaCurrent = active ? (pathname === link.href ? "page" : "true") : undefined;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={ariaCurrent}
                className={`inline-flex items-center whitespace-nowrap ${style.link} ${active ? style.active : style.idle}`}
              >
                {link.label}
                {link.unread !== undefined && <UnreadBadge initial={link.unread} />}
                {link.count && link.count.value > 0 && (
                  <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-brand-700 px-1.5 text-xs font-bold text-white">
                    <span aria-hidden="true">{link.count.value > 99 ? "99+" : link.count.value}</span>
                    <span className="sr-only">{link.count.label}</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A single link outside a list (the header's sign-in link) that is marked when it is the current page. */
export function CurrentPageLink({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  const current = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`${className} ${current ? "font-semibold text-brand-700 underline" : ""}`}
    >
      {children}
    </Link>
  );
}

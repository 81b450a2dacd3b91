import type { ComponentProps } from "react";
import { Link } from "@/lib/i18n/navigation";

type Href = ComponentProps<typeof Link>["href"];

/**
 * Views of one list as a row of links (a queue's "Open / All", a list's filters): the current one
 * marked with `aria-current="page"` and an underline; the row scrolls sideways on a phone.
 */
export function TabLinks({ label, tabs }: { label: string; tabs: { key: string; href: Href; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="mb-4 overflow-x-auto">
      <ul className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center border-b-2 px-3 text-sm whitespace-nowrap ${
                tab.current ? "border-brand-600 font-semibold text-slate-900" : "border-transparent text-slate-700 hover:text-slate-900"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

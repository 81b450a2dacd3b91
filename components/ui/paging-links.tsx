import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Link } from "@/lib/i18n/navigation";

type Href = ComponentProps<typeof Link>["href"];
export type DataTablePageLink = { href: Href; label?: string };
export type ServerPaging = { label?: string; first?: DataTablePageLink; previous?: DataTablePageLink; next?: DataTablePageLink };

const linkClass =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50";

/** The links to a list's other pages when the server pages it (keyset paging in the URL); nothing when there are none. */
export function PagingLinks({ paging }: { paging: ServerPaging | undefined }) {
  const t = useTranslations("table");
  if (!paging || !(paging.first || paging.previous || paging.next)) return null;
  return (
    <nav aria-label={paging.label ?? t("pages")} className="mt-4 flex flex-wrap gap-2">
      {paging.first && (
        <Link href={paging.first.href} className={linkClass}>
          {paging.first.label ?? t("first")}
        </Link>
      )}
      {paging.previous && (
        <Link href={paging.previous.href} className={linkClass}>
          {paging.previous.label ?? t("previous")}
        </Link>
      )}
      {paging.next && (
        <Link href={paging.next.href} className={linkClass}>
          {paging.next.label ?? t("next")}
        </Link>
      )}
    </nav>
  );
}

import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Link } from "@/lib/i18n/navigation";
import { CLAIM_FILTERS, type ClaimFilter } from "@/lib/products/claims";

/**
 * Which claims the staff page lists: open (the work queue) or decided ones (the history), with a
 * search by serial, model code or email. Plain links and a GET form, so the URL can be shared.
 */
export async function ClaimFilters({ status, search }: { status: ClaimFilter; search: string }) {
  const t = await getTranslations("claimsAdmin");
  const href = (next: ClaimFilter) => ({ pathname: "/admin/claims", query: { status: next, ...(search ? { q: search } : {}) } });
  return (
    <div className="mb-6 space-y-3">
      <nav aria-label={t("filterLabel")}>
        <ul className="flex flex-wrap gap-2">
          {CLAIM_FILTERS.map((filter) => (
            <li key={filter}>
              <Link
                href={href(filter)}
                aria-current={filter === status ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm ${filter === status ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
              >
                {t(`filter.${filter}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="status" value={status} />
        <FormField label={t("search")} name="q" type="search" defaultValue={search} maxLength={100} className="w-72 max-w-full" />
        <Button type="submit" variant="secondary">
          {t("searchSubmit")}
        </Button>
        {search && (
          <Link
            href={{ pathname: "/admin/claims", query: { status } }}
            className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
          >
            {t("clear")}
          </Link>
        )}
      </form>
    </div>
  );
}

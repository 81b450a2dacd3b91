import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ContactSummary } from "@/components/dealer/contact";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { listDealerCustomers } from "@/lib/dealers/customers";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.customers"))("title") };
}

/** The customers of the dealer's own sales, searchable by serial, name or phone; masked unless allowed. */
export default async function DealerCustomersPage({ params, searchParams }: PageProps<"/[locale]/dealer/customers">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/customers");
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const after = typeof query.after === "string" ? query.after.slice(0, 40) : undefined;
  const [page, t, locale] = await Promise.all([listDealerCustomers(user, { q, after }), getTranslations("dealer.customers"), getLocale()]);
  const exportHref = `/api/dealer/customers?${new URLSearchParams({ q, locale }).toString()}`;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <label htmlFor="dealer-customer-q" className="text-sm font-medium text-slate-800">
              {t("search")}
            </label>
            <input
              id="dealer-customer-q"
              name="q"
              defaultValue={q}
              maxLength={100}
              aria-describedby="dealer-customer-q-hint"
              className="min-h-11 w-full rounded-md border border-slate-300 px-3"
            />
            <p id="dealer-customer-q-hint" className="text-sm text-slate-600">
              {t("searchHint")}
            </p>
          </div>
          <Button type="submit" className="mb-6">
            {t("searchButton")}
          </Button>
        </form>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">{t("maskedNote")}</p>
          <a
            href={exportHref}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50"
          >
            {t("exportCsv")}
          </a>
        </div>
        <DataTable
          caption={t("title")}
          empty={q ? t("emptySearch") : t("empty")}
          columns={[
            { id: "customer", header: t("columns.customer"), className: "min-w-40" },
            { id: "contact", header: t("columns.contact"), className: "min-w-48" },
            { id: "products", header: t("columns.products"), className: "min-w-40" },
          ]}
          rows={page.customers.map(({ contact, units }) => ({
            id: contact.id,
            cells: {
              customer: (
                <Link href={`/dealer/customers/${contact.id}`} className="text-brand-700 underline">
                  <ContactSummary contact={contact} compact />
                </Link>
              ),
              contact: (
                <span className="flex flex-col text-sm">
                  <span className="break-all">{contact.email}</span>
                  {contact.phone && <span>{contact.phone}</span>}
                  {contact.prefecture && <span className="text-slate-600">{contact.prefecture}</span>}
                </span>
              ),
              products: (
                <ul className="text-sm">
                  {units.map((unit) => (
                    <li key={unit.serial}>
                      {nameIn(locale, unit.model)} <span className="font-mono text-xs break-all text-slate-600">{unit.serial}</span>
                    </li>
                  ))}
                </ul>
              ),
            },
          }))}
          serverPaging={{
            first: after ? { href: { pathname: "/dealer/customers", query: q ? { q } : {} } } : undefined,
            next: page.next ? { href: { pathname: "/dealer/customers", query: { ...(q ? { q } : {}), after: page.next } } } : undefined,
          }}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { InviteButton } from "@/components/dealer/invite-button";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TabLinks } from "@/components/ui/tab-links";
import { listSales } from "@/lib/dealers/sales";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.sales"))("title") };
}

const FILTERS = ["all", "unregistered", "flagged"] as const;

/** The dealer's sales: registered or not, sold twice, registration invitations. */
export default async function DealerSalesPage({ params, searchParams }: PageProps<"/[locale]/dealer/sales">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/sales");
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.slice(0, 60) : "";
  const filter = FILTERS.find((name) => name === query.show) ?? "all";
  const [{ sales, total }, t, format, locale] = await Promise.all([
    listSales(user, { q, flagged: filter === "flagged", registered: filter === "unregistered" ? "no" : undefined }),
    getTranslations("dealer.sales"),
    getFormatter(),
    getLocale(),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4">
        <Button asChild>
          <Link href="/dealer/sales/import">{t("importTitle")}</Link>
        </Button>
      </div>
      <TabLinks
        label={t("filters")}
        tabs={FILTERS.map((name) => ({
          key: name,
          href: { pathname: "/dealer/sales", query: name === "all" ? {} : { show: name } },
          label: t(`filter.${name}`),
          current: filter === name,
        }))}
      />
      <Card>
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
          {filter !== "all" && <input type="hidden" name="show" value={filter} />}
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <label htmlFor="sales-q" className="text-sm font-medium text-slate-800">
              {t("searchSerial")}
            </label>
            <input
              id="sales-q"
              name="q"
              defaultValue={q}
              maxLength={60}
              className="min-h-11 w-full rounded-md border border-slate-300 px-3 font-mono"
            />
          </div>
          <Button type="submit">{t("searchButton")}</Button>
        </form>
        <p className="mb-3 text-sm text-slate-600">{t("count", { shown: sales.length, total })}</p>
        <DataTable
          caption={t("title")}
          empty={q || filter !== "all" ? t("emptyFiltered") : t("empty")}
          columns={[
            { id: "serial", header: t("columns.serial"), className: "font-mono" },
            { id: "model", header: t("columns.model"), className: "min-w-32" },
            { id: "soldOn", header: t("columns.soldOn"), className: "whitespace-nowrap" },
            { id: "registered", header: t("columns.registered"), className: "min-w-32" },
            { id: "buyer", header: t("columns.buyer"), className: "min-w-40" },
          ]}
          rows={sales.map((sale) => {
            const owner = sale.unit.ownerships[0];
            const invitation = sale.invitations[0];
            return {
              id: sale.id,
              cells: {
                serial: (
                  <span className="flex flex-col break-all">
                    {sale.unit.serial}
                    {sale.soldTwice && <span className="font-sans text-xs font-semibold text-red-800">{t("soldTwice")}</span>}
                  </span>
                ),
                model: `${nameIn(locale, sale.unit.model)} (${sale.unit.model.code})`,
                soldOn: date(sale.soldOn),
                registered: owner ? (
                  <span className="flex flex-col">
                    <span className="text-green-800">
                      ✓ {t("registeredOn", { date: format.dateTime(owner.registeredAt, { dateStyle: "medium" }) })}
                    </span>
                    {owner.dealerSaleId === sale.id && <span className="text-xs text-slate-600">{t("confirmedBySale")}</span>}
                  </span>
                ) : (
                  t("notRegistered")
                ),
                buyer: (
                  <span className="flex flex-col items-start gap-1 text-sm">
                    <span className="break-all">{sale.customerEmail ?? t("noEmail")}</span>
                    {invitation && (
                      <span className="text-xs text-slate-600">
                        {t("invitedOn", { date: format.dateTime(invitation.sentAt, { dateStyle: "medium" }) })}
                      </span>
                    )}
                    {!owner && sale.customerEmail && <InviteButton saleId={sale.id} email={sale.customerEmail} />}
                  </span>
                ),
              },
            };
          })}
        />
      </Card>
    </>
  );
}

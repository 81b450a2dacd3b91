import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ContactSummary } from "@/components/dealer/contact";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TabLinks } from "@/components/ui/tab-links";
import { dealerRepairQueue, type DealerQueueView } from "@/lib/dealers/repairs";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.repairs"))("title") };
}

const VIEWS: readonly DealerQueueView[] = ["open", "all"];

/** The drop-off repairs handed to this shop: where each unit is and what the shop does next. */
export default async function DealerRepairsPage({ params, searchParams }: PageProps<"/[locale]/dealer/repairs">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/repairs");
  const view = (await searchParams).view === "all" ? "all" : "open";
  const [queue, t, ts, format, locale] = await Promise.all([
    dealerRepairQueue(user, view),
    getTranslations("dealer.repairs"),
    getTranslations("repairs.staffLabels"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <TabLinks
        label={t("views")}
        tabs={VIEWS.map((name) => ({
          key: name,
          href: { pathname: "/dealer/repairs", query: name === "open" ? {} : { view: name } },
          label: t(`view.${name}`, { count: queue.openCount }),
          current: view === name,
        }))}
      />
      <Card>
        <DataTable
          caption={t(`view.${view}`, { count: queue.openCount })}
          empty={view === "open" ? t("emptyOpen") : t("empty")}
          columns={[
            { id: "number", header: t("columns.number"), className: "whitespace-nowrap font-mono" },
            { id: "product", header: t("columns.product"), className: "min-w-32" },
            { id: "customer", header: t("columns.customer"), className: "min-w-32" },
            { id: "status", header: t("columns.status"), className: "min-w-32" },
            { id: "shop", header: t("columns.shop"), className: "min-w-32" },
            { id: "created", header: t("columns.created"), className: "whitespace-nowrap" },
          ]}
          rows={queue.tickets.map((ticket) => ({
            id: ticket.id,
            cells: {
              number: (
                <Link href={`/dealer/repairs/${ticket.id}`} className="text-brand-700 underline">
                  {ticket.number}
                </Link>
              ),
              product: (
                <span className="flex flex-col">
                  <span>{nameIn(locale, ticket.unit.model)}</span>
                  <span className="font-mono text-xs break-all text-slate-600">{ticket.unit.serial}</span>
                </span>
              ),
              customer: <ContactSummary contact={ticket.customer} compact />,
              status: ts(`status.${ticket.status}`),
              shop: ticket.dealerStep ? t(`step.${ticket.dealerStep}`) : t("notYetAtShop"),
              created: format.dateTime(ticket.createdAt, { dateStyle: "medium" }),
            },
          }))}
        />
      </Card>
    </>
  );
}

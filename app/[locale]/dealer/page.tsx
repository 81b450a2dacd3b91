import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { BarChart } from "@/components/ui/bar-chart";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { dealerDashboard } from "@/lib/dealers/dashboard";
import { getOwnDealer } from "@/lib/dealers/profile";
import { inLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer"))("title") };
}

/** The dealer's dashboard (issue 13): its shop, sales and registration rate, open drop-offs, recalls. */
export default async function DealerHome({ params }: PageProps<"/[locale]/dealer">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer");
  const [dealer, dashboard, t, format, locale] = await Promise.all([
    getOwnDealer(user),
    dealerDashboard(user),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  if (!dealer || !dashboard) notFound();
  const notSet = <span className="text-slate-500">{t("common.notSet")}</span>;
  const percent = (part: number, whole: number) => (whole === 0 ? "—" : format.number(part / whole, { style: "percent" }));
  const monthLabel = (month: string) =>
    format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: "numeric", month: "short", timeZone: "UTC" });
  const { totals } = dashboard;
  return (
    <>
      <PageTitle lead={t("dealer.welcome", { dealer: dealer.name, name: user.name ?? user.email })}>{t("dealer.title")}</PageTitle>
      <div className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Card title={t("dealer.dashboard.sold")}>
            <p className="text-3xl font-bold tabular-nums">{format.number(totals.sold)}</p>
            <p className="text-sm text-slate-600">
              <Link href="/dealer/sales" className="text-brand-700 underline">
                {t("dealer.dashboard.toSales")}
              </Link>
            </p>
          </Card>
          <Card title={t("dealer.dashboard.registrationRate")}>
            <p className="text-3xl font-bold tabular-nums">{percent(totals.registered, totals.sold)}</p>
            <p className="text-sm text-slate-600">
              {t("dealer.dashboard.registeredOf", { registered: totals.registered, sold: totals.sold })}
            </p>
          </Card>
          <Card title={t("dealer.dashboard.openRepairs")}>
            <p className="text-3xl font-bold tabular-nums">{format.number(dashboard.openRepairs)}</p>
            <p className="text-sm text-slate-600">
              <Link href="/dealer/repairs" className="text-brand-700 underline">
                {t("dealer.dashboard.toRepairs")}
              </Link>
            </p>
          </Card>
          <Card title={t("dealer.dashboard.recallCompletion")}>
            <p className="text-3xl font-bold tabular-nums">{percent(dashboard.recallTotals.completed, dashboard.recallTotals.notified)}</p>
            <p className="text-sm text-slate-600">
              {t("dealer.dashboard.completedOf", {
                completed: dashboard.recallTotals.completed,
                notified: dashboard.recallTotals.notified,
              })}
            </p>
          </Card>
        </div>
        {totals.flagged > 0 && <Alert>{t("dealer.dashboard.flagged", { count: totals.flagged })}</Alert>}
        <Card title={t("dealer.dashboard.monthsTitle")}>
          {totals.sold === 0 ? (
            <p className="text-slate-700">
              {t("dealer.dashboard.noSales")}{" "}
              <Link href="/dealer/sales/import" className="text-brand-700 underline">
                {t("dealer.sales.importTitle")}
              </Link>
            </p>
          ) : (
            <BarChart
              title={t("dealer.dashboard.monthsTitle")}
              description={t("dealer.dashboard.monthsDescription", { sold: totals.sold, registered: totals.registered })}
              series={[
                { key: "sold", label: t("dealer.dashboard.seriesSold"), color: "#2563eb" },
                { key: "registered", label: t("dealer.dashboard.seriesRegistered"), color: "#059669" },
              ]}
              groups={dashboard.months.map((month) => ({
                label: monthLabel(month.month),
                shortLabel: format.dateTime(new Date(`${month.month}-01T00:00:00Z`), { month: "short", timeZone: "UTC" }),
                values: { sold: month.sold, registered: month.registered },
              }))}
              tableLabel={t("dealer.dashboard.showNumbers")}
              categoryHeader={t("dealer.dashboard.month")}
            />
          )}
        </Card>
        {dashboard.recalls.length > 0 && (
          <Card title={t("dealer.recalls.title")}>
            <ul className="space-y-2">
              {dashboard.recalls.map((recall) => (
                <li key={recall.campaignId}>
                  <Link href={`/dealer/recalls/${recall.campaignId}`} className="font-semibold text-brand-700 underline">
                    {recall.code} · {inLocale(locale, { ja: recall.titleJa, en: recall.titleEn })}
                  </Link>{" "}
                  <span className="text-sm text-slate-700">
                    {t("dealer.dashboard.completedOf", { completed: recall.completed, notified: recall.notified })}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title={t("dealer.infoTitle")}>
          <DescriptionList
            items={[
              { term: t("dealer.code"), value: dealer.code },
              { term: t("dealer.name"), value: dealer.name },
              { term: t("dealer.prefecture"), value: dealer.prefecture ?? notSet },
              { term: t("dealer.phone"), value: dealer.phone ?? notSet },
              { term: t("dealer.staffCount"), value: dealer._count.staff },
            ]}
          />
        </Card>
        <Alert>{t("dealer.privacyNote")}</Alert>
      </div>
    </>
  );
}

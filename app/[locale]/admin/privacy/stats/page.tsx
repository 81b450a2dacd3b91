import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrivacyAdminTabs } from "@/components/admin/privacy/privacy-admin-tabs";
import { PageTitle } from "@/components/page-title";
import { BarChart } from "@/components/ui/bar-chart";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { purposeName, purposesWithVersions } from "@/lib/consents/policies";
import { consentRates } from "@/lib/consents/stats";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyAdmin"))("statsTitle") };
}

const COLORS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0f766e", "#4d7c0f"];

/** Opt-in rate per optional purpose over the last 12 months (issue 14), as a chart and a table. */
export default async function ConsentStatsPage({ params }: PageProps<"/[locale]/admin/privacy/stats">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/privacy/stats");
  const [months, purposes, t, format] = await Promise.all([
    consentRates(),
    purposesWithVersions(),
    getTranslations("privacyAdmin"),
    getFormatter(),
  ]);
  const optional = purposes.filter((purpose) => !purpose.required);
  const rate = (agreeing: number, customers: number) => (customers === 0 ? 0 : Math.round((agreeing / customers) * 1000) / 10);
  const latest = months.at(-1);
  return (
    <>
      <PageTitle lead={t("statsLead")}>{t("statsTitle")}</PageTitle>
      <PrivacyAdminTabs current="stats" />
      <div className="space-y-6">
        <Card title={t("ratesTitle")}>
          <BarChart
            title={t("ratesTitle")}
            description={t("chartDescription")}
            tableLabel={t("showNumbers")}
            categoryHeader={t("columns.month")}
            series={optional.map((purpose, index) => ({
              key: purpose.id,
              label: purposeName(purpose, locale),
              color: COLORS[index % COLORS.length]!,
            }))}
            groups={months.map((month) => ({
              label: month.month,
              shortLabel: month.month.slice(5),
              values: Object.fromEntries(optional.map((purpose) => [purpose.id, rate(month.agreeing[purpose.id] ?? 0, month.customers)])),
            }))}
          />
        </Card>
        <Card title={t("nowTitle")}>
          <DataTable
            caption={t("nowTitle")}
            empty={t("empty")}
            columns={[
              { id: "purpose", header: t("columns.name"), className: "min-w-48" },
              { id: "agreeing", header: t("columns.active"), className: "text-right" },
              { id: "rate", header: t("columns.rate"), className: "text-right" },
            ]}
            rows={optional.map((purpose) => ({
              id: purpose.id,
              cells: {
                purpose: purposeName(purpose, locale),
                agreeing: format.number(latest?.agreeing[purpose.id] ?? 0),
                rate: `${format.number(rate(latest?.agreeing[purpose.id] ?? 0, latest?.customers ?? 0))}%`,
              },
            }))}
          />
          <p className="mt-3 text-sm text-slate-600">{t("customersNow", { count: latest?.customers ?? 0 })}</p>
        </Card>
      </div>
    </>
  );
}

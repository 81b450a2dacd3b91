import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { BarChart } from "@/components/ui/bar-chart";
import { Card } from "@/components/ui/card";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { DASHBOARD_DAYS, loadDeskDashboard } from "@/lib/repairs/dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repairs.dashboard"))("title") };
}

export default async function DeskDashboardPage({ params }: PageProps<"/[locale]/admin/repairs/dashboard">) {
  await enterLocale(params);
  await requireStaffPage("/admin/repairs/dashboard");
  const [dashboard, t, label, format] = await Promise.all([
    loadDeskDashboard(),
    getTranslations("repairs.dashboard"),
    getTranslations("repairs.staffLabels"),
    getFormatter(),
  ]);
  const { byStatus, breaches, medians, daily } = dashboard;
  // A duration as hours (one decimal) under two days, as days beyond: how the desk talks about it.
  const duration = (minutes: number | null) =>
    minutes === null
      ? t("noData")
      : minutes < 2880
        ? t("hours", { hours: format.number(minutes / 60, { maximumFractionDigits: 1 }) })
        : t("days", { days: format.number(minutes / 1440, { maximumFractionDigits: 1 }) });
  const openTotal = byStatus.reduce((sum, row) => sum + row.count, 0);
  const dayLabel = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: "UTC", month: "numeric", day: "numeric" });
  const dayLong = (date: string) =>
    format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: "UTC", month: "long", day: "numeric", weekday: "short" });
  const openedTotal = daily.reduce((sum, day) => sum + day.opened, 0);
  const closedTotal = daily.reduce((sum, day) => sum + day.closed, 0);
  return (
    <>
      <PageTitle lead={t("lead", { days: DASHBOARD_DAYS })}>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("openTitle", { count: openTotal })}>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {byStatus.map((row) => (
              <div key={row.status} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm text-slate-600">{label(`status.${row.status}`)}</dt>
                <dd className="text-2xl font-bold tabular-nums">{format.number(row.count)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("breachesTitle")}>
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t("breachedTickets")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{format.number(breaches.tickets)}</dd>
            </div>
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t("breachedFirstResponse")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{format.number(breaches.firstResponse)}</dd>
            </div>
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t("breachedResolution")}</dt>
              <dd className="text-2xl font-bold tabular-nums">{format.number(breaches.resolution)}</dd>
            </div>
          </dl>
          <p className="mt-3">
            <Link
              href={{ pathname: "/admin/repairs", query: { view: "breaching" } }}
              className="inline-flex min-h-11 items-center text-brand-700 underline"
            >
              {t("openBreaching")}
            </Link>
          </p>
        </Card>
        <Card title={t("mediansTitle", { days: DASHBOARD_DAYS })} className="lg:col-span-2">
          <dl className="grid gap-3 sm:grid-cols-2">
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t("medianFirstResponse")}</dt>
              <dd className="text-2xl font-bold">{duration(medians.firstResponseMinutes)}</dd>
              <dd className="text-sm text-slate-600">{t("basedOn", { count: medians.firstResponseCount })}</dd>
            </div>
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t("medianResolution")}</dt>
              <dd className="text-2xl font-bold">{duration(medians.resolutionMinutes)}</dd>
              <dd className="text-sm text-slate-600">{t("basedOn", { count: medians.resolutionCount })}</dd>
            </div>
          </dl>
          <p className="mt-2 text-sm text-slate-600">{t("mediansHint")}</p>
        </Card>
        <Card title={t("chartTitle", { days: DASHBOARD_DAYS })} className="lg:col-span-2">
          <BarChart
            title={t("chartTitle", { days: DASHBOARD_DAYS })}
            description={t("chartDescription", { days: DASHBOARD_DAYS, opened: openedTotal, closed: closedTotal })}
            series={[
              { key: "opened", label: t("opened"), color: "#2563eb" },
              { key: "closed", label: t("closed"), color: "#059669" },
            ]}
            groups={daily.map((day) => ({
              label: dayLong(day.date),
              shortLabel: dayLabel(day.date),
              values: { opened: day.opened, closed: day.closed },
            }))}
            tableLabel={t("chartTable")}
            categoryHeader={t("day")}
          />
        </Card>
      </div>
    </>
  );
}

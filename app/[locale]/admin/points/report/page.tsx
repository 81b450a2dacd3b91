import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table-scroll";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { liabilityReport } from "@/lib/points/liability";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("reportTitle") };
}

/** Finance's view of the program: what is owed, what it is worth, when it expires, and each month's movements. */
export default async function LiabilityPage({ params }: PageProps<"/[locale]/admin/points/report">) {
  await enterLocale(params);
  await requireStaffPage("/admin/points/report");
  const [report, t, format, locale] = await Promise.all([liabilityReport(), getTranslations("pointsAdmin"), getFormatter(), getLocale()]);
  const n = (value: number) => format.number(value);
  const month = (value: string) => format.dateTime(new Date(`${value}-15T00:00:00Z`), { year: "numeric", month: "long" });
  return (
    <>
      <PageTitle lead={t("reportLead")}>{t("reportTitle")}</PageTitle>
      <PointsAdminNav current="/admin/points/report" />
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Card title={t("report.outstandingTitle")}>
          <dl className="space-y-1 text-sm">
            {(
              [
                ["pending", report.pending],
                ["available", report.available],
                ["debt", report.debt],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex justify-between gap-2">
                <dt>{t(`report.${key}`)}</dt>
                <dd className="font-semibold tabular-nums" data-testid={`liability-${key}`}>
                  {n(value)}
                </dd>
              </div>
            ))}
            <div className="flex justify-between gap-2 border-t border-slate-200 pt-1">
              <dt>
                {t("report.value", {
                  rate: format.number(report.pointValueSen / 100, { style: "currency", currency: "JPY", maximumFractionDigits: 2 }),
                })}
              </dt>
              <dd className="font-semibold tabular-nums">{format.number(report.valueYen, { style: "currency", currency: "JPY" })}</dd>
            </div>
          </dl>
          <a href={`/api/points/liability?locale=${locale}`} className="mt-4 inline-block font-semibold text-brand-700 underline">
            {t("report.download")}
          </a>
        </Card>
        <Card title={t("report.expiringTitle")}>
          {report.expiring.length === 0 ? (
            <p className="text-slate-700">{t("report.expiringNone")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {report.expiring.map((row) => (
                <li key={row.month} className="flex justify-between gap-2">
                  <span>{month(row.month)}</span>
                  <span className="tabular-nums">{n(row.points)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <section aria-labelledby="movements" className="mt-8">
        <h2 id="movements" className="mb-3 text-lg font-semibold">
          {t("report.movementsTitle")}
        </h2>
        <TableScroll label={t("report.movementsTitle")}>
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("report.month")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("report.issued")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("report.redeemed")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("report.expired")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("report.adjusted")}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.months.map((m) => (
                <tr key={m.month} className="border-b border-slate-100" data-testid="liability-month">
                  <td className="py-2 pr-3">{month(m.month)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{n(m.issued)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{n(m.redeemed)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{n(m.expired)}</td>
                  <td className="py-2 text-right tabular-nums">{n(m.adjusted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}

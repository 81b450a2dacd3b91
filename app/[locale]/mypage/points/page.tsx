import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PointsChart } from "@/components/points/points-chart";
import { PointsHistoryTable } from "@/components/points/points-history";
import { TierCard } from "@/components/points/tier-card";
import { Card } from "@/components/ui/card";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { HISTORY_KINDS, monthlyMovements, pointsHistory, pointsSummary, type HistoryKind } from "@/lib/points/wallet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("points"))("title") };
}

/** The customer's points (issue 12): balance, pending, expiring, tier, a chart and the history. */
export default async function PointsPage({ params, searchParams }: PageProps<"/[locale]/mypage/points">) {
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("points.own");
  const query = await searchParams;
  const kind = HISTORY_KINDS.find((k) => k === query.kind) as HistoryKind | undefined;
  const beforeAt = typeof query.beforeAt === "string" ? new Date(query.beforeAt) : null;
  const before =
    beforeAt && !Number.isNaN(beforeAt.getTime()) && typeof query.beforeId === "string" ? { at: beforeAt, id: query.beforeId } : null;
  const [summary, history, months, t, format, locale] = await Promise.all([
    pointsSummary(user.id),
    pointsHistory(user.id, { kind, before }),
    monthlyMovements(user.id),
    getTranslations("points"),
    getFormatter(),
    getLocale(),
  ]);
  const last = history.rows.at(-1);
  const filterHref = (value: HistoryKind | null) => (value ? `/mypage/points?kind=${value}#history` : "/mypage/points#history");
  const monthLabel = (month: string) =>
    format.dateTime(new Date(`${month}-15T00:00:00Z`), { month: "short", ...(locale === "en" ? {} : {}) });
  const lastDay = (instant: Date) => format.dateTime(new Date(instant.getTime() - 1), { dateStyle: "long" });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <section aria-labelledby="points-balance" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="points-balance" className="text-lg font-semibold text-slate-900">
            {t("balanceTitle")}
          </h2>
          <p className="mt-2 text-4xl font-bold text-slate-900 tabular-nums" data-testid="points-available">
            {t("pointsValue", { points: summary.available })}
          </p>
          <p className="text-sm text-slate-700">{t("availableNote")}</p>
          <dl className="mt-4 space-y-2 text-sm">
            <div className="flex flex-wrap justify-between gap-2">
              <dt className="text-slate-700">{t("pending")}</dt>
              <dd className="font-semibold tabular-nums" data-testid="points-pending">
                {t("pointsValue", { points: summary.pending })}
              </dd>
            </div>
            {summary.debt > 0 && (
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-slate-700">{t("debt")}</dt>
                <dd className="font-semibold text-red-800 tabular-nums">{t("pointsValue", { points: summary.debt })}</dd>
              </div>
            )}
          </dl>
          {summary.nextRelease && (
            <p className="mt-1 text-sm text-slate-600">
              {t("nextRelease", { date: format.dateTime(summary.nextRelease, { dateStyle: "long" }) })}
            </p>
          )}
          {summary.held > 0 && <p className="mt-1 text-sm text-slate-600">{t("heldNote", { points: summary.held })}</p>}
          <h3 className="mt-5 text-sm font-semibold text-slate-900">{t("expiringTitle")}</h3>
          {summary.expiring.length === 0 ? (
            <p className="text-sm text-slate-700">{t("expiringNone")}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {summary.expiring.map((row) => (
                <li key={row.expiresAt.toISOString()} className="flex flex-wrap justify-between gap-2">
                  <span>{t("expiresAfter", { date: lastDay(row.expiresAt) })}</span>
                  <span className="font-semibold tabular-nums">{t("pointsValue", { points: row.points })}</span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/mypage/points/rewards" className="mt-5 inline-block font-semibold text-brand-700 underline">
            {t("toRewards")}
          </Link>
        </section>
        <TierCard tier={summary.tier} />
        <Card title={t("chartTitle")} className="min-w-0 lg:col-span-2">
          <PointsChart
            data={months.map((m) => ({ ...m, label: monthLabel(m.month) }))}
            labels={{ earned: t("earned"), spent: t("spent"), title: t("chartDescription") }}
          />
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer font-semibold text-brand-700">{t("chartNumbers")}</summary>
            <table className="mt-2 w-full text-left">
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {t("month")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("earned")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("spent")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <td className="py-1 pr-3">
                      {format.dateTime(new Date(`${m.month}-15T00:00:00Z`), { year: "numeric", month: "long" })}
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">{format.number(m.earned)}</td>
                    <td className="py-1 text-right tabular-nums">{format.number(m.spent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Card>
      </div>
      <section id="history" aria-labelledby="points-history" className="mt-8 scroll-mt-4">
        <h2 id="points-history" className="mb-3 text-lg font-semibold">
          {t("history.title")}
        </h2>
        <nav aria-label={t("history.filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
          {[null, ...HISTORY_KINDS].map((value) => (
            <Link
              key={value ?? "all"}
              href={filterHref(value)}
              aria-current={(value ?? undefined) === kind ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 font-semibold text-slate-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {t(`history.filters.${value ?? "all"}`)}
            </Link>
          ))}
        </nav>
        <PointsHistoryTable rows={history.rows} />
        {history.more && last && (
          <Link
            href={`/mypage/points?${new URLSearchParams({ ...(kind ? { kind } : {}), beforeAt: last.at.toISOString(), beforeId: last.id })}#history`}
            className="mt-4 inline-block font-semibold text-brand-700 underline"
          >
            {t("history.older")}
          </Link>
        )}
      </section>
    </>
  );
}

import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { PointsSummary } from "@/lib/points/wallet";

/** My Page: the customer's points at a glance (issue 12). */
export async function PointsCard({ summary }: { summary: PointsSummary }) {
  const [t, locale] = await Promise.all([getTranslations("points"), getLocale()]);
  const tier = summary.tier.current;
  return (
    <section aria-labelledby="points-card" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="points-card" className="mb-3 text-lg font-semibold text-slate-900">
        {t("cardTitle")}
      </h2>
      <p className="text-3xl font-bold tabular-nums">{t("pointsValue", { points: summary.available })}</p>
      <p className="text-sm text-slate-700">
        {t("cardPending", { points: summary.pending })}
        {tier && ` · ${t("cardTier", { tier: locale === "en" ? tier.nameEn : tier.nameJa })}`}
      </p>
      {summary.expiring[0] && (
        <p className="mt-1 text-sm text-amber-800">{t("cardExpiring", { points: summary.expiring.reduce((s, r) => s + r.points, 0) })}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm font-semibold">
        <Link href="/mypage/points" className="text-brand-700 underline">
          {t("cardOpen")}
        </Link>
        <Link href="/mypage/points/rewards" className="text-brand-700 underline">
          {t("toRewards")}
        </Link>
      </div>
    </section>
  );
}

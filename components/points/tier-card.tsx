import { getLocale, getTranslations } from "next-intl/server";
import type { TierStatus } from "@/lib/points/wallet";

/** The member's tier from points earned in 12 months, and how far the next one is. */
export async function TierCard({ tier }: { tier: TierStatus }) {
  const [t, locale] = await Promise.all([getTranslations("points"), getLocale()]);
  const name = (info: { nameJa: string; nameEn: string }) => (locale === "en" ? info.nameEn : info.nameJa);
  const benefits = tier.current ? (locale === "en" ? tier.current.benefitsEn : tier.current.benefitsJa) : "";
  const start = tier.current?.threshold ?? 0;
  const progress = tier.next ? Math.round(((tier.earned12m - start) / (tier.next.threshold - start)) * 100) : 100;
  return (
    <section aria-labelledby="points-tier" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="points-tier" className="text-lg font-semibold text-slate-900">
        {t("tierTitle")}
      </h2>
      <p className="mt-2 text-2xl font-bold text-slate-900" data-testid="points-tier">
        {tier.current ? name(tier.current) : t("tierNone")}
      </p>
      <p className="text-sm text-slate-700">{t("earned12m", { points: tier.earned12m })}</p>
      {tier.current && tier.current.bonusWarrantyMonths > 0 && (
        <p className="mt-2 text-sm text-slate-800">{t("tierWarranty", { months: tier.current.bonusWarrantyMonths })}</p>
      )}
      {benefits && <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{benefits}</p>}
      {tier.next && (
        <div className="mt-4">
          <div
            role="progressbar"
            aria-label={t("tierProgress", { tier: name(tier.next) })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-700" style={{ width: `${progress}%` }} />
          </div>
          <p className="mt-1 text-sm text-slate-700">{t("toNextTier", { points: tier.toNext, tier: name(tier.next) })}</p>
        </div>
      )}
    </section>
  );
}

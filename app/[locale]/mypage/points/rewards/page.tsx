import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { listOwnRedemptions, listRewardsFor } from "@/lib/points/rewards";
import { pointsSummary } from "@/lib/points/wallet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("points"))("rewardsTitle") };
}

/** The rewards catalog with what the customer can afford, and the rewards they already took. */
export default async function RewardsPage({ params }: PageProps<"/[locale]/mypage/points/rewards">) {
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("points.own");
  const [rewards, redemptions, summary, t, format, locale] = await Promise.all([
    listRewardsFor(user.id),
    listOwnRedemptions(user.id),
    pointsSummary(user.id),
    getTranslations("points"),
    getFormatter(),
    getLocale(),
  ]);
  const name = (r: { nameJa: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameJa);
  return (
    <>
      <PageTitle lead={t("rewardsLead", { points: summary.available })}>{t("rewardsTitle")}</PageTitle>
      {rewards.length === 0 ? (
        <Card className="max-w-2xl">
          <p className="text-slate-700">{t("noRewards")}</p>
        </Card>
      ) : (
        <ul className="grid min-w-0 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {rewards.map((reward) => {
            const affordable = reward.cost <= summary.available;
            const blocked = reward.soldOut ? t("soldOut") : reward.limitReached ? t("limitReachedShort") : null;
            return (
              <li key={reward.id} className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                {reward.imageFileId && (
                  /* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */
                  <img src={`/api/files/${reward.imageFileId}?variant=thumb`} alt="" className="mb-3 h-32 w-full rounded object-cover" />
                )}
                <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t(`rewardKind.${reward.kind}`)}</p>
                <h2 className="mt-1 text-base font-semibold text-slate-900 [overflow-wrap:anywhere]">{name(reward)}</h2>
                <p className="mt-1 line-clamp-3 text-sm text-slate-700">{locale === "en" ? reward.descriptionEn : reward.descriptionJa}</p>
                <p className="mt-3 text-lg font-bold tabular-nums">{t("pointsValue", { points: reward.cost })}</p>
                {reward.stock !== null && !reward.soldOut && (
                  <p className="text-xs text-slate-600">{t("stockLeft", { count: reward.stock })}</p>
                )}
                <div className="mt-auto pt-3">
                  {blocked ? (
                    <p className="text-sm font-semibold text-slate-600">{blocked}</p>
                  ) : affordable ? (
                    <Link href={`/mypage/points/rewards/${reward.id}`} className="font-semibold text-brand-700 underline">
                      {t("redeemThis", { reward: name(reward) })}
                    </Link>
                  ) : (
                    <p className="text-sm text-slate-700">{t("needMore", { points: reward.cost - summary.available })}</p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="my-rewards" className="mt-8 max-w-3xl">
        <h2 id="my-rewards" className="mb-3 text-lg font-semibold">
          {t("myRewardsTitle")}
        </h2>
        {redemptions.length === 0 ? (
          <p className="text-slate-700">{t("myRewardsNone")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {redemptions.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3 text-sm">
                <span className="font-semibold [overflow-wrap:anywhere]">{name(r.reward)}</span>
                <span className="text-slate-700">{format.dateTime(r.createdAt, { dateStyle: "medium" })}</span>
                {r.coupon && (
                  <span className="w-full">
                    {t("couponCode")}: <code className="rounded bg-slate-100 px-2 py-0.5 font-mono break-all">{r.coupon.code}</code>
                  </span>
                )}
                {r.reversedAt && <span className="w-full text-slate-600">{t("redemptionReversed")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

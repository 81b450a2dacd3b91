import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { RedeemForm } from "@/components/points/redeem-form";
import { Card } from "@/components/ui/card";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { isAppError } from "@/lib/errors";
import { enterLocale } from "@/lib/i18n/page";
import { getRewardFor, productsForPlan } from "@/lib/points/rewards";
import { pointsSummary } from "@/lib/points/wallet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("points"))("redeemTitle") };
}

/** One reward: what it is, what it costs, the balance after, and (for a warranty plan) which product. */
export default async function RedeemPage({ params }: PageProps<"/[locale]/mypage/points/rewards/[id]">) {
  const { id } = await params;
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("points.own");
  const reward = await getRewardFor(user.id, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [summary, products, t, locale] = await Promise.all([
    pointsSummary(user.id),
    reward.plan ? productsForPlan(user.id, reward.plan.modelId) : Promise.resolve([]),
    getTranslations("points"),
    getLocale(),
  ]);
  const name = (r: { nameJa: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameJa);
  return (
    <>
      <PageTitle lead={t(`rewardKind.${reward.kind}`)}>{name(reward)}</PageTitle>
      <Card className="max-w-2xl">
        <p className="whitespace-pre-line text-slate-800">{locale === "en" ? reward.descriptionEn : reward.descriptionJa}</p>
        <RedeemForm
          reward={{
            id: reward.id,
            name: name(reward),
            cost: reward.cost,
            kind: reward.kind,
            blocked: reward.soldOut || reward.limitReached,
          }}
          available={summary.available}
          products={products.map((p) => ({ id: p.id, label: `${name(p.unit.model)} (${p.unit.serial})` }))}
        />
      </Card>
    </>
  );
}

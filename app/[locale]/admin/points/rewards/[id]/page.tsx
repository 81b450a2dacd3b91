import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { RewardForm } from "@/components/admin/points/reward-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { getRewardForAdmin, planOptions } from "@/lib/points/rewards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("rewardTitle") };
}

export default async function RewardAdminPage({ params }: PageProps<"/[locale]/admin/points/rewards/[id]">) {
  const { id, locale } = await params;
  await enterLocale(params);
  await requireStaffPage("/admin/points/rewards/[id]");
  const reward = await getRewardForAdmin(id.slice(0, 40));
  if (!reward) notFound();
  const [t, plans] = await Promise.all([getTranslations("pointsAdmin"), planOptions(locale)]);
  return (
    <>
      <PageTitle>{locale === "en" ? reward.nameEn : reward.nameJa}</PageTitle>
      <PointsAdminNav current="/admin/points/rewards" />
      <Card className="max-w-3xl">
        <RewardForm
          plans={plans}
          defaults={{
            rewardId: reward.id,
            kind: reward.kind,
            nameJa: reward.nameJa,
            nameEn: reward.nameEn,
            descriptionJa: reward.descriptionJa,
            descriptionEn: reward.descriptionEn,
            cost: reward.cost,
            stock: reward.stock ?? "",
            stockSeen: reward.stock ?? "",
            perCustomerLimit: reward.perCustomerLimit ?? "",
            planId: reward.planId ?? "",
            imageFileId: reward.imageFileId ?? "",
            couponCodes: "",
            active: reward.active ? "yes" : "no",
          }}
        />
      </Card>
      <p className="mt-3 text-sm text-slate-600">{t("rewardHistoryNote")}</p>
    </>
  );
}

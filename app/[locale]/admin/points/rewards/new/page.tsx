import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { RewardForm } from "@/components/admin/points/reward-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { planOptions } from "@/lib/points/rewards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("newReward") };
}

export default async function NewRewardPage({ params }: PageProps<"/[locale]/admin/points/rewards/new">) {
  const { locale } = await params;
  await enterLocale(params);
  await requireStaffPage("/admin/points/rewards/new");
  const [t, plans] = await Promise.all([getTranslations("pointsAdmin"), planOptions(locale)]);
  return (
    <>
      <PageTitle>{t("newReward")}</PageTitle>
      <PointsAdminNav current="/admin/points/rewards" />
      <Card className="max-w-3xl">
        <RewardForm
          plans={plans}
          defaults={{
            rewardId: "",
            kind: "COUPON",
            nameJa: "",
            nameEn: "",
            descriptionJa: "",
            descriptionEn: "",
            cost: "" as never,
            stock: "",
            stockSeen: "",
            perCustomerLimit: "",
            planId: "",
            imageFileId: "",
            couponCodes: "",
            active: "yes",
          }}
        />
      </Card>
    </>
  );
}

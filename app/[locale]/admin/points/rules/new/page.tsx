import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { RuleForm } from "@/components/admin/points/rule-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("newCampaign") };
}

/** A new campaign: extra points for registrations while it runs, optionally for one category. */
export default async function NewCampaignPage({ params }: PageProps<"/[locale]/admin/points/rules/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/points/rules/new");
  const t = await getTranslations("pointsAdmin");
  return (
    <>
      <PageTitle lead={t("newCampaignLead")}>{t("newCampaign")}</PageTitle>
      <PointsAdminNav current="/admin/points/rules" />
      <Card className="max-w-3xl">
        <RuleForm
          campaign
          defaults={{
            ruleId: "",
            nameJa: "",
            nameEn: "",
            active: "yes",
            points: 100,
            pendingDays: 14,
            expiryMonths: 12,
            startsOn: "",
            endsOn: "",
            category: "",
            capPerCustomer: "",
            capTotal: "",
            note: "",
          }}
        />
      </Card>
    </>
  );
}

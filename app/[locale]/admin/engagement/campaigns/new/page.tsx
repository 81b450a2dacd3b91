import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/admin/engagement/campaign-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { campaignChoices } from "@/lib/campaigns/choices";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.campaigns"))("new") };
}

export default async function NewCampaignPage({ params }: PageProps<"/[locale]/admin/engagement/campaigns/new">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/campaigns/new");
  const [choices, t] = await Promise.all([campaignChoices(locale), getTranslations("engagement")]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement" className="text-brand-700 underline">
          ← {t("campaigns.title")}
        </Link>
      </p>
      <PageTitle lead={t("campaigns.newLead")}>{t("campaigns.new")}</PageTitle>
      <Card className="max-w-4xl">
        {choices.segments.length === 0 ? (
          <p>
            {t("campaigns.noSegments")}{" "}
            <Link href="/admin/engagement/segments/new" className="text-brand-700 underline">
              {t("segments.new")}
            </Link>
          </p>
        ) : (
          <CampaignForm {...choices} />
        )}
      </Card>
    </>
  );
}

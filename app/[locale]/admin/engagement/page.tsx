import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EngagementTabs } from "@/components/admin/engagement/engagement-tabs";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { listCampaigns } from "@/lib/campaigns/campaigns";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.campaigns"))("title") };
}

/** "Know the owners" opens on its campaigns (issue 15): drafts, scheduled, sent. */
export default async function CampaignsPage({ params }: PageProps<"/[locale]/admin/engagement">) {
  await enterLocale(params);
  await requireStaffPage("/admin/engagement");
  const [campaigns, t, format] = await Promise.all([listCampaigns(), getTranslations("engagement"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("campaigns.lead")}>{t("title")}</PageTitle>
      <EngagementTabs current="campaigns" />
      <Card title={t("campaigns.title")}>
        <p className="mb-4">
          <Link href="/admin/engagement/campaigns/new" className="text-brand-700 underline">
            {t("campaigns.new")}
          </Link>
        </p>
        <DataTable
          caption={t("campaigns.title")}
          empty={t("campaigns.empty")}
          columns={[
            { id: "name", header: t("campaigns.columns.name"), className: "min-w-48" },
            { id: "segment", header: t("campaigns.columns.segment") },
            { id: "status", header: t("campaigns.columns.status"), className: "whitespace-nowrap" },
            { id: "when", header: t("campaigns.columns.when"), className: "whitespace-nowrap" },
            { id: "notices", header: t("campaigns.columns.notices"), className: "text-right" },
          ]}
          rows={campaigns.map((campaign) => ({
            id: campaign.id,
            cells: {
              name: (
                <Link href={`/admin/engagement/campaigns/${campaign.id}`} className="text-brand-700 underline">
                  {campaign.name}
                </Link>
              ),
              segment: campaign.segment.name,
              status: t(`campaigns.status.${campaign.status}`),
              when: campaign.scheduledAt ? format.dateTime(campaign.scheduledAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
              notices: format.number(campaign._count.notices),
            },
          }))}
        />
      </Card>
    </>
  );
}

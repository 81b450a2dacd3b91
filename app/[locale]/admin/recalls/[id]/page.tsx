import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CompleteRecallForm, PublishRecallButton } from "@/components/admin/recall-controls";
import { RecallFigures } from "@/components/admin/recall-figures";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { requireArea, requirePagePermission } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { getRecallCampaign } from "@/lib/recalls/campaigns";
import { inLocale } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recallsAdmin"))("title") };
}

export default async function RecallPage({ params }: PageProps<"/[locale]/admin/recalls/[id]">) {
  await enterLocale(params);
  const user = await requireArea("staff");
  await requirePagePermission(user, "recalls.manage");
  const { id } = await params;
  const campaign = await getRecallCampaign(id);
  if (!campaign) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("recallsAdmin"), getFormatter(), getLocale()]);
  return (
    <>
      <PageTitle lead={`${campaign.modelCode} · ${t(`status.${campaign.status}`)}`}>{`${campaign.code}: ${inLocale(locale, campaign.title)}`}</PageTitle>
      <div className="space-y-6">
        <Card title={t("figures")}>
          <RecallFigures summary={campaign} />
          <div className="mt-4">
            {campaign.status === "DRAFT" ? (
              <PublishRecallButton campaignId={campaign.id} owners={campaign.registeredUnits} />
            ) : (
              <div className="space-y-4">
                {campaign.unsent > 0 && (
                  <div className="space-y-2">
                    <p className="text-sm text-red-800">{t("unsent", { count: campaign.unsent })}</p>
                    <PublishRecallButton campaignId={campaign.id} owners={campaign.unsent} retry />
                  </div>
                )}
                <CompleteRecallForm campaignId={campaign.id} />
              </div>
            )}
          </div>
        </Card>
        <Card title={t("details")}>
          <DescriptionList
            items={[
              { term: t("serialFrom"), value: <span className="font-mono">{campaign.serialFrom ?? "—"}</span> },
              { term: t("serialTo"), value: <span className="font-mono">{campaign.serialTo ?? "—"}</span> },
              { term: t("lots"), value: campaign.lots.join(", ") || "—" },
              { term: t("publishedAt"), value: campaign.publishedAt ? format.dateTime(campaign.publishedAt, { dateStyle: "long", timeStyle: "short" }) : "—" },
              { term: t("titleJa"), value: <span lang="ja">{campaign.title.ja}</span> },
              { term: t("titleEn"), value: <span lang="en">{campaign.title.en}</span> },
              { term: t("messageJa"), value: <span lang="ja" className="whitespace-pre-line">{campaign.message.ja}</span> },
              { term: t("messageEn"), value: <span lang="en" className="whitespace-pre-line">{campaign.message.en}</span> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}

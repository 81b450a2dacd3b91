import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CompleteRecallForm, DeleteRecallDraftButton, PublishRecallButton } from "@/components/admin/recall-controls";
import { RecallForm } from "@/components/admin/recall-form";
import { RecallFigures } from "@/components/admin/recall-figures";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { enterLocale } from "@/lib/i18n/page";
import { listModels } from "@/lib/catalog/models";
import { getRecallCampaign } from "@/lib/recalls/campaigns";
import { inLocale, nameIn } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recallsAdmin"))("title") };
}

export default async function RecallPage({ params }: PageProps<"/[locale]/admin/recalls/[id]">) {
  await enterLocale(params);
  await requireStaffPage("/admin/recalls/[id]");
  const { id } = await params;
  const campaign = await getRecallCampaign(id);
  if (!campaign) notFound();
  const draft = campaign.status === "DRAFT";
  const [t, format, locale, models] = await Promise.all([
    getTranslations("recallsAdmin"),
    getFormatter(),
    getLocale(),
    draft ? listModels() : [],
  ]);
  return (
    <>
      <PageTitle
        lead={`${campaign.modelCode} · ${t(`status.${campaign.status}`)}`}
      >{`${campaign.code}: ${inLocale(locale, campaign.title)}`}</PageTitle>
      <div className="space-y-6">
        <Card title={t("figures")}>
          <RecallFigures summary={campaign} />
          <div className="mt-4">
            {draft ? (
              <div className="flex flex-wrap gap-2">
                <PublishRecallButton campaignId={campaign.id} owners={campaign.registeredUnits} version={campaign.version} />
                <DeleteRecallDraftButton campaignId={campaign.id} code={campaign.code} />
              </div>
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
        {draft ? (
          // A draft is edited in place with the form that created it; published campaigns are read-only.
          <Card title={t("editTitle")} className="max-w-4xl">
            <RecallForm
              models={models.map((model) => ({ code: model.code, name: nameIn(locale, model) }))}
              draft={{
                campaignId: campaign.id,
                code: campaign.code,
                modelCode: campaign.modelCode,
                serialFrom: campaign.serialFrom ?? "",
                serialTo: campaign.serialTo ?? "",
                lots: campaign.lots.join(", "),
                titleJa: campaign.title.ja,
                titleEn: campaign.title.en,
                messageJa: campaign.message.ja,
                messageEn: campaign.message.en,
              }}
            />
          </Card>
        ) : (
          <Card title={t("details")}>
            <DescriptionList
              items={[
                { term: t("serialFrom"), value: <span className="font-mono">{campaign.serialFrom ?? "—"}</span> },
                { term: t("serialTo"), value: <span className="font-mono">{campaign.serialTo ?? "—"}</span> },
                { term: t("lots"), value: campaign.lots.join(", ") || "—" },
                {
                  term: t("publishedAt"),
                  value: campaign.publishedAt ? format.dateTime(campaign.publishedAt, { dateStyle: "long", timeStyle: "short" }) : "—",
                },
                { term: t("titleJa"), value: <span lang="ja">{campaign.title.ja}</span> },
                { term: t("titleEn"), value: <span lang="en">{campaign.title.en}</span> },
                {
                  term: t("messageJa"),
                  value: (
                    <span lang="ja" className="whitespace-pre-line">
                      {campaign.message.ja}
                    </span>
                  ),
                },
                {
                  term: t("messageEn"),
                  value: (
                    <span lang="en" className="whitespace-pre-line">
                      {campaign.message.en}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </div>
    </>
  );
}

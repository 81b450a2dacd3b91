import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/admin/engagement/campaign-form";
import { CampaignSendPanel, CancelCampaignButton } from "@/components/admin/engagement/campaign-send-panel";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { campaignAudience, campaignEmail, campaignResults, getCampaign } from "@/lib/campaigns/campaigns";
import { campaignChoices } from "@/lib/campaigns/choices";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.campaigns"))("title") };
}

/**
 * One campaign. A draft: who it reaches and who not (and why), the email in both languages as
 * customers will see it, a test send, then send now or at a time. Once sent: what happened.
 */
export default async function CampaignPage({ params }: PageProps<"/[locale]/admin/engagement/campaigns/[id]">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/campaigns/[id]");
  const { id } = await params;
  const campaign = id.length <= 40 ? await getCampaign(id) : null;
  if (!campaign) notFound();
  const draft = campaign.status === "DRAFT";
  const [t, format, audience, results, previews, choices] = await Promise.all([
    getTranslations("engagement.campaigns"),
    getFormatter(),
    draft ? campaignAudience(campaign) : null,
    draft ? null : campaignResults(campaign.id),
    Promise.all([campaignEmail(campaign, "ja"), campaignEmail(campaign, "en")]),
    draft ? campaignChoices(locale) : null,
  ]);
  const number = (value: number) => format.number(value);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={`${t(`status.${campaign.status}`)} · ${t("toSegment", { segment: campaign.segment.name })}`}>
        {campaign.name}
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        {audience && (
          <Card title={t("audienceTitle")}>
            <DescriptionList
              items={[
                { term: t("audience.segment"), value: number(audience.segment) },
                { term: t("audience.noConsent"), value: number(audience.noConsent) },
                { term: t("audience.emailOff"), value: number(audience.emailOff) },
                { term: t("audience.email"), value: <strong data-testid="reach-email">{number(audience.email)}</strong> },
                { term: t("audience.notice"), value: <strong data-testid="reach-notice">{number(audience.notice)}</strong> },
              ]}
            />
            <p className="mt-3 text-sm text-slate-600">{t("audienceNote")}</p>
          </Card>
        )}
        {audience && (
          <Card title={t("sendTitle")}>
            {campaign.segment.archivedAt ? (
              <Alert tone="error">{t("segmentArchived")}</Alert>
            ) : (
              <CampaignSendPanel campaignId={campaign.id} reach={{ email: audience.email, notice: audience.notice }} />
            )}
          </Card>
        )}
        {results && (
          <Card title={t("resultsTitle")} className="lg:col-span-2">
            <DescriptionList
              items={[
                {
                  term: t("results.scheduledAt"),
                  value: campaign.scheduledAt ? format.dateTime(campaign.scheduledAt, { dateStyle: "long", timeStyle: "short" }) : "—",
                },
                { term: t("results.reached"), value: number(results.reached) },
                { term: t("results.excluded"), value: number(results.excluded) },
                { term: t("results.emailsSent"), value: <span data-testid="emails-sent">{number(results.emailsSent)}</span> },
                { term: t("results.emailsWaiting"), value: number(results.emailsWaiting) },
                { term: t("results.emailSkipped"), value: number(results.emailSkipped) },
                { term: t("results.notices"), value: number(results.notices) },
                { term: t("results.noticesOpened"), value: number(results.noticesOpened) },
                { term: t("results.clicked"), value: number(results.clicked) },
                { term: t("results.unsubscribed"), value: number(results.unsubscribed) },
              ]}
            />
            {["SCHEDULED", "SENDING"].includes(campaign.status) || (campaign.status === "SENT" && results.emailsWaiting > 0) ? (
              <div className="mt-4">
                <CancelCampaignButton campaignId={campaign.id} />
              </div>
            ) : null}
          </Card>
        )}
        <Card title={t("previewTitle")} className="lg:col-span-2">
          <div className="grid gap-4 lg:grid-cols-2">
            {(["ja", "en"] as const).map((language, index) => (
              <figure key={language} className="min-w-0">
                <figcaption className="mb-1 text-sm font-semibold">
                  {t(`preview.${language}`)}: {previews[index]!.subject}
                </figcaption>
                <iframe
                  title={t(`preview.${language}`)}
                  sandbox=""
                  srcDoc={previews[index]!.html}
                  className="h-[28rem] w-full rounded-md border border-slate-300 bg-white"
                />
              </figure>
            ))}
          </div>
        </Card>
        {draft && choices && (
          <Card title={t("editTitle")} className="lg:col-span-2">
            <CampaignForm
              {...choices}
              saved={{
                campaignId: campaign.id,
                name: campaign.name,
                segmentId: campaign.segmentId,
                purposeId: campaign.purposeId,
                sendEmail: campaign.sendEmail,
                sendNotice: campaign.sendNotice,
                subjectJa: campaign.subjectJa,
                subjectEn: campaign.subjectEn,
                bodyJa: campaign.bodyJa,
                bodyEn: campaign.bodyEn,
                linkUrl: campaign.linkUrl ?? "",
                linkLabelJa: campaign.linkLabelJa ?? "",
                linkLabelEn: campaign.linkLabelEn ?? "",
                surveyId: campaign.surveyId ?? "",
              }}
            />
          </Card>
        )}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { noticeTitle, openNotice } from "@/lib/notices/inbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notices"))("title") };
}

/** One notice, marked read on opening (campaigns count it); its button goes through the click counter. */
export default async function NoticePage({ params }: PageProps<"/[locale]/mypage/notices/[id]">) {
  const locale = await enterLocale(params);
  const user = await requireArea("mypage");
  const { id } = await params;
  const notice = id.length <= 60 ? await openNotice(user, id) : null;
  if (!notice) notFound();
  const [t, format] = await Promise.all([getTranslations("notices"), getFormatter()]);
  const en = locale === "en";
  const recipient = notice.campaignId
    ? await db.campaignRecipient.findUnique({
        where: { campaignId_userId: { campaignId: notice.campaignId, userId: user.id } },
        select: { token: true },
      })
    : null;
  const body = notice.campaign
    ? en
      ? notice.campaign.bodyEn
      : notice.campaign.bodyJa
    : notice.survey
      ? en
        ? notice.survey.introEn
        : notice.survey.introJa
      : null;
  const surveyId = notice.survey?.id ?? notice.campaign?.surveyId ?? null;
  const linkLabel = notice.campaign?.linkUrl ? (en ? notice.campaign.linkLabelEn : notice.campaign.linkLabelJa) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/mypage/notices" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={`${t(`kinds.${notice.kind}`)} · ${format.dateTime(notice.createdAt, { dateStyle: "long" })}`}>
        {noticeTitle(notice, locale)}
      </PageTitle>
      <Card className="max-w-3xl space-y-4">
        {body && <div className="leading-relaxed whitespace-pre-line [overflow-wrap:anywhere]">{body}</div>}
        {notice.recallNotice && (
          <p>
            <Link href={`/mypage/recalls/${notice.recallNotice.id}`} className="font-semibold text-brand-700 underline">
              {t("openRecall")}
            </Link>
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          {linkLabel && recipient && (
            <Button asChild>
              <a href={`/api/campaigns/click/${recipient.token}`}>{linkLabel}</a>
            </Button>
          )}
          {surveyId && (
            <Button asChild variant={linkLabel ? "secondary" : "primary"}>
              <Link href={`/mypage/surveys/${surveyId}`}>{t("answerSurvey")}</Link>
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}

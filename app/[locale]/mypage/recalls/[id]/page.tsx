import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { AcknowledgeRecallButton } from "@/components/products/acknowledge-recall-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { getOwnRecallNotice } from "@/lib/recalls/notices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recalls"))("noticeTitle") };
}

export default async function RecallNoticePage({ params }: PageProps<"/[locale]/mypage/recalls/[id]">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const { id } = await params;
  const notice = await getOwnRecallNotice(user.id, id);
  if (!notice) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("recalls"), getFormatter(), getLocale()]);
  return (
    <>
      <PageTitle lead={`${nameIn(locale, notice.model)} · ${notice.serial}`}>{inLocale(locale, notice.title)}</PageTitle>
      <Card className="max-w-3xl">
        <p className="mb-2 text-sm text-slate-600">{t("notifiedOn", { date: format.dateTime(notice.notifiedAt, { dateStyle: "long" }) })}</p>
        <div className="mb-4 whitespace-pre-line text-slate-900">{inLocale(locale, notice.message)}</div>
        {notice.completedAt ? (
          <Alert tone="success">{t("completedOn", { date: format.dateTime(notice.completedAt, { dateStyle: "long" }) })}</Alert>
        ) : notice.acknowledgedAt ? (
          <Alert>{t("acknowledgedOn", { date: format.dateTime(notice.acknowledgedAt, { dateStyle: "long" }) })}</Alert>
        ) : (
          <AcknowledgeRecallButton noticeId={notice.id} />
        )}
      </Card>
    </>
  );
}

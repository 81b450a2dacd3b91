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
import { Link } from "@/lib/i18n/navigation";
import { getOwnRecallNotice } from "@/lib/recalls/notices";
import { supportContact } from "@/lib/support/contact";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recalls"))("noticeTitle") };
}

export default async function RecallNoticePage({ params }: PageProps<"/[locale]/mypage/recalls/[id]">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const { id } = await params;
  const notice = await getOwnRecallNotice(user, id);
  if (!notice) notFound();
  const [t, repairs, format, locale] = await Promise.all([
    getTranslations("recalls"),
    getTranslations("repairs"),
    getFormatter(),
    getLocale(),
  ]);
  const contact = supportContact();
  return (
    <>
      <PageTitle lead={`${nameIn(locale, notice.model)} · ${notice.serial}`}>{inLocale(locale, notice.title)}</PageTitle>
      <div className="grid max-w-3xl gap-6">
        <Card>
          <p className="mb-2 text-sm text-slate-600">
            {t("notifiedOn", { date: format.dateTime(notice.notifiedAt, { dateStyle: "long" }) })}
          </p>
          <div className="mb-4 whitespace-pre-line text-slate-900 [unicode-bidi:isolate]">{inLocale(locale, notice.message)}</div>
          {notice.ownershipId && (
            <Link href={`/mypage/products/${notice.ownershipId}`} className="font-semibold text-brand-700 underline">
              {t("openProduct", { product: nameIn(locale, notice.model) })}
            </Link>
          )}
        </Card>
        {notice.completedAt ? (
          <Alert tone="success">{t("completedOn", { date: format.dateTime(notice.completedAt, { dateStyle: "long" }) })}</Alert>
        ) : (
          <section aria-labelledby="recall-what-to-do" className="rounded-lg border-2 border-red-300 bg-red-50 p-4 text-red-950 sm:p-6">
            <h2 id="recall-what-to-do" className="mb-3 text-lg font-semibold">
              {t("whatToDoTitle")}
            </h2>
            <ol className="list-decimal space-y-2 pl-5">
              <li>{t("stepFollow")}</li>
              <li>
                {t("stepContact")}
                <ul className="mt-2 space-y-1">
                  {contact.phone && (
                    <li>
                      {t("phone")}{" "}
                      <a href={`tel:${contact.phone.replace(/[\s-]/g, "")}`} className="font-semibold underline">
                        {contact.phone}
                      </a>
                    </li>
                  )}
                  {contact.email && (
                    <li>
                      {t("email")}{" "}
                      <a
                        href={`mailto:${contact.email}?subject=${encodeURIComponent(`${notice.code} ${notice.serial}`)}`}
                        className="font-semibold underline"
                      >
                        {contact.email}
                      </a>
                    </li>
                  )}
                  {!contact.phone && !contact.email && <li>{t("contactFallback")}</li>}
                </ul>
              </li>
              <li>{t("stepQuote", { code: notice.code, serial: notice.serial })}</li>
            </ol>
            {notice.ownershipId && (
              <div className="mt-4 border-t border-red-200 pt-4">
                <p className="mb-2 text-sm">{repairs("requestRecallRepairLead")}</p>
                <Link
                  href={{ pathname: "/mypage/repairs/new", query: { product: notice.ownershipId } }}
                  className="inline-flex min-h-11 items-center rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
                >
                  {repairs("requestRecallRepair")}
                </Link>
              </div>
            )}
            <div className="mt-4 border-t border-red-200 pt-4">
              {notice.acknowledgedAt ? (
                <p>{t("acknowledgedOn", { date: format.dateTime(notice.acknowledgedAt, { dateStyle: "long" }) })}</p>
              ) : (
                <>
                  <p className="mb-2 text-sm">{t("acknowledgeLead")}</p>
                  <AcknowledgeRecallButton noticeId={notice.id} />
                </>
              )}
            </div>
          </section>
        )}
      </div>
    </>
  );
}

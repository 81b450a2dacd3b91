import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { TabLinks } from "@/components/ui/tab-links";
import { requireArea } from "@/lib/auth/permissions.server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { listMyNotices, noticeTitle } from "@/lib/notices/inbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notices"))("title") };
}

/** The notices inbox (issue 15): campaigns, recall notices and survey invitations, unread first marked. */
export default async function NoticesPage({ params, searchParams }: PageProps<"/[locale]/mypage/notices">) {
  const locale = await enterLocale(params);
  const user = await requireArea("mypage");
  const unreadOnly = (await searchParams).show === "unread";
  const [notices, t, format] = await Promise.all([listMyNotices(user, { unreadOnly }), getTranslations("notices"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <TabLinks
        label={t("filter")}
        tabs={[
          { key: "all", href: "/mypage/notices", label: t("all"), current: !unreadOnly },
          { key: "unread", href: { pathname: "/mypage/notices", query: { show: "unread" } }, label: t("unread"), current: unreadOnly },
        ]}
      />
      <Card>
        {notices.length === 0 ? (
          <p className="text-slate-700">{unreadOnly ? t("noUnread") : t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {notices.map((notice) => (
              <li key={notice.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-3">
                <span
                  className={`mt-1 inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${
                    notice.kind === "RECALL"
                      ? "bg-red-100 text-red-900"
                      : notice.kind === "SURVEY"
                        ? "bg-amber-100 text-amber-900"
                        : "bg-brand-50 text-brand-800"
                  }`}
                >
                  {t(`kinds.${notice.kind}`)}
                </span>
                <div className="min-w-0 flex-1">
                  <Link href={`/mypage/notices/${notice.id}`} className={`text-brand-700 underline ${notice.readAt ? "" : "font-bold"}`}>
                    {noticeTitle(notice, locale)}
                  </Link>
                  {!notice.readAt && <span className="ml-2 text-xs font-semibold text-red-700">{t("new")}</span>}
                  <p className="text-sm text-slate-600">{format.dateTime(notice.createdAt, { dateStyle: "medium" })}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

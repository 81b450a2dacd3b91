import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SecurityEventsTable } from "@/components/account/security-events-table";
import { Link } from "@/lib/i18n/navigation";
import { DescriptionList } from "@/components/ui/description-list";
import { listOwnSecurityEvents } from "@/lib/audit/queries";
import { requireArea } from "@/lib/auth/permissions.server";
import { getOwnAccount } from "@/lib/account/profile";
import { listOwnRecallNotices } from "@/lib/recalls/notices";
import { inLocale } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mypage"))("title") };
}

export default async function MyPage({ params }: PageProps<"/[locale]/mypage">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [profile, events, t, format, openRecalls, locale] = await Promise.all([
    getOwnAccount(user.id),
    listOwnSecurityEvents(user.id, 5),
    getTranslations(),
    getFormatter(),
    listOwnRecallNotices(user.id, { open: true }),
    getLocale(),
  ]);
  const notSet = <span className="text-slate-500">{t("common.notSet")}</span>;

  return (
    <>
      <PageTitle>{profile.name ? t("mypage.welcome", { name: profile.name }) : t("mypage.welcomeNoName")}</PageTitle>
      {openRecalls.length > 0 && (
        <section aria-labelledby="recall-notices" className="mb-6 rounded-md border-2 border-red-300 bg-red-50 p-4 text-red-950">
          <h2 id="recall-notices" className="font-semibold">{t("recalls.mypageTitle")}</h2>
          <ul className="mt-2 space-y-1">
            {openRecalls.map((notice) => (
              <li key={notice.id}>
                <Link href={`/mypage/recalls/${notice.id}`} className="font-semibold underline">
                  {inLocale(locale, notice.title)}
                </Link>{" "}
                ({notice.serial})
              </li>
            ))}
          </ul>
        </section>
      )}
      {!profile.emailVerified && (
        <div className="mb-6">
          <Alert>
            <p>{t("mypage.unverified", { email: profile.email })}</p>
            <Link href="/account" className="mt-1 inline-block font-semibold underline">
              {t("mypage.unverifiedAction")}
            </Link>
          </Alert>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("products.listTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("products.mypageLead")}</p>
          <div className="flex flex-wrap gap-3 text-sm font-semibold">
            <Link href="/mypage/products" className="text-brand-700 underline">{t("products.listTitle")}</Link>
            <Link href="/mypage/products/register" className="text-brand-700 underline">{t("products.registerTitle")}</Link>
          </div>
        </Card>
        <Card title={t("mypage.profileTitle")}>
          <DescriptionList
            items={[
              { term: t("mypage.name"), value: profile.name ?? notSet },
              { term: t("mypage.nameKana"), value: profile.nameKana ?? notSet },
              { term: t("mypage.email"), value: profile.email },
              { term: t("mypage.phone"), value: profile.phone ?? notSet },
              { term: t("mypage.memberSince"), value: format.dateTime(profile.createdAt, { dateStyle: "long" }) },
            ]}
          />
          <Link href="/account" className="mt-3 inline-block text-sm font-semibold text-brand-700 underline">
            {t("mypage.editProfile")}
          </Link>
        </Card>
        <Card title={t("mypage.securityTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("mypage.securityLead")}</p>
          <SecurityEventsTable events={events} />
          <Link href="/account/activity" className="mt-3 inline-block text-sm font-semibold text-brand-700 underline">
            {t("mypage.allActivity")}
          </Link>
        </Card>
      </div>
    </>
  );
}

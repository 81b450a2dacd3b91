import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { DescriptionList } from "@/components/ui/description-list";
import { listOwnSecurityEvents } from "@/lib/audit/queries";
import { requireArea } from "@/lib/auth/permissions.server";
import { getOwnProfile } from "@/lib/users/profile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mypage"))("title") };
}

export default async function MyPage({ params }: PageProps<"/[locale]/mypage">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [profile, events, t, format] = await Promise.all([
    getOwnProfile(user.id),
    listOwnSecurityEvents(user.id),
    getTranslations(),
    getFormatter(),
  ]);
  const notSet = <span className="text-slate-500">{t("common.notSet")}</span>;
  const eventLabel = (action: string, outcome: string) =>
    action === "auth.sign_out"
      ? t("mypage.eventSignOut")
      : outcome === "SUCCESS"
        ? t("mypage.eventSignIn")
        : t("mypage.eventSignInFailed");

  return (
    <>
      <PageTitle>{profile.name ? t("mypage.welcome", { name: profile.name }) : t("mypage.welcomeNoName")}</PageTitle>
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
        </Card>
        <Card title={t("mypage.securityTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("mypage.securityLead")}</p>
          {events.length === 0 ? (
            <p className="text-slate-600">{t("mypage.securityEmpty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("mypage.eventAt")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("mypage.eventWhat")}</th>
                    <th scope="col" className="py-1 font-medium">{t("mypage.eventFrom")}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event) => (
                    <tr key={String(event.id)} className="border-t border-slate-100">
                      <td className="py-1 pr-3 whitespace-nowrap">
                        {format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}
                      </td>
                      <td className="py-1 pr-3">{eventLabel(event.action, event.outcome)}</td>
                      <td className="py-1 font-mono">{event.ipAddress ?? t("mypage.unknownSource")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

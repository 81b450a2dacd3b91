import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
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
import { listOwnProducts } from "@/lib/products/my-products";
import { listOwnRecallNotices } from "@/lib/recalls/notices";
import { NoticesCard } from "@/components/mypage/notices-card";
import { ProductsCard } from "@/components/mypage/products-card";
import { RepairsCard } from "@/components/mypage/repairs-card";
import { listOwnTickets } from "@/lib/repairs/requests";
import { PointsCard } from "@/components/mypage/points-card";
import { pointsSummary } from "@/lib/points/wallet";
import { unreadDealerMessages } from "@/lib/dealers/recalls";
import { ProfilePrompt } from "@/components/profiling/profile-prompt";
import { promptFor } from "@/lib/profiling/prompts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mypage"))("title") };
}

export default async function MyPage({ params }: PageProps<"/[locale]/mypage">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [profile, events, t, format, products, notices, repairs, points, unreadMessages, prompt] = await Promise.all([
    getOwnAccount(user.id),
    listOwnSecurityEvents(user.id, 5),
    getTranslations(),
    getFormatter(),
    listOwnProducts(user),
    listOwnRecallNotices(user, { unresolved: true }),
    listOwnTickets(user.id),
    pointsSummary(user.id),
    unreadDealerMessages(user),
    promptFor(user.id, "MYPAGE"),
  ]);
  const notSet = <span className="text-slate-500">{t("common.notSet")}</span>;

  // A dashboard of cards, most urgent first: safety notices, then products with their warranty.
  // Later features (messages, points) each add one card to the grid; none is shown before the
  // feature exists. Repairs show once there is a product to repair or a request to follow.
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
      {prompt && (
        <div className="mb-6">
          <ProfilePrompt prompt={prompt} />
        </div>
      )}
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        {notices.length > 0 && (
          <div className="min-w-0 lg:col-span-2">
            <NoticesCard notices={notices} />
          </div>
        )}
        {unreadMessages > 0 && (
          <div className="min-w-0 lg:col-span-2">
            <Alert>
              <Link href="/mypage/messages" className="font-semibold underline">
                {t("mypage.dealerMessages", { count: unreadMessages })}
              </Link>
            </Alert>
          </div>
        )}
        <ProductsCard products={products} notices={notices} />
        {(products.length > 0 || repairs.open.length + repairs.past.length > 0) && (
          <RepairsCard open={repairs.open} total={repairs.open.length + repairs.past.length} />
        )}
        <PointsCard summary={points} />
        <Card title={t("mypage.profileTitle")} className="min-w-0">
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
        <Card title={t("mypage.securityTitle")} className="min-w-0">
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

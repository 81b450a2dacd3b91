import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { UnsubscribeButton } from "@/components/campaigns/unsubscribe-button";
import { SiteHeader } from "@/components/site-header";
import { purposeName, purposesWithVersions } from "@/lib/consents/policies";
import { unsubscribeTarget } from "@/lib/campaigns/tracking";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unsubscribe"))("title"), robots: { index: false } };
}

/**
 * A campaign email's unsubscribe link (issue 15): no sign-in needed, the link's token is the
 * proof. One button withdraws the consent the email relied on (a GET changes nothing: mail
 * scanners open links).
 */
export default async function UnsubscribePage({ params }: PageProps<"/[locale]/unsubscribe/[token]">) {
  const locale = await enterLocale(params);
  const { token } = await params;
  const target = /^[a-f0-9]{64}$/.test(token) ? await unsubscribeTarget(token) : null;
  if (!target) notFound();
  const [t, purposes] = await Promise.all([getTranslations("unsubscribe"), purposesWithVersions()]);
  const purpose = purposes.find((candidate) => candidate.id === target.campaign.purposeId);
  const name = purpose ? purposeName(purpose, locale) : target.campaign.purposeId;
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-4">{t("lead", { purpose: name })}</p>
        <div className="mt-6">
          <UnsubscribeButton token={token} done={target.unsubscribedAt !== null} />
        </div>
        <p className="mt-8 text-sm text-slate-700">
          {t("more")}{" "}
          <Link href="/mypage/privacy" className="text-brand-700 underline">
            {t("privacyLink")}
          </Link>
        </p>
      </main>
    </>
  );
}

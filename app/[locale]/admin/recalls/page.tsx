import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RecallFigures } from "@/components/admin/recall-figures";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";
import { listRecallCampaigns } from "@/lib/recalls/campaigns";
import { inLocale } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recallsAdmin"))("title") };
}

export default async function RecallsPage({ params }: PageProps<"/[locale]/admin/recalls">) {
  await enterLocale(params);
  await requireStaffPage("/admin/recalls");
  const [campaigns, t, locale] = await Promise.all([listRecallCampaigns(), getTranslations("recallsAdmin"), getLocale()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4">
        <Button asChild>
          <Link href="/admin/recalls/new">{t("new")}</Link>
        </Button>
      </div>
      {campaigns.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-4">
          {campaigns.map((campaign) => (
            <li key={campaign.id}>
              <Card>
                <h2 className="mb-1 text-lg font-semibold">
                  <Link href={`/admin/recalls/${campaign.id}`} className="text-brand-700 underline">
                    {campaign.code}: {inLocale(locale, campaign.title)}
                  </Link>
                </h2>
                <p className="mb-3 text-sm text-slate-600">
                  {campaign.modelCode} · {t(`status.${campaign.status}`)}
                </p>
                <RecallFigures summary={campaign} />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { dealerRecalls } from "@/lib/dealers/recalls";
import { inLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.recalls"))("title") };
}

/** Recalls that cover units this dealer sold: how many owners were told, have read and have completed each. */
export default async function DealerRecallsPage({ params }: PageProps<"/[locale]/dealer/recalls">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/recalls");
  const [recalls, t, format, locale] = await Promise.all([
    dealerRecalls(user),
    getTranslations("dealer.recalls"),
    getFormatter(),
    getLocale(),
  ]);
  const percent = (part: number, whole: number) => (whole === 0 ? "—" : format.number(part / whole, { style: "percent" }));
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <DataTable
          caption={t("title")}
          empty={t("empty")}
          columns={[
            { id: "recall", header: t("columns.recall"), className: "min-w-48" },
            { id: "notified", header: t("columns.notified") },
            { id: "read", header: t("columns.read") },
            { id: "completed", header: t("columns.completed") },
          ]}
          rows={recalls.map((recall) => ({
            id: recall.campaignId,
            cells: {
              recall: (
                <Link href={`/dealer/recalls/${recall.campaignId}`} className="text-brand-700 underline">
                  {recall.code} · {inLocale(locale, { ja: recall.titleJa, en: recall.titleEn })}
                </Link>
              ),
              notified: format.number(recall.notified),
              read: `${format.number(recall.read)} (${percent(recall.read, recall.notified)})`,
              completed: `${format.number(recall.completed)} (${percent(recall.completed, recall.notified)})`,
            },
          }))}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { DataExports } from "@/components/privacy/data-exports";
import { PrivacyTabs } from "@/components/privacy/privacy-tabs";
import { Card } from "@/components/ui/card";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { listDataExports } from "@/lib/privacy/export";
import { retentionDays } from "@/lib/privacy/retention-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyData"))("title") };
}

/** Download all my data (GDPR 20): a zip made by a job, with progress, kept 7 days. */
export default async function DataPage({ params }: PageProps<"/[locale]/mypage/privacy/data">) {
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("privacy.own");
  const [exports, days, t, tp] = await Promise.all([
    listDataExports(user.id),
    retentionDays(),
    getTranslations("privacyData"),
    getTranslations("privacy"),
  ]);
  return (
    <>
      <PageTitle lead={tp("lead")}>{tp("title")}</PageTitle>
      <PrivacyTabs current="data" />
      <Card title={t("title")}>
        <p className="mb-2 text-sm text-slate-700">{t("lead", { days: days.data_exports })}</p>
        <p className="mb-4 text-sm text-slate-700">{t("contents")}</p>
        <DataExports
          exports={exports.map((row) => ({
            id: row.id,
            status: row.status,
            progress: row.progress,
            requestedAt: row.requestedAt.toISOString(),
            expiresAt: row.expiresAt?.toISOString() ?? null,
            byteSize: row.byteSize,
            available: row.available,
          }))}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PolicyVersionForm } from "@/components/admin/privacy/policy-version-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { purposeDetail } from "@/lib/consents/admin";
import { purposeDescription, purposeName } from "@/lib/consents/policies";
import { PURPOSE_ID_PATTERN } from "@/lib/consents/schemas";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyAdmin"))("title") };
}

/** One purpose: its versions (never edited once published) and the form that publishes the next. */
export default async function PurposePage({ params }: PageProps<"/[locale]/admin/privacy/[purpose]">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/privacy/[purpose]");
  const { purpose: id } = await params;
  const purpose = PURPOSE_ID_PATTERN.test(id) ? await purposeDetail(id) : null;
  if (!purpose) notFound();
  const [t, format] = await Promise.all([getTranslations("privacyAdmin"), getFormatter()]);
  const current = purpose.versions[0];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/privacy" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={purposeDescription(purpose, locale)}>{purposeName(purpose, locale)}</PageTitle>
      <div className="space-y-6">
        <Card title={t("versionsTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("activeNow", { count: purpose.active })}</p>
          <DataTable
            caption={t("versionsTitle")}
            empty={t("unpublished")}
            columns={[
              { id: "version", header: t("columns.version"), className: "whitespace-nowrap" },
              { id: "published", header: t("columns.published"), className: "whitespace-nowrap" },
              { id: "reaccept", header: t("columns.reaccept") },
              { id: "summary", header: t("columns.summary"), className: "min-w-48" },
              { id: "by", header: t("columns.by") },
            ]}
            rows={purpose.versions.map((version) => ({
              id: version.id,
              cells: {
                version: (
                  <Link href={`/legal/${purpose.id}?version=${encodeURIComponent(version.version)}`} className="underline">
                    {version.version}
                  </Link>
                ),
                published: format.dateTime(version.publishedAt, { dateStyle: "medium", timeStyle: "short" }),
                reaccept: version.requiresReacceptance ? t("yes") : t("no"),
                summary: (locale === "en" ? version.summaryEn : version.summaryJa) ?? "—",
                by: version.createdBy?.email ?? t("migration"),
              },
            }))}
          />
        </Card>
        <Card title={t("publishTitle")}>
          <p className="mb-4 text-sm text-slate-700">{t("publishLead")}</p>
          <PolicyVersionForm purpose={purpose.id} textJa={current?.textJa ?? ""} textEn={current?.textEn ?? ""} />
        </Card>
      </div>
    </>
  );
}

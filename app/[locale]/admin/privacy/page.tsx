import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrivacyAdminTabs } from "@/components/admin/privacy/privacy-admin-tabs";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { db } from "@/lib/db";
import { purposeName, purposesWithVersions } from "@/lib/consents/policies";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyAdmin"))("title") };
}

/** Consent purposes and their texts (issue 14): current version, whether re-acceptance was asked, agreements now. */
export default async function PrivacyAdminPage({ params }: PageProps<"/[locale]/admin/privacy">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/privacy");
  const [purposes, counts, t, format] = await Promise.all([
    purposesWithVersions(),
    db.consent.groupBy({ by: ["purpose"], where: { withdrawnAt: null }, _count: { _all: true } }),
    getTranslations("privacyAdmin"),
    getFormatter(),
  ]);
  const active = new Map(counts.map((row) => [row.purpose, row._count._all]));
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <PrivacyAdminTabs current="policies" />
      <Card>
        <p className="mb-4">
          <Link href="/admin/privacy/new" className="text-brand-700 underline">
            {t("newPurpose")}
          </Link>
        </p>
        <DataTable
          caption={t("title")}
          empty={t("empty")}
          columns={[
            { id: "name", header: t("columns.name"), className: "min-w-48" },
            { id: "kind", header: t("columns.kind") },
            { id: "version", header: t("columns.version"), className: "whitespace-nowrap" },
            { id: "active", header: t("columns.active"), className: "text-right" },
          ]}
          rows={purposes.map((purpose) => {
            const current = purpose.versions.at(-1);
            return {
              id: purpose.id,
              cells: {
                name: (
                  <Link href={`/admin/privacy/${purpose.id}`} className="text-brand-700 underline">
                    {purposeName(purpose, locale)}
                  </Link>
                ),
                kind: t(purpose.required ? "kinds.required" : purpose.perDealer ? "kinds.perDealer" : "kinds.optional"),
                version: current
                  ? t("versionOn", { version: current.version, date: format.dateTime(current.publishedAt, { dateStyle: "medium" }) })
                  : t("unpublished"),
                active: format.number(active.get(purpose.id) ?? 0),
              },
            };
          })}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EngagementTabs } from "@/components/admin/engagement/engagement-tabs";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listSegments } from "@/lib/segments/segments";
import { ZSegmentDefinition } from "@/lib/segments/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.segments"))("title") };
}

/** Saved segments (issue 15); each is counted live when opened or used. */
export default async function SegmentsPage({ params }: PageProps<"/[locale]/admin/engagement/segments">) {
  await enterLocale(params);
  await requireStaffPage("/admin/engagement/segments");
  const [segments, t, format] = await Promise.all([listSegments(), getTranslations("engagement"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("segments.lead")}>{t("title")}</PageTitle>
      <EngagementTabs current="segments" />
      <Card title={t("segments.title")}>
        <p className="mb-4">
          <Link href="/admin/engagement/segments/new" className="text-brand-700 underline">
            {t("segments.new")}
          </Link>
        </p>
        <DataTable
          caption={t("segments.title")}
          empty={t("segments.empty")}
          columns={[
            { id: "name", header: t("segments.columns.name"), className: "min-w-48" },
            { id: "rules", header: t("segments.columns.rules") },
            { id: "campaigns", header: t("segments.columns.campaigns"), className: "text-right" },
            { id: "updated", header: t("segments.columns.updated"), className: "whitespace-nowrap" },
          ]}
          rows={segments.map((segment) => {
            const definition = ZSegmentDefinition.safeParse(segment.definition);
            return {
              id: segment.id,
              cells: {
                name: (
                  <div>
                    <Link href={`/admin/engagement/segments/${segment.id}`} className="text-brand-700 underline">
                      {segment.name}
                    </Link>
                    {segment.description && <p className="text-sm text-slate-600">{segment.description}</p>}
                  </div>
                ),
                rules: definition.success
                  ? definition.data.rules
                      .map((rule) =>
                        rule.exclude ? t("segments.not", { rule: t(`segments.kinds.${rule.kind}`) }) : t(`segments.kinds.${rule.kind}`),
                      )
                      .join(definition.data.match === "all" ? t("segments.and") : t("segments.or"))
                  : "—",
                campaigns: format.number(segment._count.campaigns),
                updated: format.dateTime(segment.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
              },
            };
          })}
        />
      </Card>
    </>
  );
}

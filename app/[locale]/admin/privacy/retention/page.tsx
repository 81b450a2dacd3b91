import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RetentionForm } from "@/components/admin/privacy/retention-form";
import { RetentionRunButton } from "@/components/admin/privacy/retention-run-button";
import { PrivacyAdminTabs } from "@/components/admin/privacy/privacy-admin-tabs";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { retentionOverview } from "@/lib/privacy/retention";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retention"))("title") };
}

/** Retention periods per kind of record, and the retention job's runs (issue 14). */
export default async function RetentionPage({ params }: PageProps<"/[locale]/admin/privacy/retention">) {
  await enterLocale(params);
  await requireStaffPage("/admin/privacy/retention");
  const [{ days, runs, running }, t, format] = await Promise.all([retentionOverview(), getTranslations("retention"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <PrivacyAdminTabs current="retention" />
      <div className="space-y-6">
        <Card title={t("periodsTitle")}>
          <RetentionForm days={days} />
        </Card>
        <Card title={t("runsTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("runsLead")}</p>
          <div className="mb-4">
            <RetentionRunButton running={running} />
          </div>
          <DataTable
            caption={t("runsTitle")}
            empty={t("noRuns")}
            columns={[
              { id: "started", header: t("columns.started"), className: "whitespace-nowrap" },
              { id: "state", header: t("columns.state") },
              { id: "trigger", header: t("columns.trigger") },
              { id: "removed", header: t("columns.removed"), className: "min-w-48" },
            ]}
            rows={runs.map((run) => {
              const removed = Object.entries((run.removed ?? {}) as Record<string, number>).filter(([, count]) => count > 0);
              return {
                id: run.id,
                cells: {
                  started: format.dateTime(run.startedAt, { dateStyle: "medium", timeStyle: "medium" }),
                  state: run.error ? t("failed", { error: run.error }) : run.finishedAt ? t("finished") : t("running"),
                  trigger: run.trigger === "scheduled" ? t("scheduled") : t("manual"),
                  removed:
                    removed.length === 0
                      ? t("nothingRemoved")
                      : removed.map(([kind, count]) => t("removedCount", { kind: t(`kinds.${kind}.name` as never), count })).join(", "),
                },
              };
            })}
          />
        </Card>
      </div>
    </>
  );
}

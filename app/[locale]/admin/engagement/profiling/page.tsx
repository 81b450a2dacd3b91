import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EngagementTabs } from "@/components/admin/engagement/engagement-tabs";
import { ProfilingSettingsForm } from "@/components/admin/engagement/profiling-settings-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { engagementSettings, listAttributes, listPrompts, promptOutcomes } from "@/lib/profiling/attributes";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.profiling"))("title") };
}

/** Profile attributes the brand asks about and the prompts that ask them (issue 15). */
export default async function ProfilingPage({ params }: PageProps<"/[locale]/admin/engagement/profiling">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/profiling");
  const [attributes, prompts, outcomes, settings, t, format] = await Promise.all([
    listAttributes(),
    listPrompts(),
    promptOutcomes(),
    engagementSettings(),
    getTranslations("engagement"),
    getFormatter(),
  ]);
  const label = (row: { labelJa: string; labelEn: string }) => (locale === "en" ? row.labelEn : row.labelJa);
  return (
    <>
      <PageTitle lead={t("profiling.lead")}>{t("title")}</PageTitle>
      <EngagementTabs current="profiling" />
      <div className="space-y-6">
        <Card title={t("attributes.title")}>
          <p className="mb-4">
            <Link href="/admin/engagement/profiling/attributes/new" className="text-brand-700 underline">
              {t("attributes.new")}
            </Link>
          </p>
          <DataTable
            caption={t("attributes.title")}
            empty={t("attributes.empty")}
            columns={[
              { id: "label", header: t("attributes.columns.label"), className: "min-w-48" },
              { id: "code", header: t("attributes.columns.code") },
              { id: "type", header: t("attributes.columns.type") },
              { id: "answers", header: t("attributes.columns.answers"), className: "text-right" },
              { id: "state", header: t("attributes.columns.state") },
            ]}
            rows={attributes.map((attribute) => ({
              id: attribute.id,
              cells: {
                label: (
                  <Link href={`/admin/engagement/profiling/attributes/${attribute.id}`} className="text-brand-700 underline">
                    {label(attribute)}
                  </Link>
                ),
                code: <code>{attribute.code}</code>,
                type: t(`attributes.types.${attribute.type}`),
                answers: format.number(attribute._count.answers),
                state: [
                  attribute.archivedAt ? t("attributes.archived") : t("attributes.asked"),
                  attribute.sensitive ? t("attributes.sensitiveShort") : null,
                ]
                  .filter(Boolean)
                  .join(" · "),
              },
            }))}
          />
        </Card>
        <Card title={t("prompts.title")}>
          <p className="mb-3 text-sm text-slate-700">{t("prompts.lead")}</p>
          <p className="mb-4">
            <Link href="/admin/engagement/profiling/prompts/new" className="text-brand-700 underline">
              {t("prompts.new")}
            </Link>
          </p>
          <DataTable
            caption={t("prompts.title")}
            empty={t("prompts.empty")}
            columns={[
              { id: "name", header: t("prompts.columns.name"), className: "min-w-40" },
              { id: "moment", header: t("prompts.columns.moment") },
              { id: "questions", header: t("prompts.columns.questions"), className: "min-w-48" },
              { id: "state", header: t("prompts.columns.state") },
              { id: "answered", header: t("prompts.columns.answered"), className: "text-right" },
              { id: "skipped", header: t("prompts.columns.skipped"), className: "text-right" },
            ]}
            rows={prompts.map((prompt) => ({
              id: prompt.id,
              cells: {
                name: (
                  <Link href={`/admin/engagement/profiling/prompts/${prompt.id}`} className="text-brand-700 underline">
                    {prompt.name}
                  </Link>
                ),
                moment: t(`prompts.moments.${prompt.moment}`),
                questions: prompt.questions.map((question) => label(question.attribute)).join(" / "),
                state: prompt.active ? t("prompts.on") : t("prompts.off"),
                answered: format.number(outcomes.get(prompt.id)?.answered ?? 0),
                skipped: format.number(outcomes.get(prompt.id)?.skipped ?? 0),
              },
            }))}
          />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <ProfilingSettingsForm maxPromptsPerMonth={settings.maxPromptsPerMonth} />
          </div>
        </Card>
      </div>
    </>
  );
}

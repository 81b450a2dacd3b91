import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EngagementTabs } from "@/components/admin/engagement/engagement-tabs";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listSurveys } from "@/lib/surveys/surveys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.surveys"))("title") };
}

export default async function SurveysPage({ params }: PageProps<"/[locale]/admin/engagement/surveys">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/surveys");
  const [surveys, t, format] = await Promise.all([listSurveys(), getTranslations("engagement"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("surveys.lead")}>{t("title")}</PageTitle>
      <EngagementTabs current="surveys" />
      <Card title={t("surveys.title")}>
        <p className="mb-4">
          <Link href="/admin/engagement/surveys/new" className="text-brand-700 underline">
            {t("surveys.new")}
          </Link>
        </p>
        <DataTable
          caption={t("surveys.title")}
          empty={t("surveys.empty")}
          columns={[
            { id: "title", header: t("surveys.columns.title"), className: "min-w-48" },
            { id: "status", header: t("surveys.columns.status") },
            { id: "trigger", header: t("surveys.columns.trigger") },
            { id: "questions", header: t("surveys.columns.questions"), className: "text-right" },
            { id: "responses", header: t("surveys.columns.responses"), className: "text-right" },
          ]}
          rows={surveys.map((survey) => ({
            id: survey.id,
            cells: {
              title: (
                <Link href={`/admin/engagement/surveys/${survey.id}`} className="text-brand-700 underline">
                  {locale === "en" ? survey.titleEn : survey.titleJa}
                </Link>
              ),
              status: t(`surveys.status.${survey.status}`),
              trigger: t(`surveys.triggers.${survey.trigger}`),
              questions: format.number(survey._count.questions),
              responses: `${format.number(survey._count.responses)} / ${format.number(survey._count.invitations)}`,
            },
          }))}
        />
      </Card>
    </>
  );
}

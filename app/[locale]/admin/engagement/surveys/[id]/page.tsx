import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SurveyForm } from "@/components/admin/engagement/survey-form";
import { SurveyResults } from "@/components/admin/engagement/survey-results";
import { SurveyStatusButton } from "@/components/admin/engagement/survey-status-button";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listAttributes } from "@/lib/profiling/attributes";
import { parseOptions } from "@/lib/profiling/schemas";
import { surveyResults } from "@/lib/surveys/results";
import { getSurvey, surveyPoints } from "@/lib/surveys/surveys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.surveys"))("title") };
}

/** One survey: a draft's questions, opening and closing, and the results with their CSV export. */
export default async function SurveyPage({ params }: PageProps<"/[locale]/admin/engagement/surveys/[id]">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/surveys/[id]");
  const { id } = await params;
  const survey = id.length <= 40 ? await getSurvey(id) : null;
  if (!survey) notFound();
  const [t, results, attributes] = await Promise.all([getTranslations("engagement.surveys"), surveyResults(survey.id), listAttributes()]);
  const points = surveyPoints(survey);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/surveys" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={`${t(`status.${survey.status}`)} · ${t(`triggers.${survey.trigger}`)} · ${t("pointsShort", { points })}`}>
        {locale === "en" ? survey.titleEn : survey.titleJa}
      </PageTitle>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        {survey.status !== "CLOSED" && <SurveyStatusButton surveyId={survey.id} status={survey.status} />}
        {survey._count.responses > 0 && (
          <a href={`/api/surveys/${survey.id}/export?locale=${locale}`} className="text-brand-700 underline">
            {t("exportCsv")}
          </a>
        )}
      </div>
      {survey.status === "DRAFT" ? (
        <Card title={t("editTitle")} className="max-w-4xl">
          <SurveyForm
            attributes={attributes
              .filter((attribute) => !attribute.archivedAt)
              .map((attribute) => ({
                id: attribute.id,
                type: attribute.type,
                label: locale === "en" ? attribute.labelEn : attribute.labelJa,
              }))}
            saved={{
              surveyId: survey.id,
              titleJa: survey.titleJa,
              titleEn: survey.titleEn,
              introJa: survey.introJa,
              introEn: survey.introEn,
              trigger: survey.trigger,
              points: String(points),
              questions: survey.questions.map((question) => ({
                type: question.type,
                labelJa: question.labelJa,
                labelEn: question.labelEn,
                required: question.required,
                options: question.attributeId ? [] : parseOptions(question.options),
                minNumber: question.minNumber === null ? "" : String(question.minNumber),
                maxNumber: question.maxNumber === null ? "" : String(question.maxNumber),
                attributeId: question.attributeId ?? "",
              })),
            }}
          />
        </Card>
      ) : (
        results && <SurveyResults results={results} locale={locale} />
      )}
    </>
  );
}

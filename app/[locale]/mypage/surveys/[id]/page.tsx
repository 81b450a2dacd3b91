import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { SurveyAnswerForm } from "@/components/surveys/survey-answer-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { parseOptions } from "@/lib/profiling/schemas";
import { surveyForCustomer, surveyPointsEarned } from "@/lib/surveys/answers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys"))("title") };
}

/** A survey the customer was invited to (anyone else: 404): the form, or thanks once answered. */
export default async function MySurveyPage({ params }: PageProps<"/[locale]/mypage/surveys/[id]">) {
  const locale = await enterLocale(params);
  const user = await requireArea("mypage");
  const { id } = await params;
  const survey = id.length <= 40 ? await surveyForCustomer(user, id) : null;
  if (!survey) notFound();
  const [t, format, earned] = await Promise.all([getTranslations("surveys"), getFormatter(), surveyPointsEarned(user, survey.id)]);
  const en = locale === "en";
  const answered = survey.responses[0]?.submittedAt;
  const points = survey.pointsRule?.versions[0]?.active ? survey.pointsRule.versions[0].points : 0;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/mypage/surveys" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={(en ? survey.introEn : survey.introJa) || undefined}>{en ? survey.titleEn : survey.titleJa}</PageTitle>
      <Card className="max-w-3xl">
        {answered ? (
          <Alert tone="success">
            <p>{t("thanks", { date: format.dateTime(answered, { dateStyle: "long" }) })}</p>
            {earned > 0 && (
              <p className="mt-1 font-semibold">
                {t("earned", { points: earned })}{" "}
                <Link href="/mypage/points" className="underline">
                  {t("seePoints")}
                </Link>
              </p>
            )}
          </Alert>
        ) : survey.status !== "OPEN" ? (
          <p>{t("closed")}</p>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-700">{points > 0 ? t("oncePoints", { points }) : t("once")}</p>
            <SurveyAnswerForm
              surveyId={survey.id}
              questions={survey.questions.map((question) => ({
                id: question.id,
                type: question.type,
                label: { ja: question.labelJa, en: question.labelEn },
                required: question.required,
                options: parseOptions(question.options).map((option) => ({
                  value: option.value,
                  label: { ja: option.labelJa, en: option.labelEn },
                })),
                minNumber: question.minNumber,
                maxNumber: question.maxNumber,
              }))}
            />
          </>
        )}
      </Card>
    </>
  );
}

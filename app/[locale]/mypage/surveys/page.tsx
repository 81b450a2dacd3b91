import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { mySurveys } from "@/lib/surveys/answers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys"))("title") };
}

/** Surveys the customer was invited to: to answer, answered, closed. */
export default async function MySurveysPage({ params }: PageProps<"/[locale]/mypage/surveys">) {
  const locale = await enterLocale(params);
  const user = await requireArea("mypage");
  const [invitations, t, format] = await Promise.all([mySurveys(user), getTranslations("surveys"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        {invitations.length === 0 ? (
          <p className="text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {invitations.map(({ survey, createdAt }) => {
              const answered = survey.responses[0]?.submittedAt;
              const points = survey.pointsRule?.versions[0]?.active ? survey.pointsRule.versions[0].points : 0;
              return (
                <li key={survey.id} className="py-3">
                  <Link href={`/mypage/surveys/${survey.id}`} className="font-semibold text-brand-700 underline">
                    {locale === "en" ? survey.titleEn : survey.titleJa}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {answered
                      ? t("answeredOn", { date: format.dateTime(answered, { dateStyle: "medium" }) })
                      : survey.status === "OPEN"
                        ? points > 0
                          ? t("toAnswerPoints", { points })
                          : t("toAnswer")
                        : t("closedShort")}
                    {" · "}
                    {t("invitedOn", { date: format.dateTime(createdAt, { dateStyle: "medium" }) })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}

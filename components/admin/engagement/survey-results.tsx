import { getFormatter, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/ui/bar-chart";
import { Card } from "@/components/ui/card";
import type { QuestionResult } from "@/lib/surveys/results";

/**
 * A survey's results: for choices and yes/no a bar per answer (the count and share written out, so
 * nothing depends on the bar alone), the 0-10 question's distribution and its NPS, number
 * summaries, the latest free-text answers.
 */
export async function SurveyResults({
  results,
  locale,
}: {
  results: { responses: number; invitations: number; questions: QuestionResult[] };
  locale: "ja" | "en";
}) {
  const [t, format] = await Promise.all([getTranslations("engagement.surveys.results"), getFormatter()]);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="survey-responses">
        {t("summary", { responses: results.responses, invitations: results.invitations })}
      </p>
      {results.questions.map((question, index) => (
        <Card key={question.id} title={`${index + 1}. ${question.label[locale]}`}>
          <p className="mb-3 text-sm text-slate-600">{t("answered", { count: question.answered })}</p>
          {question.type === "NPS" && question.nps && (
            <>
              <p className="mb-3 text-lg font-semibold">
                {t("nps", { score: question.nps.score })}{" "}
                <span className="text-sm font-normal text-slate-700">
                  {t("npsParts", {
                    promoters: question.nps.promoters,
                    passives: question.nps.passives,
                    detractors: question.nps.detractors,
                  })}
                </span>
              </p>
              <BarChart
                title={question.label[locale]}
                description={t("npsDescription")}
                series={[{ key: "count", label: t("answers"), color: "#1d4ed8" }]}
                groups={question.counts.map((entry) => ({ label: entry.value, shortLabel: entry.value, values: { count: entry.count } }))}
                tableLabel={t("showNumbers")}
                categoryHeader={t("score")}
              />
            </>
          )}
          {question.type !== "NPS" && question.counts.length > 0 && (
            <ul className="space-y-2">
              {question.counts.map((entry) => {
                const share = question.answered ? entry.count / question.answered : 0;
                return (
                  <li key={entry.value} className="grid grid-cols-[minmax(6rem,12rem)_1fr_auto] items-center gap-3 text-sm">
                    <span className="[overflow-wrap:anywhere]">{entry.label[locale]}</span>
                    <span className="h-3 rounded bg-slate-100" aria-hidden="true">
                      <span className="block h-3 rounded bg-brand-600" style={{ width: `${Math.round(share * 100)}%` }} />
                    </span>
                    <span className="tabular-nums">
                      {format.number(entry.count)} ({format.number(share, { style: "percent" })})
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {question.number && (
            <p className="text-sm">
              {t("numbers", {
                average: question.number.average === null ? "—" : format.number(question.number.average, { maximumFractionDigits: 1 }),
                min: question.number.min ?? "—",
                max: question.number.max ?? "—",
              })}
            </p>
          )}
          {question.type === "TEXT" &&
            (question.texts.length ? (
              <ul className="space-y-2 text-sm">
                {question.texts.map((text, n) => (
                  <li key={n} className="rounded-md bg-slate-50 p-2 whitespace-pre-line [overflow-wrap:anywhere] [unicode-bidi:isolate]">
                    {text}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("noTexts")}</p>
            ))}
        </Card>
      ))}
    </div>
  );
}

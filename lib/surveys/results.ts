import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { keyedHash } from "@/lib/auth/sealed-secrets";
import type { CsvCell } from "@/lib/csv/write";
import { db } from "@/lib/db";
import { parseOptions } from "@/lib/profiling/schemas";
import { localDateOf } from "@/lib/warranty/local-date";
import type { QuestionType } from "./schemas";
import { getSurvey } from "./surveys";

/**
 * A survey's results (issue 15), counted in SQL over the answers: per option, yes/no, numbers,
 * the 0-10 question as a Net Promoter Score, the latest free-text answers. No respondent is named:
 * staff see answers, not who gave them; the CSV export names each respondent by a pseudonym that
 * is stable within the survey only, and is audited.
 */
export type QuestionResult = {
  id: string;
  type: QuestionType;
  label: { ja: string; en: string };
  answered: number;
  /** CHOICE, MULTI_CHOICE, YES_NO, NPS (0-10): value → count, in display order. */
  counts: { value: string; label: { ja: string; en: string }; count: number }[];
  number: { average: number | null; min: number | null; max: number | null } | null;
  nps: { score: number; promoters: number; passives: number; detractors: number } | null;
  texts: string[];
};

export async function surveyResults(
  surveyId: string,
): Promise<{ responses: number; invitations: number; questions: QuestionResult[] } | null> {
  const survey = await getSurvey(surveyId);
  if (!survey) return null;
  const [choiceRows, scalarRows, textRows] = await Promise.all([
    db.$queryRaw<{ questionId: string; value: string; count: bigint }[]>`
      SELECT a."questionId", v AS value, count(*) AS count
      FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId", unnest(a.choices) v
      WHERE q."surveyId" = ${surveyId} GROUP BY 1, 2`,
    db.$queryRaw<
      { questionId: string; answered: bigint; yes: bigint; no: bigint; average: number | null; min: number | null; max: number | null }[]
    >`
      SELECT a."questionId",
        count(*) FILTER (WHERE cardinality(a.choices) > 0 OR a.number IS NOT NULL OR a.date IS NOT NULL OR a.yes IS NOT NULL OR a.text IS NOT NULL) AS answered,
        count(*) FILTER (WHERE a.yes) AS yes, count(*) FILTER (WHERE a.yes = FALSE) AS no,
        avg(a.number)::float AS average, min(a.number) AS min, max(a.number) AS max
      FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId"
      WHERE q."surveyId" = ${surveyId} GROUP BY 1`,
    db.$queryRaw<{ questionId: string; text: string }[]>`
      SELECT x."questionId", x.text FROM (
        SELECT a."questionId", a.text, row_number() OVER (PARTITION BY a."questionId" ORDER BY r."submittedAt" DESC) AS n
        FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" JOIN "SurveyQuestion" q ON q.id = a."questionId"
        WHERE q."surveyId" = ${surveyId} AND q.type = 'TEXT' AND a.text IS NOT NULL AND a.text <> '') x
      WHERE x.n <= 20`,
  ]);
  const questions = survey.questions.map((question): QuestionResult => {
    const scalar = scalarRows.find((row) => row.questionId === question.id);
    const count = (value: string) => Number(choiceRows.find((row) => row.questionId === question.id && row.value === value)?.count ?? 0);
    let counts: QuestionResult["counts"] = [];
    if (question.type === "CHOICE" || question.type === "MULTI_CHOICE") {
      counts = parseOptions(question.options).map((option) => ({
        value: option.value,
        label: { ja: option.labelJa, en: option.labelEn },
        count: count(option.value),
      }));
    } else if (question.type === "YES_NO") {
      counts = [
        { value: "yes", label: { ja: "はい", en: "Yes" }, count: Number(scalar?.yes ?? 0) },
        { value: "no", label: { ja: "いいえ", en: "No" }, count: Number(scalar?.no ?? 0) },
      ];
    }
    if (question.type === "NPS") {
      counts = Array.from({ length: 11 }, (_, score) => ({
        value: String(score),
        label: { ja: String(score), en: String(score) },
        count: 0,
      }));
      // NPS answers are kept in `number`; the distribution comes from the same rows.
    }
    return {
      id: question.id,
      type: question.type,
      label: { ja: question.labelJa, en: question.labelEn },
      answered: Number(scalar?.answered ?? 0),
      counts,
      number: question.type === "NUMBER" && scalar ? { average: scalar.average, min: scalar.min, max: scalar.max } : null,
      nps: null,
      texts: textRows.filter((row) => row.questionId === question.id).map((row) => row.text),
    };
  });
  const npsQuestions = questions.filter((question) => question.type === "NPS");
  if (npsQuestions.length) {
    const rows = await db.$queryRaw<{ questionId: string; score: number; count: bigint }[]>`
      SELECT a."questionId", a.number AS score, count(*) AS count FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId"
      WHERE q."surveyId" = ${surveyId} AND q.type = 'NPS' AND a.number IS NOT NULL GROUP BY 1, 2`;
    for (const question of npsQuestions) {
      for (const row of rows.filter((candidate) => candidate.questionId === question.id))
        question.counts[row.score]!.count = Number(row.count);
      const total = question.counts.reduce((sum, entry) => sum + entry.count, 0);
      const promoters = question.counts.slice(9).reduce((sum, entry) => sum + entry.count, 0);
      const detractors = question.counts.slice(0, 7).reduce((sum, entry) => sum + entry.count, 0);
      question.nps = {
        score: total ? Math.round(((promoters - detractors) / total) * 100) : 0,
        promoters,
        passives: total - promoters - detractors,
        detractors,
      };
    }
  }
  return { responses: survey._count.responses, invitations: survey._count.invitations, questions };
}

/**
 * A respondent's name in the export: stable within one survey, meaningless across surveys, and
 * keyed with the server's secret, so nobody can recompute it from a customer id.
 */
function pseudonym(surveyId: string, userId: string): string {
  return keyedHash(`survey-respondent:${surveyId}:${userId}`).slice(0, 16);
}

/** Every response as a CSV row (question labels in `locale` as headers), audited as an export. */
export async function surveyCsv(
  actorId: string,
  surveyId: string,
  locale: "ja" | "en",
): Promise<{ header: string[]; rows: CsvCell[][] } | null> {
  const survey = await getSurvey(surveyId);
  if (!survey) return null;
  const responses = await db.surveyResponse.findMany({
    where: { surveyId },
    orderBy: { submittedAt: "asc" },
    select: { userId: true, submittedAt: true, answers: true },
  });
  const header = [
    locale === "en" ? "Respondent" : "回答者",
    locale === "en" ? "Submitted" : "回答日時",
    ...survey.questions.map((question) => (locale === "en" ? question.labelEn : question.labelJa)),
  ];
  const rows = responses.map((response) => [
    pseudonym(surveyId, response.userId),
    response.submittedAt,
    ...survey.questions.map((question): CsvCell => {
      const answer = response.answers.find((candidate) => candidate.questionId === question.id);
      if (!answer) return "";
      if (answer.choices.length) return answer.choices.join(" ");
      if (answer.number !== null) return answer.number;
      if (answer.date) return localDateOf(answer.date);
      if (answer.yes !== null) return answer.yes ? "yes" : "no";
      return answer.text ?? "";
    }),
  ]);
  await recordAudit({
    action: "survey.exported",
    outcome: "SUCCESS",
    actorId,
    targetType: "Survey",
    targetId: surveyId,
    details: { rows: rows.length, respondents: "pseudonymous" },
  });
  return { header, rows };
}

import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { earnForSurvey } from "@/lib/points/earning";
import { saveAnswers } from "@/lib/profiling/answers";
import { parseAnswer, parseOptions } from "@/lib/profiling/schemas";
import { TEXT_ANSWER_MAX } from "./schemas";

/**
 * Surveys on My Page (issue 15): a customer answers a survey they were invited to (by a campaign or
 * an event), once. Answers of questions tied to a profile attribute also become the customer's
 * answer there; the survey's points are awarded in the same transaction as the response.
 */
export function mySurveys(actor: Actor) {
  return db.surveyInvitation.findMany({
    where: { userId: actor.id, survey: { status: { in: ["OPEN", "CLOSED"] } } },
    orderBy: { createdAt: "desc" },
    include: {
      survey: {
        select: {
          id: true,
          titleJa: true,
          titleEn: true,
          status: true,
          responses: { where: { userId: actor.id }, select: { submittedAt: true } },
          pointsRule: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { active: true, points: true } } } },
        },
      },
    },
  });
}

/** A survey the actor was invited to, with their response if they answered; null for any other. */
export async function surveyForCustomer(actor: Actor, surveyId: string) {
  const invitation = await db.surveyInvitation.findUnique({
    where: { surveyId_userId: { surveyId, userId: actor.id } },
    select: { id: true },
  });
  if (!invitation) return null;
  const survey = await db.survey.findFirst({
    where: { id: surveyId, status: { in: ["OPEN", "CLOSED"] } },
    include: {
      questions: { orderBy: { position: "asc" } },
      responses: { where: { userId: actor.id }, select: { submittedAt: true } },
      pointsRule: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { active: true, points: true } } } },
    },
  });
  return survey;
}

export type CustomerSurvey = NonNullable<Awaited<ReturnType<typeof surveyForCustomer>>>;

type Raw = string | string[] | undefined;
type Parsed = { choices: string[]; number: number | null; date: Date | null; yes: boolean | null; text: string | null } | null;

function parseQuestionAnswer(question: CustomerSurvey["questions"][number], raw: Raw): Parsed | { error: string } {
  if (question.type === "TEXT") {
    const text = (Array.isArray(raw) ? raw.join(" ") : (raw ?? "")).trim();
    if (!text) return null;
    return text.length > TEXT_ANSWER_MAX ? { error: "validation.tooLong" } : { choices: [], number: null, date: null, yes: null, text };
  }
  if (question.type === "NPS") {
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
    if (!value) return null;
    const score = Number(value);
    return Number.isInteger(score) && score >= 0 && score <= 10
      ? { choices: [], number: score, date: null, yes: null, text: null }
      : { error: "validation.invalid" };
  }
  const parsed = parseAnswer(
    { type: question.type, options: question.options, minNumber: question.minNumber, maxNumber: question.maxNumber },
    raw,
  );
  if (parsed === null || "error" in parsed) return parsed;
  return { ...parsed, date: parsed.date ? new Date(`${parsed.date}T00:00:00Z`) : null, text: null };
}

export async function submitSurvey(
  actor: Actor,
  input: { surveyId: string; answers: Record<string, string | string[]> },
): Promise<{ points: number }> {
  const survey = await surveyForCustomer(actor, input.surveyId);
  if (!survey) throw new AppError("NOT_FOUND");
  if (survey.responses.length) throw new AppError("CONFLICT", { messageKey: "surveys.alreadyAnswered" });
  if (survey.status !== "OPEN") throw new AppError("CONFLICT", { messageKey: "surveys.closed" });
  const errors: Record<string, string> = {};
  const parsed = new Map<string, Parsed>();
  for (const question of survey.questions) {
    const result = parseQuestionAnswer(question, input.answers[question.id]);
    if (result && "error" in result) errors[`answers.${question.id}`] = result.error;
    else if (result === null && question.required) errors[`answers.${question.id}`] = "validation.required";
    else parsed.set(question.id, result);
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", { cause: errors });
  const attributeCodes = new Map(
    (
      await db.profileAttribute.findMany({
        where: {
          id: { in: survey.questions.flatMap((question) => (question.attributeId ? [question.attributeId] : [])) },
          archivedAt: null,
        },
        select: { id: true, code: true },
      })
    ).map((attribute) => [attribute.id, attribute.code]),
  );
  let points = 0;
  try {
    await db.$transaction(async (tx) => {
      const response = await tx.surveyResponse.create({ data: { surveyId: survey.id, userId: actor.id }, select: { id: true } });
      await tx.surveyAnswer.createMany({
        data: [...parsed.entries()].flatMap(([questionId, answer]) => (answer ? [{ responseId: response.id, questionId, ...answer }] : [])),
      });
      const profile: Record<string, string | string[]> = {};
      for (const question of survey.questions) {
        const code = question.attributeId ? attributeCodes.get(question.attributeId) : undefined;
        const raw = input.answers[question.id];
        if (code && parsed.get(question.id) && raw !== undefined) profile[code] = raw;
      }
      if (Object.keys(profile).length) await saveAnswers(actor.id, profile, { source: "survey", emptyRemoves: false, tx });
      if (survey.pointsRuleId) {
        const version = survey.pointsRule?.versions[0];
        if (await earnForSurvey(tx, { userId: actor.id, surveyId: survey.id, ruleId: survey.pointsRuleId })) points = version?.points ?? 0;
      }
      await tx.notice.updateMany({ where: { userId: actor.id, surveyId: survey.id, readAt: null }, data: { readAt: new Date() } });
    });
  } catch (error) {
    // Sent twice at once (a double click): the first response stands.
    if (isUniqueViolation(error, ["surveyId", "userId"])) throw new AppError("CONFLICT", { messageKey: "surveys.alreadyAnswered" });
    throw error;
  }
  return { points };
}

/** The options of a choice question, in `locale`. */
export function questionOptions(question: { options: unknown }, locale: "ja" | "en") {
  return parseOptions(question.options).map((option) => ({
    value: option.value,
    label: locale === "en" ? option.labelEn : option.labelJa,
  }));
}

/** Points the customer earned for answering (0 if none), read from the ledger, not from the page's address. */
export async function surveyPointsEarned(actor: Actor, surveyId: string): Promise<number> {
  const lot = await db.pointsLot.findFirst({
    where: { userId: actor.id, awardEntry: { idempotencyKey: `award:survey:${surveyId}:${actor.id}` } },
    select: { points: true },
  });
  return lot?.points ?? 0;
}

import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOptions } from "@/lib/profiling/schemas";
import type { ZSurveySchema } from "./schemas";

/**
 * Surveys for admins (issue 15): a draft's questions change freely; once open they are fixed (the
 * answers refer to them), and a survey is open until closed. Points for answering go through an
 * earning rule of kind SURVEY of the survey's own, versioned like every rule (issue 12).
 */
export function listSurveys() {
  return db.survey.findMany({
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { responses: true, invitations: true, questions: true } } },
  });
}

export function getSurvey(id: string) {
  return db.survey.findUnique({
    where: { id },
    include: {
      questions: { orderBy: { position: "asc" }, include: { attribute: { select: { id: true, code: true, type: true, options: true } } } },
      pointsRule: { include: { versions: { orderBy: { version: "desc" }, take: 1 } } },
      _count: { select: { responses: true, invitations: true } },
    },
  });
}

export type SurveyDetail = NonNullable<Awaited<ReturnType<typeof getSurvey>>>;

/** Points a survey awards now (0 without an active rule). */
export function surveyPoints(survey: Pick<SurveyDetail, "pointsRule">): number {
  const version = survey.pointsRule?.versions[0];
  return version?.active ? version.points : 0;
}

export async function saveSurvey(actorId: string, input: z.output<typeof ZSurveySchema>): Promise<{ id: string }> {
  const attributeIds = [...new Set(input.questions.map((question) => question.attributeId).filter(Boolean))];
  const attributes = await db.profileAttribute.findMany({ where: { id: { in: attributeIds }, archivedAt: null } });
  const errors: Record<string, string> = {};
  input.questions.forEach((question, index) => {
    if (!question.attributeId) return;
    const attribute = attributes.find((candidate) => candidate.id === question.attributeId);
    if (!attribute || attribute.type !== question.type) errors[`questions.${index}.attributeId`] = "surveys.attributeTypeMismatch";
  });
  if (Object.keys(errors).length) throw new AppError("VALIDATION", { cause: errors });

  const id = await db.$transaction(async (tx) => {
    const data = { titleJa: input.titleJa, titleEn: input.titleEn, introJa: input.introJa, introEn: input.introEn, trigger: input.trigger };
    let surveyId = input.surveyId;
    if (surveyId) {
      const { count } = await tx.survey.updateMany({ where: { id: surveyId, status: "DRAFT" }, data });
      if (count === 0) throw new AppError("CONFLICT", { messageKey: "surveys.notDraft" });
      await tx.surveyQuestion.deleteMany({ where: { surveyId } });
    } else {
      ({ id: surveyId } = await tx.survey.create({ data: { ...data, createdById: actorId }, select: { id: true } }));
    }
    await tx.surveyQuestion.createMany({
      data: input.questions.map((question, position) => {
        const attribute = attributes.find((candidate) => candidate.id === question.attributeId);
        const choice = question.type === "CHOICE" || question.type === "MULTI_CHOICE";
        return {
          surveyId,
          position,
          type: question.type,
          labelJa: question.labelJa,
          labelEn: question.labelEn,
          required: question.required,
          // A question saved to an attribute offers the attribute's own options.
          options: (choice ? (attribute ? parseOptions(attribute.options) : question.options) : []) as Prisma.InputJsonValue,
          minNumber: question.type === "NUMBER" ? (attribute?.minNumber ?? question.minNumber) : null,
          maxNumber: question.type === "NUMBER" ? (attribute?.maxNumber ?? question.maxNumber) : null,
          attributeId: attribute?.id ?? null,
        };
      }),
    });
    await setSurveyPoints(tx, actorId, surveyId, input.points, input.titleJa, input.titleEn);
    return surveyId;
  });
  await recordAudit({
    action: "survey.saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "Survey",
    targetId: id,
    details: { questions: input.questions.length, points: input.points, trigger: input.trigger },
  });
  return { id };
}

/** The survey's earning rule: created with the first points, a new version when the points change. */
async function setSurveyPoints(
  tx: Prisma.TransactionClient,
  actorId: string,
  surveyId: string,
  points: number,
  nameJa: string,
  nameEn: string,
) {
  const survey = await tx.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: { pointsRule: { select: { id: true, versions: { orderBy: { version: "desc" }, take: 1 } } } },
  });
  const last = survey.pointsRule?.versions[0];
  if (!survey.pointsRule && points === 0) return;
  if (last && last.points === points && last.active === points > 0) return;
  const rule =
    survey.pointsRule ?? (await tx.pointsRule.create({ data: { kind: "SURVEY", code: `survey-${surveyId}` }, select: { id: true } }));
  if (!survey.pointsRule) await tx.survey.update({ where: { id: surveyId }, data: { pointsRuleId: rule.id } });
  await tx.pointsRuleVersion.create({
    data: {
      ruleId: rule.id,
      version: (last?.version ?? 0) + 1,
      nameJa: `アンケート: ${nameJa}`.slice(0, 80),
      nameEn: `Survey: ${nameEn}`.slice(0, 80),
      active: points > 0,
      // A version needs a positive amount; an inactive one keeps the last amount.
      points: points > 0 ? points : (last?.points ?? 1),
      capPerCustomer: points > 0 ? points : null,
      createdById: actorId,
    },
  });
}

export async function setSurveyStatus(actorId: string, surveyId: string, status: "OPEN" | "CLOSED"): Promise<void> {
  const from = status === "OPEN" ? "DRAFT" : "OPEN";
  const { count } = await db.survey.updateMany({
    where: { id: surveyId, status: from },
    data: status === "OPEN" ? { status, openedAt: new Date() } : { status, closedAt: new Date() },
  });
  if (count === 0) throw new AppError("CONFLICT", { messageKey: "surveys.statusChanged" });
  await recordAudit({
    action: "survey.status_changed",
    outcome: "SUCCESS",
    actorId,
    targetType: "Survey",
    targetId: surveyId,
    details: { status },
  });
}

import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOptions, type ZAttributeSchema, type ZPromptSchema } from "./schemas";

/**
 * Profile attributes and prompts for admins (issue 15). An attribute's code and type are fixed once
 * saved (answers and segments rely on them); its texts can change, and options can be added but
 * not taken away while answers may hold them: archive the attribute instead.
 */
export function listAttributes() {
  return db.profileAttribute.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { createdAt: "asc" }],
    include: { _count: { select: { answers: true } } },
  });
}

export function getAttribute(id: string) {
  return db.profileAttribute.findUnique({ where: { id }, include: { _count: { select: { answers: true } } } });
}

export async function saveAttribute(actorId: string, input: z.output<typeof ZAttributeSchema>): Promise<{ id: string }> {
  const choice = input.type === "CHOICE" || input.type === "MULTI_CHOICE";
  const number = input.type === "NUMBER";
  const data = {
    labelJa: input.labelJa,
    labelEn: input.labelEn,
    purposeJa: input.purposeJa,
    purposeEn: input.purposeEn,
    sensitive: input.sensitive,
    options: (choice ? input.options : []) as Prisma.InputJsonValue,
    minNumber: number ? input.minNumber : null,
    maxNumber: number ? input.maxNumber : null,
  };
  let id: string;
  if (input.attributeId) {
    const existing = await db.profileAttribute.findUnique({ where: { id: input.attributeId } });
    if (!existing) throw new AppError("NOT_FOUND");
    if (existing.code !== input.code || existing.type !== input.type) {
      throw new AppError("VALIDATION", { cause: { code: "profiling.codeFixed" } });
    }
    const kept = new Set(input.options.map((option) => option.value));
    const removed = parseOptions(existing.options).findIndex((option) => !kept.has(option.value));
    if (removed >= 0) throw new AppError("VALIDATION", { cause: { options: "profiling.optionRemoved" } });
    await db.profileAttribute.update({ where: { id: existing.id }, data });
    id = existing.id;
  } else {
    try {
      ({ id } = await db.profileAttribute.create({ data: { ...data, code: input.code, type: input.type }, select: { id: true } }));
    } catch (error) {
      if (isUniqueViolation(error, ["code"])) throw new AppError("VALIDATION", { cause: { code: "profiling.codeTaken" } });
      throw error;
    }
  }
  await recordAudit({
    action: "profiling.attribute_saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "ProfileAttribute",
    targetId: id,
    details: { code: input.code, type: input.type, sensitive: input.sensitive },
  });
  return { id };
}

export async function archiveAttribute(actorId: string, id: string, archive: boolean): Promise<void> {
  const { count } = await db.profileAttribute.updateMany({ where: { id }, data: { archivedAt: archive ? new Date() : null } });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit({
    action: "profiling.attribute_saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "ProfileAttribute",
    targetId: id,
    details: { archived: archive },
  });
}

export function listPrompts() {
  return db.profilePrompt.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      questions: {
        orderBy: { position: "asc" },
        include: { attribute: { select: { id: true, code: true, labelJa: true, labelEn: true } } },
      },
      _count: { select: { views: true } },
    },
  });
}

export async function promptOutcomes(): Promise<Map<string, { answered: number; skipped: number }>> {
  const rows = await db.profilePromptView.groupBy({ by: ["promptId", "outcome"], _count: { _all: true } });
  const result = new Map<string, { answered: number; skipped: number }>();
  for (const row of rows) {
    const entry = result.get(row.promptId) ?? { answered: 0, skipped: 0 };
    if (row.outcome === "answered") entry.answered = row._count._all;
    else if (row.outcome === "skipped") entry.skipped = row._count._all;
    result.set(row.promptId, entry);
  }
  return result;
}

export async function savePrompt(actorId: string, input: z.output<typeof ZPromptSchema>): Promise<{ id: string }> {
  const attributeIds = [input.firstAttributeId, input.secondAttributeId].filter(Boolean);
  const found = await db.profileAttribute.count({ where: { id: { in: attributeIds }, archivedAt: null } });
  if (found !== attributeIds.length) throw new AppError("VALIDATION", { cause: { firstAttributeId: "profiling.promptQuestions" } });
  const questions = attributeIds.map((attributeId, position) => ({ attributeId, position }));
  const data = { name: input.name, moment: input.moment, active: input.active };
  const id = await db.$transaction(async (tx) => {
    if (input.promptId) {
      const { count } = await tx.profilePrompt.updateMany({ where: { id: input.promptId }, data });
      if (count === 0) throw new AppError("NOT_FOUND");
      await tx.profilePromptQuestion.deleteMany({ where: { promptId: input.promptId } });
      await tx.profilePromptQuestion.createMany({ data: questions.map((question) => ({ ...question, promptId: input.promptId })) });
      return input.promptId;
    }
    const created = await tx.profilePrompt.create({ data: { ...data, questions: { create: questions } }, select: { id: true } });
    return created.id;
  });
  await recordAudit({
    action: "profiling.prompt_saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "ProfilePrompt",
    targetId: id,
    details: { moment: input.moment, active: input.active, attributes: attributeIds },
  });
  return { id };
}

export async function engagementSettings(): Promise<{ maxPromptsPerMonth: number; campaignEmailsPerMinute: number }> {
  const row = await db.engagementSettings.findUnique({ where: { id: 1 } });
  return { maxPromptsPerMonth: row?.maxPromptsPerMonth ?? 2, campaignEmailsPerMinute: row?.campaignEmailsPerMinute ?? 600 };
}

export async function saveProfilingSettings(actorId: string, maxPromptsPerMonth: number): Promise<void> {
  await db.engagementSettings.upsert({ where: { id: 1 }, create: { id: 1, maxPromptsPerMonth }, update: { maxPromptsPerMonth } });
  await recordAudit({ action: "profiling.settings_updated", outcome: "SUCCESS", actorId, details: { maxPromptsPerMonth } });
}

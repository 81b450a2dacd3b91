import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { isMissingRecord, isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { ZProgramSchema, ZTierSchema } from "./schemas";

/** Program settings and tiers (issue 12), admins only; each change is in the audit log. */
export async function saveProgram(actorId: string, input: z.output<typeof ZProgramSchema>): Promise<void> {
  await db.pointsProgram.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
  await recordAudit({
    action: "points.program_updated",
    outcome: "SUCCESS",
    actorId,
    targetType: "PointsProgram",
    targetId: "1",
    details: input,
  });
}

export async function saveTier(actorId: string, input: z.output<typeof ZTierSchema>): Promise<{ id: string }> {
  const { tierId, ...data } = input;
  try {
    const tier = tierId
      ? await db.pointsTier.update({ where: { id: tierId }, data, select: { id: true } })
      : await db.pointsTier.create({ data, select: { id: true } });
    await recordAudit({
      action: "points.tiers_updated",
      outcome: "SUCCESS",
      actorId,
      targetType: "PointsTier",
      targetId: tier.id,
      details: data,
    });
    return tier;
  } catch (error) {
    // A tier deleted meanwhile, or an id that never was: not found, not a 500.
    if (isMissingRecord(error)) throw new AppError("NOT_FOUND");
    if (isUniqueViolation(error, ["threshold"])) throw new AppError("VALIDATION", { cause: { threshold: "points.thresholdTaken" } });
    if (isUniqueViolation(error, ["code"])) throw new AppError("VALIDATION", { cause: { code: "points.codeTaken" } });
    throw error;
  }
}

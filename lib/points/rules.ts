import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { endOfBusinessDay, startOfBusinessDay } from "@/lib/time/business-time";
import type { ZRuleVersionSchema } from "./schemas";

/**
 * Earning rules for admins (issue 12): a rule is never edited in place. A change writes version n+1
 * (with who and why), the awards made since name it, and the awards made before keep naming theirs.
 */
export function listRules() {
  return db.pointsRule.findMany({
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      code: true,
      versions: { orderBy: { version: "desc" }, take: 1 },
      _count: { select: { versions: true } },
    },
  });
}

export async function getRule(id: string) {
  const rule = await db.pointsRule.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      code: true,
      versions: {
        orderBy: { version: "desc" },
        include: { createdBy: { select: { name: true, email: true } }, _count: { select: { entries: true } } },
      },
    },
  });
  return rule;
}

/** Write the next version of a rule, or a new campaign rule with its first version. */
export async function saveRuleVersion(
  actorId: string,
  input: z.output<typeof ZRuleVersionSchema>,
): Promise<{ ruleId: string; version: number }> {
  const data = {
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    active: input.active === "yes",
    points: input.points,
    pendingDays: input.pendingDays,
    expiryMonths: input.expiryMonths,
    // From the start of the first business day to the end of the last.
    startsAt: input.startsOn ? startOfBusinessDay(input.startsOn) : null,
    endsAt: input.endsOn ? endOfBusinessDay(input.endsOn) : null,
    category: input.category || null,
    capPerCustomer: input.capPerCustomer,
    capTotal: input.capTotal,
    note: input.note,
    createdById: actorId,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const saved = await db.$transaction(async (tx) => {
        const rule = input.ruleId
          ? await tx.pointsRule.findUnique({ where: { id: input.ruleId }, select: { id: true, kind: true } })
          : await tx.pointsRule.create({
              data: { kind: "CAMPAIGN", code: `campaign-${randomUUID().slice(0, 8)}` },
              select: { id: true, kind: true },
            });
        if (!rule) throw new AppError("NOT_FOUND");
        const last = await tx.pointsRuleVersion.findFirst({
          where: { ruleId: rule.id },
          orderBy: { version: "desc" },
          select: { version: true },
        });
        const version = (last?.version ?? 0) + 1;
        // Dates, category and the total cap belong to campaigns; the built-in rules run always.
        const campaignOnly = rule.kind === "CAMPAIGN" ? {} : { startsAt: null, endsAt: null, category: null, capTotal: null };
        await tx.pointsRuleVersion.create({ data: { ...data, ...campaignOnly, ruleId: rule.id, version } });
        return { ruleId: rule.id, version };
      });
      await recordAudit({
        action: "points.rules_updated",
        outcome: "SUCCESS",
        actorId,
        targetType: "PointsRule",
        targetId: saved.ruleId,
        details: { version: saved.version, points: input.points, active: input.active, note: input.note },
      });
      return saved;
    } catch (error) {
      // Two admins saving at once both read version n: the second retries as n+2.
      if (!isUniqueViolation(error, ["ruleId", "version"])) throw error;
    }
  }
  throw new AppError("CONFLICT", { messageKey: "points.changedMeanwhile" });
}

import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import type { Locale } from "@/lib/i18n/routing";
import { logger } from "@/lib/log";
import { grantAdjustment, spendPoints } from "./movements";
import type { ZAdjustmentDecisionSchema, ZAdjustmentSchema } from "./schemas";
import { programSettings } from "./velocity";

/**
 * Staff adjustments (issue 12): every one has a reason; one of more points than the program's
 * threshold (either way) waits for a second staff member's approval, and the proposer can never
 * approve their own (four eyes). Proposal and decision are both in the audit log; an applied
 * adjustment is an ADJUSTMENT entry that names the staff member and the reason.
 */
const ADJUSTMENT_EXPIRY_MONTHS = 12;

export type AdjustmentOutcome = { adjustmentId: string; status: "APPLIED" | "AWAITING_APPROVAL" };

async function customerExists(customerId: string): Promise<boolean> {
  return Boolean(await db.user.findFirst({ where: { id: customerId, role: "CUSTOMER" }, select: { id: true } }));
}

async function apply(adjustmentId: string, decidedById: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const adjustment = await tx.pointsAdjustment.findUniqueOrThrow({ where: { id: adjustmentId } });
    const key = `adjust:${adjustment.id}`;
    const request = { adjustmentId: adjustment.id, points: adjustment.points };
    const posted =
      adjustment.points > 0
        ? await grantAdjustment(tx, {
            userId: adjustment.userId,
            points: adjustment.points,
            key,
            request,
            actorId: decidedById ?? adjustment.proposedById,
            memo: adjustment.reason,
            expiryMonths: ADJUSTMENT_EXPIRY_MONTHS,
          })
        : await spendPoints(tx, {
            userId: adjustment.userId,
            points: -adjustment.points,
            key,
            request,
            kind: "ADJUSTMENT",
            to: "ADJUSTMENT",
            actorId: decidedById ?? adjustment.proposedById,
            memo: adjustment.reason,
          });
    await tx.pointsAdjustment.update({
      where: { id: adjustment.id },
      data: { status: "APPLIED", entryId: posted.entryId, ...(decidedById ? { decidedById, decidedAt: new Date() } : {}) },
    });
  });
}

/** Propose an adjustment; at or under the threshold it is applied at once. A replayed key returns the first. */
export async function proposeAdjustment(actor: Actor, input: z.output<typeof ZAdjustmentSchema>): Promise<AdjustmentOutcome> {
  if (!(await customerExists(input.customerId))) throw new AppError("NOT_FOUND");
  const idempotencyKey = `${actor.id}:${input.idempotencyKey}`;
  const existing = await db.pointsAdjustment.findUnique({
    where: { idempotencyKey },
    select: { id: true, status: true, userId: true, points: true },
  });
  if (existing) {
    if (existing.userId !== input.customerId || existing.points !== input.points)
      throw new AppError("CONFLICT", { messageKey: "points.keyReused" });
    return { adjustmentId: existing.id, status: existing.status === "AWAITING_APPROVAL" ? "AWAITING_APPROVAL" : "APPLIED" };
  }
  const settings = await db.$transaction((tx) => programSettings(tx));
  const needsApproval = Math.abs(input.points) > settings.approvalThreshold;
  const adjustment = await db.pointsAdjustment.create({
    data: {
      userId: input.customerId,
      points: input.points,
      reason: input.reason,
      status: "AWAITING_APPROVAL",
      proposedById: actor.id,
      idempotencyKey,
    },
    select: { id: true },
  });
  await recordAudit({
    action: "points.adjustment_proposed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "PointsAdjustment",
    targetId: adjustment.id,
    subjectIds: [input.customerId],
    details: { points: input.points, reason: input.reason, needsApproval, threshold: settings.approvalThreshold },
  });
  if (!needsApproval) {
    try {
      await apply(adjustment.id, null);
    } catch (error) {
      // Not enough points for a deduction: the proposal is rejected on the spot, with the reason on record.
      await db.pointsAdjustment.update({
        where: { id: adjustment.id },
        data: { status: "REJECTED", decidedAt: new Date(), decisionNote: "not_enough_points" },
      });
      throw error;
    }
    return { adjustmentId: adjustment.id, status: "APPLIED" };
  }
  await emailApprovers(adjustment.id, actor.id);
  return { adjustmentId: adjustment.id, status: "AWAITING_APPROVAL" };
}

/** Approve (apply) or reject an adjustment waiting for approval. Never the proposer's own. */
export async function decideAdjustment(actor: Actor, input: z.output<typeof ZAdjustmentDecisionSchema>): Promise<"APPLIED" | "REJECTED"> {
  const adjustment = await db.pointsAdjustment.findUnique({ where: { id: input.adjustmentId } });
  if (!adjustment) throw new AppError("NOT_FOUND");
  if (adjustment.proposedById === actor.id) throw new AppError("FORBIDDEN", { messageKey: "points.ownAdjustment" });
  if (adjustment.status !== "AWAITING_APPROVAL") throw new AppError("CONFLICT", { messageKey: "points.alreadyDecided" });
  const approve = input.approve === "yes";
  if (!approve && input.note.length < 5) throw new AppError("VALIDATION", { cause: { note: "points.reasonRequired" } });
  // Claim the decision first, so two approvers at once decide it once.
  const claimed = await db.pointsAdjustment.updateMany({
    where: { id: adjustment.id, status: "AWAITING_APPROVAL", decidedById: null },
    data: { decidedById: actor.id, decidedAt: new Date(), decisionNote: input.note || null, ...(approve ? {} : { status: "REJECTED" }) },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", { messageKey: "points.alreadyDecided" });
  let status: "APPLIED" | "REJECTED" = approve ? "APPLIED" : "REJECTED";
  if (approve) {
    try {
      await apply(adjustment.id, actor.id);
    } catch (error) {
      await db.pointsAdjustment.update({ where: { id: adjustment.id }, data: { status: "REJECTED", decisionNote: "not_enough_points" } });
      status = "REJECTED";
      await audit();
      throw error;
    }
  }
  await audit();
  await emailProposer(adjustment.id, status);
  return status;

  async function audit() {
    await recordAudit({
      action: "points.adjustment_decided",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "PointsAdjustment",
      targetId: adjustment!.id,
      subjectIds: [adjustment!.userId],
      details: { decision: status, points: adjustment!.points, proposedBy: adjustment!.proposedById, note: input.note },
    });
  }
}

export function listAwaitingApproval() {
  return db.pointsAdjustment.findMany({
    where: { status: "AWAITING_APPROVAL" },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      points: true,
      reason: true,
      createdAt: true,
      proposedById: true,
      proposedBy: { select: { name: true, email: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
}

export function listAdjustmentsOf(customerId: string) {
  return db.pointsAdjustment.findMany({
    where: { userId: customerId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      points: true,
      reason: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      decisionNote: true,
      proposedById: true,
      proposedBy: { select: { name: true, email: true } },
      decidedBy: { select: { name: true, email: true } },
    },
  });
}

async function emailApprovers(adjustmentId: string, proposerId: string): Promise<void> {
  try {
    const adjustment = await db.pointsAdjustment.findUniqueOrThrow({
      where: { id: adjustmentId },
      select: { points: true, user: { select: { id: true, email: true, name: true } } },
    });
    const approvers = await db.user.findMany({
      where: { role: { in: ["SUPPORT_LEAD", "ADMIN"] }, disabledAt: null, id: { not: proposerId } },
      select: { email: true, locale: true },
    });
    for (const approver of approvers) {
      await enqueueEmail({
        to: approver.email,
        locale: approver.locale as Locale,
        template: {
          name: "pointsAdjustment",
          event: "proposed",
          points: String(adjustment.points),
          customer: adjustment.user.name ?? adjustment.user.email,
          url: portalUrl(approver.locale, "/admin/points"),
        },
      });
    }
  } catch (error) {
    logger.error({ err: error, adjustmentId }, "could not email the approvers of a points adjustment");
  }
}

async function emailProposer(adjustmentId: string, status: "APPLIED" | "REJECTED"): Promise<void> {
  try {
    const adjustment = await db.pointsAdjustment.findUniqueOrThrow({
      where: { id: adjustmentId },
      select: {
        points: true,
        userId: true,
        user: { select: { email: true, name: true } },
        proposedBy: { select: { email: true, locale: true } },
      },
    });
    await enqueueEmail({
      to: adjustment.proposedBy.email,
      locale: adjustment.proposedBy.locale as Locale,
      template: {
        name: "pointsAdjustment",
        event: status === "APPLIED" ? "approved" : "rejected",
        points: String(adjustment.points),
        customer: adjustment.user.name ?? adjustment.user.email,
        url: portalUrl(adjustment.proposedBy.locale, `/admin/points/customers/${adjustment.userId}`),
      },
    });
  } catch (error) {
    logger.error({ err: error, adjustmentId }, "could not email the proposer of a points adjustment");
  }
}

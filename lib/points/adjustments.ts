import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, isAppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import type { Locale } from "@/lib/i18n/routing";
import { logger } from "@/lib/log";
import type { Tx } from "./ledger";
import { grantAdjustment, spendPoints } from "./movements";
import type { ZAdjustmentDecisionSchema, ZAdjustmentSchema } from "./schemas";
import { readProgramSettings } from "./velocity";

/**
 * Staff adjustments (issue 12): every one has a reason; one of more points than the program's
 * threshold (either way) waits for a second staff member's approval, and the proposer can never
 * approve their own (four eyes). Proposal and decision are both in the audit log; an applied
 * adjustment is an ADJUSTMENT entry that names the staff member and the reason. Waiting proposals
 * are listed first on the staff points page; the proposer is emailed the decision. (Approvers are
 * not emailed one by one: with every lead and admin as a recipient, each proposal flooded the
 * email queue and delayed customers' emails.)
 */
const ADJUSTMENT_EXPIRY_MONTHS = 12;

export type AdjustmentOutcome = { adjustmentId: string; status: "APPLIED" | "AWAITING_APPROVAL" };

async function customerExists(customerId: string): Promise<boolean> {
  return Boolean(await db.user.findFirst({ where: { id: customerId, role: "CUSTOMER" }, select: { id: true } }));
}

/** Post an adjustment's entry, in the caller's transaction. */
async function apply(tx: Tx, adjustment: { id: string; userId: string; points: number; reason: string }, actorId: string): Promise<string> {
  const key = `adjust:${adjustment.id}`;
  const request = { adjustmentId: adjustment.id, points: adjustment.points };
  const posted =
    adjustment.points > 0
      ? await grantAdjustment(tx, {
          userId: adjustment.userId,
          points: adjustment.points,
          key,
          request,
          actorId,
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
          actorId,
          memo: adjustment.reason,
        });
  return posted.entryId;
}

const NOT_ENOUGH = "not_enough_points";

/** What a replay of a proposal returns: the first outcome, or the first refusal again. */
function replayOutcome(existing: { id: string; status: string; decisionNote: string | null }): AdjustmentOutcome {
  if (existing.status === "REJECTED" && existing.decisionNote === NOT_ENOUGH)
    throw new AppError("CONFLICT", { messageKey: "points.notEnough" });
  if (existing.status === "REJECTED") throw new AppError("CONFLICT", { messageKey: "points.alreadyDecided" });
  return { adjustmentId: existing.id, status: existing.status === "APPLIED" ? "APPLIED" : "AWAITING_APPROVAL" };
}

/**
 * Propose an adjustment; at or under the threshold it is applied in the same transaction. A replayed
 * key returns the first outcome; the same key with another customer, amount or reason is refused.
 */
export async function proposeAdjustment(actor: Actor, input: z.output<typeof ZAdjustmentSchema>): Promise<AdjustmentOutcome> {
  if (!(await customerExists(input.customerId))) throw new AppError("NOT_FOUND");
  const idempotencyKey = `${actor.id}:${input.idempotencyKey}`;
  const replay = async () => {
    const existing = await db.pointsAdjustment.findUnique({ where: { idempotencyKey } });
    if (!existing) return null;
    if (existing.userId !== input.customerId || existing.points !== input.points || existing.reason !== input.reason) {
      throw new AppError("CONFLICT", { messageKey: "points.keyReused" });
    }
    return replayOutcome(existing);
  };
  const first = await replay();
  if (first) return first;
  const settings = await readProgramSettings();
  const needsApproval = Math.abs(input.points) > settings.approvalThreshold;
  const data = { userId: input.customerId, points: input.points, reason: input.reason, proposedById: actor.id, idempotencyKey };
  let adjustmentId: string;
  try {
    adjustmentId = await db.$transaction(async (tx) => {
      const created = await tx.pointsAdjustment.create({
        data: { ...data, status: needsApproval ? "AWAITING_APPROVAL" : "APPLIED" },
        select: { id: true },
      });
      if (!needsApproval) {
        const entryId = await apply(tx, { id: created.id, ...data }, actor.id);
        await tx.pointsAdjustment.update({ where: { id: created.id }, data: { entryId } });
      }
      return created.id;
    });
  } catch (error) {
    // The same key at the same moment: the other request's outcome is this one's.
    if (isUniqueViolation(error, ["idempotencyKey"])) return (await replay())!;
    if (!(isAppError(error) && error.messageKey === "points.notEnough")) throw error;
    // A deduction larger than the balance: refused, and on record as such.
    await db.pointsAdjustment.create({ data: { ...data, status: "REJECTED", decidedAt: new Date(), decisionNote: NOT_ENOUGH } });
    await audit(actor.id, "points.adjustment_proposed", null, input.customerId, {
      points: input.points,
      reason: input.reason,
      refused: NOT_ENOUGH,
    });
    throw error;
  }
  await audit(actor.id, "points.adjustment_proposed", adjustmentId, input.customerId, {
    points: input.points,
    reason: input.reason,
    needsApproval,
    threshold: settings.approvalThreshold,
  });
  return { adjustmentId, status: needsApproval ? "AWAITING_APPROVAL" : "APPLIED" };
}

async function audit(
  actorId: string,
  action: "points.adjustment_proposed" | "points.adjustment_decided",
  targetId: string | null,
  customerId: string,
  details: Record<string, string | number | boolean | null>,
) {
  await recordAudit({
    action,
    outcome: "SUCCESS",
    actorId,
    targetType: "PointsAdjustment",
    ...(targetId ? { targetId } : {}),
    subjectIds: [customerId],
    details,
  });
}

/**
 * Approve (apply) or reject an adjustment waiting for approval, never the proposer's own. The
 * decision and the entry commit together: a crash in between leaves it waiting, not stuck.
 */
export async function decideAdjustment(actor: Actor, input: z.output<typeof ZAdjustmentDecisionSchema>): Promise<"APPLIED" | "REJECTED"> {
  const adjustment = await db.pointsAdjustment.findUnique({ where: { id: input.adjustmentId } });
  if (!adjustment) throw new AppError("NOT_FOUND");
  if (adjustment.proposedById === actor.id) throw new AppError("FORBIDDEN", { messageKey: "points.ownAdjustment" });
  if (adjustment.status !== "AWAITING_APPROVAL") throw new AppError("CONFLICT", { messageKey: "points.alreadyDecided" });
  const approve = input.approve === "yes";
  if (!approve && input.note.length < 5) throw new AppError("VALIDATION", { cause: { note: "points.reasonRequired" } });
  const decided = { decidedById: actor.id, decidedAt: new Date(), decisionNote: input.note || null };
  let status: "APPLIED" | "REJECTED" = approve ? "APPLIED" : "REJECTED";
  try {
    await db.$transaction(async (tx) => {
      // Conditional on still waiting: of two deciders at once, one decides.
      const claimed = await tx.pointsAdjustment.updateMany({
        where: { id: adjustment.id, status: "AWAITING_APPROVAL" },
        data: { ...decided, status },
      });
      if (claimed.count === 0) throw new AppError("CONFLICT", { messageKey: "points.alreadyDecided" });
      if (approve) {
        const entryId = await apply(tx, adjustment, actor.id);
        await tx.pointsAdjustment.update({ where: { id: adjustment.id }, data: { entryId } });
      }
    });
  } catch (error) {
    if (!(isAppError(error) && error.messageKey === "points.notEnough")) throw error;
    // Approved, but the customer no longer has the points to deduct: rejected, and said why.
    await db.pointsAdjustment.updateMany({
      where: { id: adjustment.id, status: "AWAITING_APPROVAL" },
      data: { ...decided, status: "REJECTED", decisionNote: NOT_ENOUGH },
    });
    status = "REJECTED";
    await audit(actor.id, "points.adjustment_decided", adjustment.id, adjustment.userId, {
      decision: status,
      points: adjustment.points,
      refused: NOT_ENOUGH,
    });
    throw error;
  }
  await audit(actor.id, "points.adjustment_decided", adjustment.id, adjustment.userId, {
    decision: status,
    points: adjustment.points,
    proposedBy: adjustment.proposedById,
    note: input.note,
  });
  await emailProposer(adjustment.id, status);
  return status;
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

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clawBackLot, releaseLot, reverseSpend } from "./movements";
import { listAwaitingApproval } from "./adjustments";
import { pointsSummary } from "./wallet";

/**
 * The staff side of a customer's points (issue 12): find a customer, see their wallets and lots
 * (audited as a view of personal data), release pending points now, and review awards held by a
 * velocity check. Only actors with `points.customers` get anything; others get nothing (404).
 */
export async function searchPointsCustomers(actor: Actor, query: string) {
  const q = query.trim();
  if (!can(actor, "points.customers") || q.length < 2) return [];
  return db.user.findMany({
    where: { role: "CUSTOMER", OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] },
    select: { id: true, name: true, email: true },
    orderBy: { email: "asc" },
    take: 20,
  });
}

export async function customerPoints(actor: Actor, customerId: string) {
  if (!can(actor, "points.customers")) return null;
  const customer = await db.user.findFirst({ where: { id: customerId, role: "CUSTOMER" }, select: { id: true, name: true, email: true } });
  if (!customer) return null;
  const [summary, lots] = await Promise.all([
    pointsSummary(customer.id),
    db.pointsLot.findMany({
      where: { userId: customer.id },
      orderBy: [{ awardedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: {
        id: true,
        points: true,
        remaining: true,
        awardedAt: true,
        availableFrom: true,
        releasedAt: true,
        expiresAt: true,
        heldAt: true,
        clawedBackAt: true,
        flag: { select: { id: true, reason: true, decidedAt: true } },
        awardEntry: { select: { kind: true, causeKind: true, ruleVersion: { select: { nameJa: true, nameEn: true, version: true } } } },
      },
    }),
  ]);
  await recordAudit({
    action: "personal_data.viewed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "User",
    targetId: customer.id,
    subjectIds: [customer.id],
    details: { view: "points" },
  });
  return { customer, summary, lots };
}

/** Make a pending lot available now (e.g. the customer's return window is over), on record. */
export async function releaseNow(actor: Actor, lotId: string): Promise<void> {
  if (!can(actor, "points.customers")) throw new AppError("NOT_FOUND");
  const lot = await db.pointsLot.findUnique({ where: { id: lotId }, select: { userId: true, releasedAt: true, clawedBackAt: true } });
  if (!lot) throw new AppError("NOT_FOUND");
  if (lot.releasedAt || lot.clawedBackAt) throw new AppError("CONFLICT", { messageKey: "points.notPending" });
  await db.$transaction(async (tx) => {
    await releaseLot(tx, lotId, { actorId: actor.id });
    await tx.pointsFlag.updateMany({
      where: { lotId, decidedAt: null },
      data: { decidedAt: new Date(), decidedById: actor.id, decision: "released" },
    });
  });
  await recordAudit({
    action: "points.released",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "PointsLot",
    targetId: lotId,
    subjectIds: [lot.userId],
  });
}

export function listOpenFlags() {
  return db.pointsFlag.findMany({
    where: { decidedAt: null },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      reason: true,
      details: true,
      createdAt: true,
      userId: true,
      lot: { select: { id: true, points: true, remaining: true } },
    },
  });
}

/** A held award after review: released to the customer, or clawed back. */
export async function decideFlag(actor: Actor, flagId: string, decision: "release" | "claw_back"): Promise<void> {
  if (!can(actor, "points.customers")) throw new AppError("NOT_FOUND");
  const flag = await db.pointsFlag.findUnique({ where: { id: flagId }, select: { id: true, lotId: true, userId: true, decidedAt: true } });
  if (!flag) throw new AppError("NOT_FOUND");
  if (flag.decidedAt) throw new AppError("CONFLICT", { messageKey: "points.alreadyDecided" });
  await db.$transaction(async (tx) => {
    const claimed = await tx.pointsFlag.updateMany({
      where: { id: flag.id, decidedAt: null },
      data: { decidedAt: new Date(), decidedById: actor.id, decision: decision === "release" ? "released" : "clawed_back" },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", { messageKey: "points.alreadyDecided" });
    if (decision === "release") await releaseLot(tx, flag.lotId, { actorId: actor.id });
    else await clawBackLot(tx, flag.lotId, { reason: "review_rejected", actorId: actor.id });
  });
  await recordAudit({
    action: "points.flag_decided",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "PointsFlag",
    targetId: flag.id,
    subjectIds: [flag.userId],
    details: { decision },
  });
}

/** Undo a redemption or a deduction (points back to their lots), with a reason, on record. */
export async function reverseEntry(actor: Actor, entryId: string, reason: string): Promise<void> {
  if (!can(actor, "points.approve")) throw new AppError("NOT_FOUND");
  const entry = await db.pointsEntry.findUnique({ where: { id: entryId }, select: { userId: true } });
  if (!entry) throw new AppError("NOT_FOUND");
  const redemption = await db.redemption.findUnique({
    where: { entryId },
    select: { id: true, reward: { select: { id: true, kind: true } } },
  });
  // A coupon code was shown and a warranty plan was added: taking the points back cannot take those
  // back, so only goods (not yet handed over) are reversed; the unit goes back into stock.
  if (redemption && redemption.reward.kind !== "GOODS") throw new AppError("CONFLICT", { messageKey: "points.rewardNotReversible" });
  const posted = await db.$transaction(async (tx) => {
    const result = await reverseSpend(tx, entryId, { reason, actorId: actor.id });
    if (redemption && !result.replayed) {
      await tx.redemption.update({ where: { id: redemption.id }, data: { reversedAt: new Date() } });
      await tx.reward.updateMany({ where: { id: redemption.reward.id, stock: { not: null } }, data: { stock: { increment: 1 } } });
    }
    return result;
  });
  if (posted.replayed) return;
  await recordAudit({
    action: "points.reversed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "PointsEntry",
    targetId: entryId,
    subjectIds: [entry.userId],
    details: { reason, reversal: posted.entryId },
  });
}

/**
 * The staff points page's lists (search results, adjustments waiting, held awards) name customers:
 * the view is audited with every customer it showed, like the desk queue.
 */
export async function pointsDesk(actor: Actor, query: string) {
  const [customers, awaiting, flags] = await Promise.all([searchPointsCustomers(actor, query), listAwaitingApproval(), listOpenFlags()]);
  const subjectIds = [...new Set([...customers.map((c) => c.id), ...awaiting.map((a) => a.user.id), ...flags.map((f) => f.userId)])];
  if (subjectIds.length > 0) {
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "PointsDesk",
      subjectIds,
      details: { view: "pointsDesk", search: query.length >= 2 ? query : null },
    });
  }
  return { customers, awaiting, flags };
}

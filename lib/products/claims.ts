import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { queueEmail, portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { noticeOpenRecalls } from "@/lib/recalls/notices";

/**
 * Ownership claims: a customer says a serial registered to someone else is theirs. Staff see the
 * claim with both sides' evidence and decide; approving moves the unit to the claimant.
 */
export function listOwnClaims(userId: string) {
  return db.ownershipClaim.findMany({
    where: { claimantId: userId },
    select: { id: true, status: true, createdAt: true, decidedAt: true, unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } } },
    orderBy: { createdAt: "desc" },
  });
}

/** Open claims with both sides' contact details; the view is audited (personal data). */
export async function listOpenClaims(viewerId: string) {
  const claims = await db.ownershipClaim.findMany({
    where: { status: "OPEN" },
    select: {
      id: true, message: true, createdAt: true, evidenceFileId: true,
      claimant: { select: { email: true, name: true } },
      unit: {
        select: {
          serial: true,
          model: { select: { code: true, nameJa: true, nameEn: true } },
          ownerships: {
            where: { endedAt: null },
            select: { id: true, registeredAt: true, purchasedOn: true, proofFileId: true, user: { select: { email: true, name: true } } },
          },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  if (claims.length > 0) {
    await recordAudit({ action: "personal_data.viewed", outcome: "SUCCESS", actorId: viewerId, targetType: "OwnershipClaim", details: { claims: claims.map((claim) => claim.id) } });
  }
  return claims;
}

/**
 * Decide a claim. `reviewedOwnershipId` is the registration staff compared against (null when there
 * was none); if the unit changed hands meanwhile the decision is refused, so staff never move a
 * product away from an owner they did not see. Approving ends that registration, voids its pending
 * transfer codes and gives the unit to the claimant; both customers are told by email.
 */
export async function decideClaim(staffId: string, input: { claimId: string; approve: boolean; note: string; reviewedOwnershipId: string | null }): Promise<void> {
  const now = new Date();
  const { claim, previousOwner } = await db.$transaction(async (tx) => {
    const decided = await tx.ownershipClaim.updateMany({
      where: { id: input.claimId, status: "OPEN" },
      data: { status: input.approve ? "APPROVED" : "REJECTED", decidedById: staffId, decidedAt: now, decisionNote: input.note || null },
    });
    if (decided.count !== 1) throw new AppError("NOT_FOUND");
    const row = await tx.ownershipClaim.findUniqueOrThrow({
      where: { id: input.claimId },
      select: { unitId: true, claimantId: true, evidenceFileId: true, unit: { select: { serial: true } }, claimant: { select: { email: true, locale: true } } },
    });
    const current = await tx.ownership.findFirst({ where: { unitId: row.unitId, endedAt: null }, select: { id: true, user: { select: { email: true, locale: true } } } });
    if ((current?.id ?? null) !== input.reviewedOwnershipId) throw new AppError("CONFLICT", { messageKey: "products.ownerChanged" });
    if (input.approve) {
      if (current) {
        await tx.ownershipTransfer.updateMany({ where: { ownershipId: current.id, acceptedAt: null, cancelledAt: null }, data: { cancelledAt: now } });
        await tx.ownership.update({ where: { id: current.id }, data: { endedAt: now, endReason: "CLAIM_DECIDED" } });
      }
      await tx.ownership.create({ data: { unitId: row.unitId, userId: row.claimantId, proofFileId: row.evidenceFileId, registeredAt: now } });
    }
    return { claim: row, previousOwner: input.approve ? (current?.user ?? null) : null };
  });
  await recordAudit({
    action: "product.claim_decided", outcome: "SUCCESS", actorId: staffId, targetType: "OwnershipClaim", targetId: input.claimId,
    details: { approved: input.approve },
  });
  try {
    if (input.approve) await noticeOpenRecalls(claim.unitId, claim.claimantId);
    const url = (locale: string) => portalUrl(locale, "/mypage/products");
    await queueEmail({ to: claim.claimant.email, locale: claim.claimant.locale, template: { name: "claimDecided", serial: claim.unit.serial, url: url(claim.claimant.locale) } });
    if (previousOwner) {
      await queueEmail({ to: previousOwner.email, locale: previousOwner.locale, template: { name: "ownershipMoved", serial: claim.unit.serial, url: url(previousOwner.locale) } });
    }
  } catch (error) {
    // The decision stands; a failed notice is logged, not turned into an error for staff.
    logger.error({ err: error, claimId: input.claimId }, "claim follow-up failed");
  }
}

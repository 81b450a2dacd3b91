import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { queueEmail, portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
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
            select: { registeredAt: true, purchasedOn: true, proofFileId: true, user: { select: { email: true, name: true } } },
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

export async function decideClaim(staffId: string, input: { claimId: string; approve: boolean; note: string }): Promise<void> {
  const now = new Date();
  const claim = await db.$transaction(async (tx) => {
    const decided = await tx.ownershipClaim.updateMany({
      where: { id: input.claimId, status: "OPEN" },
      data: { status: input.approve ? "APPROVED" : "REJECTED", decidedById: staffId, decidedAt: now, decisionNote: input.note || null },
    });
    if (decided.count !== 1) throw new AppError("NOT_FOUND");
    const row = await tx.ownershipClaim.findUniqueOrThrow({
      where: { id: input.claimId },
      select: { unitId: true, claimantId: true, evidenceFileId: true, unit: { select: { serial: true } }, claimant: { select: { email: true, locale: true } } },
    });
    if (input.approve) {
      await tx.ownership.updateMany({ where: { unitId: row.unitId, endedAt: null }, data: { endedAt: now, endReason: "CLAIM_DECIDED" } });
      await tx.ownership.create({ data: { unitId: row.unitId, userId: row.claimantId, proofFileId: row.evidenceFileId, registeredAt: now } });
    }
    return row;
  });
  await recordAudit({
    action: "product.claim_decided", outcome: "SUCCESS", actorId: staffId, targetType: "OwnershipClaim", targetId: input.claimId,
    details: { approved: input.approve },
  });
  if (input.approve) await noticeOpenRecalls(claim.unitId, claim.claimantId);
  await queueEmail({
    to: claim.claimant.email,
    locale: claim.claimant.locale,
    template: { name: "claimDecided", serial: claim.unit.serial, url: portalUrl(claim.claimant.locale, "/mypage/products") },
  });
}

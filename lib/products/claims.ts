import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { claimWhereFor, ownershipWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { endOwnership, startOwnership, type AfterCommit } from "@/lib/ownership/lifecycle";
import { isClaimRejectReason, type ClaimRejectReason } from "./claim-reasons";
import { normalizeSerial } from "./serial-format";

/**
 * Ownership claims: a customer says a serial registered to someone else is theirs. Staff see the
 * claim with both sides' evidence and decide; approving moves the unit to the claimant.
 */
export function listOwnClaims(actor: Actor) {
  return db.ownershipClaim.findMany({
    where: claimWhereFor(actor),
    select: {
      id: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      decisionReason: true,
      decisionNote: true,
      unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } },
    },
    orderBy: { createdAt: "desc" },
  });
}

export const CLAIM_FILTERS = ["open", "approved", "rejected", "all"] as const;
export type ClaimFilter = (typeof CLAIM_FILTERS)[number];
const STATUS_OF: Record<ClaimFilter, ClaimStatus | undefined> = {
  open: "OPEN",
  approved: "APPROVED",
  rejected: "REJECTED",
  all: undefined,
};

/** How many decided claims the history shows at once (newest first); the search narrows it. */
export const CLAIM_HISTORY_LIMIT = 50;

/**
 * Claims for staff, open ones oldest first (first come, first served), decided ones newest first
 * with who decided, when and why. `search` matches the serial, the model code or the claimant's
 * email. Both sides' contact details are personal data: the view is audited with whose they are.
 */
export async function listClaimsForReview(viewer: Actor, filter: { status: ClaimFilter; search?: string }) {
  const search = filter.search?.trim().slice(0, 100);
  const status = STATUS_OF[filter.status];
  const filtered: Prisma.OwnershipClaimWhereInput = {
    ...(status ? { status } : {}),
    ...(search
      ? {
          OR: [
            { unit: { serial: { contains: normalizeSerial(search) } } },
            { unit: { model: { code: { contains: search, mode: "insensitive" } } } },
            { claimant: { email: { contains: search, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const claims = await db.ownershipClaim.findMany({
    where: { AND: [claimWhereFor(viewer), filtered] },
    select: {
      id: true,
      status: true,
      message: true,
      createdAt: true,
      evidenceFileId: true,
      decidedAt: true,
      decidedById: true,
      decisionReason: true,
      decisionNote: true,
      claimant: { select: { id: true, email: true, name: true } },
      unit: {
        select: {
          serial: true,
          model: { select: { code: true, nameJa: true, nameEn: true } },
          ownerships: {
            where: ownershipWhereFor(viewer),
            select: {
              id: true,
              registeredAt: true,
              purchasedOn: true,
              proofFileId: true,
              user: { select: { id: true, email: true, name: true } },
            },
          },
        },
      },
    },
    orderBy: filter.status === "open" ? { createdAt: "asc" } : [{ decidedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: filter.status === "open" ? undefined : CLAIM_HISTORY_LIMIT,
  });
  // The claim row keeps only the deciding staff member's id: their names come in one more query.
  const deciderIds = [...new Set(claims.flatMap((claim) => (claim.decidedById ? [claim.decidedById] : [])))];
  const deciders = new Map(
    (await db.user.findMany({ where: { id: { in: deciderIds } }, select: { id: true, email: true, name: true } })).map((user) => [
      user.id,
      user,
    ]),
  );
  if (claims.length > 0) {
    const subjectIds = new Set<string>();
    for (const claim of claims) {
      subjectIds.add(claim.claimant.id);
      for (const ownership of claim.unit.ownerships) subjectIds.add(ownership.user.id);
    }
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: viewer.id,
      targetType: "OwnershipClaim",
      targetId: claims.length === 1 ? claims[0]!.id : undefined,
      subjectIds: [...subjectIds],
      details: { claims: claims.map((claim) => claim.id), filter: filter.status, ...(search ? { search } : {}) },
    });
  }
  return claims.map((claim) => ({ ...claim, decidedBy: claim.decidedById ? (deciders.get(claim.decidedById) ?? null) : null }));
}

/**
 * Decide a claim. `reviewedOwnershipId` is the registration staff compared against (null when there
 * was none); if the unit changed hands meanwhile the decision is refused, so staff never move a
 * product away from an owner they did not see. Approving ends that registration, voids its pending
 * transfer codes and gives the unit to the claimant; both customers are told by email.
 */
export async function decideClaim(
  staffId: string,
  input: { claimId: string; approve: boolean; reason?: ClaimRejectReason | null; note: string; reviewedOwnershipId: string | null },
): Promise<void> {
  // A rejection always carries a reason the customer can act on; an approval never does.
  const reason = input.approve ? null : (input.reason ?? null);
  if (!input.approve && !isClaimRejectReason(reason)) throw new AppError("VALIDATION", { cause: { reason: "claimsAdmin.reasonRequired" } });
  const now = new Date();
  const { claim, afterCommit } = await db.$transaction(async (tx) => {
    const decided = await tx.ownershipClaim.updateMany({
      where: { id: input.claimId, status: "OPEN" },
      data: {
        status: input.approve ? "APPROVED" : "REJECTED",
        decidedById: staffId,
        decidedAt: now,
        decisionNote: input.note || null,
        decisionReason: reason,
      },
    });
    if (decided.count !== 1) throw new AppError("NOT_FOUND");
    const row = await tx.ownershipClaim.findUniqueOrThrow({
      where: { id: input.claimId },
      select: {
        unitId: true,
        claimantId: true,
        evidenceFileId: true,
        unit: { select: { serial: true } },
        claimant: { select: { email: true, locale: true } },
      },
    });
    const current = await tx.ownership.findFirst({ where: { unitId: row.unitId, endedAt: null }, select: { id: true } });
    if ((current?.id ?? null) !== input.reviewedOwnershipId) throw new AppError("CONFLICT", { messageKey: "products.ownerChanged" });
    const followUps: AfterCommit[] = [];
    if (input.approve) {
      if (current) {
        // The previous owner is told by the lifecycle's end follow-up ("ownership moved").
        const ended = await endOwnership(tx, { ownershipId: current.id, reason: "CLAIM_DECIDED", at: now });
        if (!ended) throw new AppError("CONFLICT", { messageKey: "products.ownerChanged" });
        followUps.push(ended.afterCommit);
      }
      const started = await startOwnership(tx, {
        unitId: row.unitId,
        userId: row.claimantId,
        proofFileId: row.evidenceFileId,
        via: "CLAIM",
        at: now,
      });
      followUps.push(started.afterCommit);
    }
    return {
      claim: row,
      afterCommit: async () => {
        for (const followUp of followUps) await followUp();
      },
    };
  });
  await recordAudit({
    action: "product.claim_decided",
    outcome: "SUCCESS",
    actorId: staffId,
    targetType: "OwnershipClaim",
    targetId: input.claimId,
    details: { approved: input.approve, ...(reason ? { reason } : {}) },
  });
  await afterCommit();
  try {
    await enqueueEmail({
      to: claim.claimant.email,
      locale: claim.claimant.locale,
      template: {
        name: "claimDecided",
        serial: claim.unit.serial,
        url: portalUrl(claim.claimant.locale, "/mypage/products"),
        result: input.approve ? "approved" : "rejected",
        reason: reason ?? "none",
        note: input.note,
        hasNote: input.note ? "yes" : "no",
      },
    });
  } catch (error) {
    // The decision stands; a failed notice is logged, not turned into an error for staff.
    logger.error({ err: error, claimId: input.claimId }, "claim follow-up failed");
  }
}

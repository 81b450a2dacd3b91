import "server-only";
import { portalUrl } from "@/lib/email/send";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OwnershipEndReason } from "@/lib/generated/prisma/enums";
import { nameIn } from "@/lib/i18n/localized";
import { logger } from "@/lib/log";
import { clawBackRegistration, earnForRegistration } from "@/lib/points/earning";
import { flagLots, registrationVelocity } from "@/lib/points/velocity";
import { assignOpenRecallNotices, emailRecallNotices } from "@/lib/recalls/notices";

/**
 * The one place where ownerships start and end (registration, transfer, claim decision,
 * unregistering). Each flow checks its own rules, then calls `startOwnership` / `endOwnership`
 * inside its transaction; what has to happen whenever an owner comes or goes is a follow-up in
 * `OWNERSHIP_FOLLOW_UPS`, run in the same transaction. A follow-up may return work for after the
 * commit (emails), which the flow runs with `afterCommit()` once its transaction is through, so a
 * rolled-back change never sends mail and a failed email never undoes an ownership.
 */
export type Tx = Prisma.TransactionClient;

/** Work after the commit. Never throws: each failure is logged (the ownership change stands). */
export type AfterCommit = () => Promise<void>;

export type OwnershipStarted = {
  ownershipId: string;
  unitId: string;
  userId: string;
  /** The previous owner's ownership when the unit came by transfer. */
  transferredFromId: string | null;
  /** How the owner came to own it. */
  via: "REGISTRATION" | "TRANSFER" | "CLAIM";
  at: Date;
};

export type OwnershipEnded = {
  ownershipId: string;
  unitId: string;
  userId: string;
  reason: OwnershipEndReason;
  at: Date;
};

/** What happens whenever an ownership starts or ends (repairs need none: a request belongs to who made it, see ticketWhereFor). */
export type OwnershipFollowUp = {
  name: string;
  onStart?: (tx: Tx, event: OwnershipStarted) => Promise<AfterCommit | void>;
  onEnd?: (tx: Tx, event: OwnershipEnded) => Promise<AfterCommit | void>;
};

/** A new owner gets the notices of open recalls covering the unit (safety notices follow the unit). */
const recallNotices: OwnershipFollowUp = {
  name: "recallNotices",
  onStart: async (tx, event) => {
    const noticeIds = await assignOpenRecallNotices(tx, event.unitId, event.userId);
    return () => emailRecallNotices(noticeIds);
  },
};

/** The former owner hears that the unit left their account when someone else caused it. */
const formerOwnerEmail: OwnershipFollowUp = {
  name: "formerOwnerEmail",
  onEnd: async (tx, event) => {
    if (event.reason === "UNREGISTERED") return;
    const ownership = await tx.ownership.findUniqueOrThrow({
      where: { id: event.ownershipId },
      select: {
        user: { select: { email: true, locale: true } },
        unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } },
      },
    });
    const { user, unit } = ownership;
    const url = portalUrl(user.locale, "/mypage/products");
    return async () => {
      await enqueueEmail({
        to: user.email,
        locale: user.locale,
        template:
          event.reason === "TRANSFERRED"
            ? { name: "transferCompleted", product: nameIn(user.locale, unit.model), serial: unit.serial, url }
            : { name: "ownershipMoved", serial: unit.serial, url },
      });
    };
  },
};

/**
 * Points (issue 12): registering earns (once per serial ever; held for review when a velocity check
 * fires), a registration that is removed or goes to its rightful owner through a claim is clawed
 * back. A transfer keeps the seller's points: their registration was real.
 */
const points: OwnershipFollowUp = {
  name: "points",
  onStart: async (tx, event) => {
    if (event.via === "TRANSFER") return;
    const flag = await registrationVelocity(tx, event.userId, event.at);
    const lotIds = await earnForRegistration(tx, { ...event, via: event.via, held: flag !== null, now: event.at });
    if (flag) await flagLots(tx, event.userId, lotIds, flag);
  },
  onEnd: async (tx, event) => {
    if (event.reason === "TRANSFERRED") return;
    await clawBackRegistration(tx, event.ownershipId, event.reason === "UNREGISTERED" ? "registration_removed" : "claim_decided", event.at);
  },
};

export const OWNERSHIP_FOLLOW_UPS: readonly OwnershipFollowUp[] = [recallNotices, formerOwnerEmail, points];

function collect(effects: { name: string; work: AfterCommit }[], context: Record<string, string>): AfterCommit {
  return async () => {
    for (const { name, work } of effects) {
      try {
        await work();
      } catch (error) {
        logger.error({ err: error, followUp: name, ...context }, "ownership follow-up failed");
      }
    }
  };
}

export type StartOwnershipInput = {
  unitId: string;
  userId: string;
  /** Registration time; the database's now() when left out. */
  at?: Date;
  purchasedOn?: Date | null;
  dealerId?: string | null;
  otherShopName?: string | null;
  proofFileId?: string | null;
  /** The dealer's sale that confirmed the purchase (issue 13). */
  dealerSaleId?: string | null;
  transferredFromId?: string | null;
  /** A claim decided for the claimant; otherwise a registration, or a transfer when transferredFromId is set. */
  via?: "CLAIM";
};

/**
 * Make the user the unit's owner and run the start follow-ups. The partial unique index (one
 * active owner per unit) refuses a second owner with P2002, which aborts the transaction: the
 * caller decides what that means (a double click, or someone else was faster).
 */
export async function startOwnership(
  tx: Tx,
  input: StartOwnershipInput,
  followUps: readonly OwnershipFollowUp[] = OWNERSHIP_FOLLOW_UPS,
): Promise<{ ownershipId: string; afterCommit: AfterCommit }> {
  const created = await tx.ownership.create({
    data: {
      unitId: input.unitId,
      userId: input.userId,
      ...(input.at ? { registeredAt: input.at } : {}),
      purchasedOn: input.purchasedOn ?? null,
      dealerId: input.dealerId ?? null,
      otherShopName: input.otherShopName ?? null,
      proofFileId: input.proofFileId ?? null,
      dealerSaleId: input.dealerSaleId ?? null,
      transferredFromId: input.transferredFromId ?? null,
    },
    select: { id: true, registeredAt: true },
  });
  const event: OwnershipStarted = {
    ownershipId: created.id,
    unitId: input.unitId,
    userId: input.userId,
    transferredFromId: input.transferredFromId ?? null,
    via: input.transferredFromId ? "TRANSFER" : (input.via ?? "REGISTRATION"),
    at: created.registeredAt,
  };
  const effects = [];
  for (const followUp of followUps) {
    const work = await followUp.onStart?.(tx, event);
    if (work) effects.push({ name: followUp.name, work });
  }
  return { ownershipId: created.id, afterCommit: collect(effects, { ownershipId: created.id }) };
}

/**
 * End an active ownership: record why, void its open transfer codes, run the end follow-ups.
 * Conditional on the ownership still being active, so two enders racing (a transfer accepted while
 * the owner unregisters) leave one result; the loser gets null and nothing changes, and the caller
 * answers with its own error.
 */
export async function endOwnership(
  tx: Tx,
  input: { ownershipId: string; reason: OwnershipEndReason; at?: Date },
  followUps: readonly OwnershipFollowUp[] = OWNERSHIP_FOLLOW_UPS,
): Promise<{ afterCommit: AfterCommit } | null> {
  const at = input.at ?? new Date();
  const ended = await tx.ownership.updateMany({
    where: { id: input.ownershipId, endedAt: null },
    data: { endedAt: at, endReason: input.reason },
  });
  if (ended.count !== 1) return null;
  // A code for a product the owner no longer has must not hand it to anyone.
  await tx.ownershipTransfer.updateMany({
    where: { ownershipId: input.ownershipId, acceptedAt: null, cancelledAt: null },
    data: { cancelledAt: at },
  });
  const row = await tx.ownership.findUniqueOrThrow({ where: { id: input.ownershipId }, select: { unitId: true, userId: true } });
  const event: OwnershipEnded = { ownershipId: input.ownershipId, unitId: row.unitId, userId: row.userId, reason: input.reason, at };
  const effects = [];
  for (const followUp of followUps) {
    const work = await followUp.onEnd?.(tx, event);
    if (work) effects.push({ name: followUp.name, work });
  }
  return { afterCommit: collect(effects, { ownershipId: input.ownershipId }) };
}

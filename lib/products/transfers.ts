import "server-only";
import { randomInt } from "node:crypto";
import { recordAudit } from "@/lib/audit/log";
import { keyedHash } from "@/lib/auth/sealed-secrets";
import { reserveAttempt, settleSuccess } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { requestMeta } from "@/lib/request-context";
import { endOwnership, startOwnership } from "@/lib/ownership/lifecycle";

/**
 * Handing a product to a new owner: the seller starts a transfer and gets a one-time code, the
 * buyer enters it. The seller's ownership ends, the buyer's begins and points back to it, so the
 * warranty keeps the first purchase and the history stays. Codes are stored as keyed hashes.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U
const CODE_LENGTH = 10; // 50 bits, and acceptance is rate-limited
export const TRANSFER_DAYS = 7;

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** "ABCDE-FGHJK" for reading aloud or copying. */
export function formatTransferCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

async function ownActive(userId: string, ownershipId: string) {
  const ownership = await db.ownership.findFirst({ where: { id: ownershipId, userId, endedAt: null }, select: { id: true, unitId: true } });
  if (!ownership) throw new AppError("NOT_FOUND");
  return ownership;
}

export type PendingTransfer = { id: string; expiresAt: Date; createdAt: Date };

export function pendingTransferOf(ownershipId: string): Promise<PendingTransfer | null> {
  return db.ownershipTransfer.findFirst({
    where: { ownershipId, acceptedAt: null, cancelledAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, expiresAt: true, createdAt: true },
  });
}

/** Start (or restart) a transfer: earlier codes for this product stop working. The code is shown once. */
export async function startTransfer(userId: string, ownershipId: string): Promise<{ code: string; expiresAt: Date }> {
  const ownership = await ownActive(userId, ownershipId);
  const code = newCode();
  const expiresAt = new Date(Date.now() + TRANSFER_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    // Locking the ownership makes two clicks in two tabs leave one valid code, not two.
    await tx.$queryRaw`SELECT id FROM "Ownership" WHERE id = ${ownership.id} FOR UPDATE`;
    await tx.ownershipTransfer.updateMany({
      where: { ownershipId: ownership.id, acceptedAt: null, cancelledAt: null },
      data: { cancelledAt: new Date() },
    });
    await tx.ownershipTransfer.create({ data: { ownershipId: ownership.id, codeHash: keyedHash(code), expiresAt } });
  });
  await recordAudit({
    action: "product.transfer_started",
    outcome: "SUCCESS",
    actorId: userId,
    targetType: "Ownership",
    targetId: ownership.id,
  });
  return { code, expiresAt };
}

export async function cancelTransfer(userId: string, ownershipId: string): Promise<void> {
  const ownership = await ownActive(userId, ownershipId);
  await db.ownershipTransfer.updateMany({
    where: { ownershipId: ownership.id, acceptedAt: null, cancelledAt: null },
    data: { cancelledAt: new Date() },
  });
}

/**
 * The buyer accepts with the code. Wrong, used, cancelled and expired codes get the same answer;
 * attempts count per user and per address. The conditional update makes a code good for one
 * acceptance even when two arrive at once.
 */
export async function acceptTransfer(buyerId: string, code: string): Promise<{ ownershipId: string }> {
  const { ipAddress } = await requestMeta();
  const buyerKey = { kind: "secondFactor" as const, value: `transfer:${buyerId}` };
  const limit = await reserveAttempt([buyerKey, { kind: "lookup", value: `transfer-ip:${ipAddress ?? "unknown"}` }]);
  if (!limit.allowed) throw new AppError("RATE_LIMITED", { messageKey: "products.tooManyLookups" });

  const now = new Date();
  const transfer = await db.ownershipTransfer.findFirst({
    where: { codeHash: keyedHash(code), acceptedAt: null, cancelledAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      ownership: {
        select: {
          id: true,
          unitId: true,
          userId: true,
          endedAt: true,
        },
      },
    },
  });
  if (!transfer || transfer.ownership.endedAt) throw new AppError("VALIDATION", { cause: { code: "products.transferCodeWrong" } });
  const seller = transfer.ownership;
  if (seller.userId === buyerId) throw new AppError("VALIDATION", { cause: { code: "products.transferToSelf" } });

  const { ownershipId, afterCommit } = await db
    .$transaction(async (tx) => {
      const taken = await tx.ownershipTransfer.updateMany({
        where: { id: transfer.id, acceptedAt: null, cancelledAt: null },
        data: { acceptedAt: now, acceptedById: buyerId },
      });
      if (taken.count !== 1) throw new AppError("VALIDATION", { cause: { code: "products.transferCodeWrong" } });
      // The seller must still own it (not unregistered or moved by a review a moment ago).
      const ended = await endOwnership(tx, { ownershipId: seller.id, reason: "TRANSFERRED", at: now });
      if (!ended) throw new AppError("VALIDATION", { cause: { code: "products.transferCodeWrong" } });
      const started = await startOwnership(tx, { unitId: seller.unitId, userId: buyerId, transferredFromId: seller.id, at: now });
      return {
        ownershipId: started.ownershipId,
        afterCommit: async () => {
          await started.afterCommit();
          await ended.afterCommit();
        },
      };
    })
    .catch((error: unknown) => {
      // Someone else became the owner at the same moment (one active owner per unit).
      if (isUniqueViolation(error)) throw new AppError("VALIDATION", { cause: { code: "products.transferCodeWrong" } });
      throw error;
    });
  // A buyer who got it right starts afresh (a family receiving several products is not throttled).
  await settleSuccess([buyerKey]);
  await recordAudit({
    action: "product.transferred",
    outcome: "SUCCESS",
    actorId: buyerId,
    targetType: "Ownership",
    targetId: ownershipId,
    details: { from: seller.id },
  });
  // Recall emails to the buyer, "transfer completed" to the seller; a failure is logged, the buyer has the product.
  await afterCommit();
  return { ownershipId };
}

/** The owner removes a product from the account (it can then be registered again, by anyone). */
export async function unregisterProduct(userId: string, ownershipId: string): Promise<void> {
  const ownership = await ownActive(userId, ownershipId);
  const now = new Date();
  const { afterCommit } = await db.$transaction(async (tx) => {
    // Conditional: a transfer accepted a moment ago keeps its "transferred" history. Pending codes are voided.
    const ended = await endOwnership(tx, { ownershipId: ownership.id, reason: "UNREGISTERED", at: now });
    if (!ended) throw new AppError("NOT_FOUND");
    return ended;
  });
  await recordAudit({
    action: "product.unregistered",
    outcome: "SUCCESS",
    actorId: userId,
    targetType: "Ownership",
    targetId: ownership.id,
  });
  await afterCommit();
}

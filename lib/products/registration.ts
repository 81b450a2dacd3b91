import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { reserveAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { findOwnFile } from "@/lib/files/stored-files";
import { startOwnership } from "@/lib/ownership/lifecycle";
import { requestMeta } from "@/lib/request-context";
import type { WarrantyBasis } from "@/lib/warranty/compute";
import { isLocalDate, localDateOf, type LocalDate } from "@/lib/warranty/local-date";
import { businessToday } from "@/lib/time/business-time";
import { confirmedSaleFor } from "@/lib/dealers/sales";
import { checkAgainstFormats, normalizeSerial, serialFormatOf } from "./serial-format";

/**
 * Registering a product by its serial number (issue 4): one serial, one owner.
 * Look-ups and registrations are rate-limited per user and per address, so the registry cannot be
 * enumerated through them (2.4.1).
 */
export type SerialLookup =
  | { status: "notFound"; looksValid: boolean }
  | {
      status: "available";
      serial: string;
      model: { code: string; nameJa: string; nameEn: string; warrantyBasis: WarrantyBasis };
      manufacturedOn: LocalDate;
      /** The shop's sales list names this sale: date and shop are filled in, no receipt needed (issue 13). */
      confirmedSale: { dealerId: string; dealerName: string; soldOn: LocalDate } | null;
    }
  | { status: "ownedByYou"; serial: string; ownershipId: string }
  | { status: "ownedByOther"; serial: string; model: { code: string; nameJa: string; nameEn: string; warrantyBasis: WarrantyBasis } };

async function limitLookups(userId: string): Promise<void> {
  const { ipAddress } = await requestMeta();
  const keys = [
    { kind: "lookup" as const, value: `user:${userId}` },
    { kind: "lookup" as const, value: `ip:${ipAddress ?? "unknown"}` },
  ];
  if (!(await reserveAttempt(keys)).allowed) throw new AppError("RATE_LIMITED", { messageKey: "products.tooManyLookups" });
}

export async function lookupSerial(userId: string, input: string, invitation?: string | null): Promise<SerialLookup> {
  await limitLookups(userId);
  const serial = normalizeSerial(input);
  const unit = serial
    ? await db.serialUnit.findUnique({
        where: { serial },
        select: {
          id: true,
          serial: true,
          manufacturedOn: true,
          // The basis tells the form whether to ask for a receipt and purchase date at all.
          model: { select: { code: true, nameJa: true, nameEn: true, warrantyBasis: true } },
          ownerships: { where: { endedAt: null }, select: { id: true, userId: true } },
        },
      })
    : null;
  if (!unit) {
    // Tell a typo from an unknown unit without revealing anything about the registry.
    const models = await db.productModel.findMany({ where: { archivedAt: null }, select: { serialPattern: true, checkDigit: true } });
    const looksValid = checkAgainstFormats(serial, models.map(serialFormatOf)) === "ok";
    return { status: "notFound", looksValid };
  }
  const owner = unit.ownerships[0];
  if (owner?.userId === userId) return { status: "ownedByYou", serial: unit.serial, ownershipId: owner.id };
  if (owner) return { status: "ownedByOther", serial: unit.serial, model: unit.model };
  const sale = await confirmedSaleFor(unit.id, userId, invitation);
  return {
    status: "available",
    serial: unit.serial,
    model: unit.model,
    manufacturedOn: localDateOf(unit.manufacturedOn),
    confirmedSale: sale ? { dealerId: sale.dealerId, dealerName: sale.dealerName, soldOn: sale.soldOn } : null,
  };
}

export type RegistrationInput = {
  serial: string;
  purchasedOn: LocalDate | null;
  /** One of ours, or the name of another shop, or neither. */
  dealerId: string | null;
  otherShopName: string | null;
  proofFileId: string | null;
  /** The token of a dealer's registration invitation, when the customer came through its link. */
  invitation?: string | null;
  /** The customer said the dealer's recorded sale is not their purchase. */
  declineSale?: boolean;
};

/**
 * Register a unit to the user. Idempotent for the same user (a double click gives one record);
 * a unit owned by someone else is refused with a code the form turns into the claim offer. The
 * partial unique index on Ownership decides races between two users.
 */
export async function registerProduct(
  userId: string,
  input: RegistrationInput,
  today: LocalDate = businessToday(),
): Promise<{ ownershipId: string }> {
  await limitLookups(userId);
  const serial = normalizeSerial(input.serial);
  const unit = await db.serialUnit.findUnique({
    where: { serial },
    select: { id: true, manufacturedOn: true, ownerships: { where: { endedAt: null }, select: { id: true, userId: true } } },
  });
  if (!unit) throw new AppError("NOT_FOUND", { messageKey: "products.serialNotFound" });
  const owner = unit.ownerships[0];
  if (owner?.userId === userId) return { ownershipId: owner.id };
  if (owner) throw new AppError("CONFLICT", { messageKey: "products.ownedByOther" });

  const fieldErrors: Record<string, string> = {};
  if (input.purchasedOn !== null) {
    if (!isLocalDate(input.purchasedOn)) fieldErrors.purchasedOn = "validation.dateInvalid";
    else if (input.purchasedOn > today) fieldErrors.purchasedOn = "products.purchaseInFuture";
    else if (input.purchasedOn < localDateOf(unit.manufacturedOn)) fieldErrors.purchasedOn = "products.purchaseBeforeManufacture";
  }
  if (input.dealerId && !(await db.dealer.findFirst({ where: { id: input.dealerId, deactivatedAt: null }, select: { id: true } }))) {
    fieldErrors.dealerId = "products.dealerUnknown";
  }
  // The proof must be the user's own, uploaded for this purpose (another customer's file is "not found").
  if (input.proofFileId && !(await findOwnFile(userId, input.proofFileId, "proof_of_purchase"))) {
    fieldErrors.proofFileId = "products.proofNotFound";
  }
  // A sale on the shop's list confirms the date and the shop: they come from the list, not the form.
  const sale = input.declineSale ? null : await confirmedSaleFor(unit.id, userId, input.invitation);
  if (sale) {
    delete fieldErrors.purchasedOn;
    delete fieldErrors.dealerId;
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", { cause: fieldErrors });

  try {
    const { ownershipId, afterCommit } = await db.$transaction(async (tx) => {
      const started = await startOwnership(tx, {
        unitId: unit.id,
        userId,
        purchasedOn: sale ? new Date(`${sale.soldOn}T00:00:00Z`) : input.purchasedOn ? new Date(`${input.purchasedOn}T00:00:00Z`) : null,
        dealerId: sale ? sale.dealerId : input.dealerId,
        otherShopName: sale || input.dealerId ? null : input.otherShopName?.trim() || null,
        proofFileId: input.proofFileId,
        dealerSaleId: sale?.saleId ?? null,
      });
      if (sale) await tx.dealerInvitation.updateMany({ where: { saleId: sale.saleId, usedAt: null }, data: { usedAt: new Date() } });
      return started;
    });
    await recordAudit({
      action: "product.registered",
      outcome: "SUCCESS",
      actorId: userId,
      targetType: "Ownership",
      targetId: ownershipId,
    });
    await afterCommit();
    return { ownershipId };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Someone registered it a moment earlier: this user again (double submit), or another user.
    const current = await db.ownership.findFirst({ where: { unitId: unit.id, endedAt: null }, select: { id: true, userId: true } });
    if (current?.userId === userId) return { ownershipId: current.id };
    throw new AppError("CONFLICT", { messageKey: "products.ownedByOther" });
  }
}

/** Ask staff to review a serial registered to someone else. One open claim per user and unit. */
export async function fileOwnershipClaim(
  userId: string,
  input: { serial: string; message: string; evidenceFileId: string | null },
): Promise<{ claimId: string }> {
  await limitLookups(userId);
  const unit = await db.serialUnit.findUnique({
    where: { serial: normalizeSerial(input.serial) },
    select: { id: true, ownerships: { where: { endedAt: null }, select: { userId: true } } },
  });
  const owner = unit?.ownerships[0];
  if (!unit || !owner || owner.userId === userId) throw new AppError("NOT_FOUND", { messageKey: "products.nothingToClaim" });
  if (input.evidenceFileId && !(await findOwnFile(userId, input.evidenceFileId))) {
    throw new AppError("VALIDATION", { cause: { evidenceFileId: "products.proofNotFound" } });
  }
  try {
    const claim = await db.ownershipClaim.create({
      data: { unitId: unit.id, claimantId: userId, message: input.message.trim(), evidenceFileId: input.evidenceFileId },
      select: { id: true },
    });
    await recordAudit({
      action: "product.claim_filed",
      outcome: "SUCCESS",
      actorId: userId,
      targetType: "OwnershipClaim",
      targetId: claim.id,
    });
    return { claimId: claim.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const open = await db.ownershipClaim.findFirstOrThrow({
      where: { unitId: unit.id, claimantId: userId, status: "OPEN" },
      select: { id: true },
    });
    return { claimId: open.id };
  }
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { purposesWithVersions, versionStillCounts, type PurposeVersions } from "./policies";
import { recordPolicyConsents } from "./record";

/**
 * The "share my contact details with the dealer of my purchase" consent (issue 13, GDPR 7): one
 * record per customer and dealer, with the policy version and text hash; withdrawing is one step,
 * like giving. lib/dealers/masking.ts reads it to unmask a dealer's view.
 */
const PURPOSE = "dealer_share";

/**
 * The dealers the customer may share with: those that reach a current product of theirs (the same
 * rule as the dealer's own scope, dealerOwnershipWhere).
 */
async function dealersOf(userId: string) {
  const ownerships = await db.ownership.findMany({
    where: { userId, endedAt: null },
    select: {
      dealerId: true,
      otherShopName: true,
      transferredFromId: true,
      unit: { select: { dealerSales: { where: { soldTwice: false }, select: { dealerId: true } } } },
    },
  });
  const ids = new Set<string>();
  for (const ownership of ownerships) {
    if (ownership.dealerId) ids.add(ownership.dealerId);
    else if (!ownership.otherShopName && !ownership.transferredFromId)
      for (const sale of ownership.unit.dealerSales) ids.add(sale.dealerId);
  }
  return db.dealer.findMany({
    where: { id: { in: [...ids] }, deactivatedAt: null },
    select: { id: true, name: true, prefecture: true },
    orderBy: { name: "asc" },
  });
}

export type DealerShareChoice = {
  dealerId: string;
  name: string;
  prefecture: string | null;
  /** The consent that counts now, when given. */
  grantedAt: Date | null;
  policyVersion: string | null;
  /** Given to a version that a newer one asked to accept again: the dealer sees masked data until renewed. */
  needsRenewal: boolean;
};

async function sharePurpose(): Promise<PurposeVersions> {
  const purpose = (await purposesWithVersions()).find((candidate) => candidate.id === PURPOSE);
  if (!purpose) throw new Error("The dealer_share purpose is missing");
  return purpose;
}

/** For the customer's privacy page: each dealer of theirs, and whether they share with it. */
export async function dealerShareChoices(userId: string): Promise<DealerShareChoice[]> {
  const [reachable, active, purpose] = await Promise.all([
    dealersOf(userId),
    db.consent.findMany({
      where: { userId, purpose: PURPOSE, withdrawnAt: null },
      select: { dealerId: true, grantedAt: true, policyVersion: true, dealer: { select: { id: true, name: true, prefecture: true } } },
    }),
    sharePurpose(),
  ]);
  const byDealer = new Map(active.map((consent) => [consent.dealerId, consent]));
  // A consent stays listed (and can be withdrawn) after the product that led to it is gone.
  const dealers = [...reachable];
  for (const consent of active)
    if (consent.dealer && !reachable.some((dealer) => dealer.id === consent.dealer!.id)) dealers.push(consent.dealer);
  return dealers.map((dealer) => {
    const consent = byDealer.get(dealer.id);
    const counts = consent !== undefined && versionStillCounts(purpose, consent.policyVersion);
    return {
      dealerId: dealer.id,
      name: dealer.name,
      prefecture: dealer.prefecture,
      grantedAt: counts ? consent.grantedAt : null,
      policyVersion: counts ? consent.policyVersion : null,
      needsRenewal: consent !== undefined && !counts,
    };
  });
}

/** The consent history of this purpose, newest first (given and withdrawn), for the customer. */
export function dealerShareHistory(userId: string) {
  return db.consent.findMany({
    where: { userId, purpose: PURPOSE },
    orderBy: { grantedAt: "desc" },
    take: 50,
    select: { id: true, grantedAt: true, withdrawnAt: true, policyVersion: true, channel: true, dealer: { select: { name: true } } },
  });
}

/**
 * Give or withdraw. Idempotent: giving twice keeps one active record (the customer's lock
 * serialises a double click), withdrawing what is not given changes nothing. Giving to a dealer
 * that is not one of the customer's is "not found".
 */
export async function setDealerShare(userId: string, dealerId: string, allow: boolean): Promise<void> {
  // Giving needs a dealer of the customer's; withdrawing is always possible (GDPR 7(3)).
  if (allow && !(await dealersOf(userId)).some((dealer) => dealer.id === dealerId)) throw new AppError("NOT_FOUND");
  const purpose = await sharePurpose();
  const changed = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const active = await tx.consent.findFirst({
      where: { userId, dealerId, purpose: PURPOSE, withdrawnAt: null },
      select: { id: true, policyVersion: true },
    });
    if (allow) {
      if (active && versionStillCounts(purpose, active.policyVersion)) return false;
      // A consent to a version that needs re-acceptance is ended and the current version recorded.
      if (active) await tx.consent.update({ where: { id: active.id }, data: { withdrawnAt: new Date() } });
      await recordPolicyConsents(tx, userId, [PURPOSE], "web_settings", dealerId);
      return true;
    }
    if (!active) return false;
    await tx.consent.update({ where: { id: active.id }, data: { withdrawnAt: new Date() } });
    return true;
  });
  if (changed) {
    await recordAudit({
      action: allow ? "consent.given" : "consent.withdrawn",
      outcome: "SUCCESS",
      actorId: userId,
      targetType: "Dealer",
      targetId: dealerId,
      details: { purpose: PURPOSE, dealerId },
    });
  }
}

/** Of `customerIds`, those whose consent to the current texts lets `dealerId` see their contact details. */
export async function customersSharingWith(dealerId: string, customerIds: string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const [rows, purpose] = await Promise.all([
    db.consent.findMany({
      where: { dealerId, purpose: PURPOSE, withdrawnAt: null, userId: { in: customerIds } },
      select: { userId: true, policyVersion: true },
    }),
    sharePurpose(),
  ]);
  return new Set(rows.filter((row) => versionStillCounts(purpose, row.policyVersion)).map((row) => row.userId));
}

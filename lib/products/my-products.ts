import "server-only";
import { tierStatus } from "@/lib/points/wallet";
import type { Actor } from "@/lib/auth/permissions";
import { endedOwnershipWhereFor, erasedOwnershipWhereFor, ownershipWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeWarranty, type Warranty, type WarrantyFacts } from "@/lib/warranty/compute";
import { localDateOf, type LocalDate } from "@/lib/warranty/local-date";
import { businessToday } from "@/lib/time/business-time";

/**
 * The customer's products with their warranty, computed by the engine from what the database
 * knows about each unit. Ownership is in the query (conventions: Ownership lives in the query):
 * `ownershipWhereFor(actor)` gives a customer their own current registrations.
 */
const OWNERSHIP_SELECT = {
  id: true,
  userId: true,
  purchasedOn: true,
  proofFileId: true,
  dealerSale: { select: { dealer: { select: { name: true } } } },
  registeredAt: true,
  transferredFromId: true,
  otherShopName: true,
  dealer: { select: { name: true } },
  unit: {
    select: {
      id: true,
      serial: true,
      manufacturedOn: true,
      model: {
        select: {
          code: true,
          nameJa: true,
          nameEn: true,
          category: true,
          imageFileId: true,
          warrantyMonths: true,
          warrantyBasis: true,
          graceMonths: true,
          registrationBonusMonths: true,
          registrationWindowDays: true,
        },
      },
      extensions: {
        select: { id: true, addedOn: true, plan: { select: { nameJa: true, nameEn: true, months: true, transferable: true } } },
      },
    },
  },
} as const;

type OwnershipRow = {
  id: string;
  purchasedOn: Date | null;
  proofFileId: string | null;
  dealerSale: { dealer: { name: string } } | null;
  registeredAt: Date;
  transferredFromId: string | null;
};

/**
 * The registration that started this unit's warranty: follow transfers back to the first one.
 * A transfer keeps the original purchase date, proof and registration date.
 */
async function originOf(ownership: OwnershipRow): Promise<OwnershipRow> {
  let current = ownership;
  for (let hops = 0; current.transferredFromId && hops < 50; hops++) {
    const previous = await db.ownership.findUnique({
      where: { id: current.transferredFromId },
      select: {
        id: true,
        purchasedOn: true,
        proofFileId: true,
        dealerSale: { select: { dealer: { select: { name: true } } } },
        registeredAt: true,
        transferredFromId: true,
      },
    });
    if (!previous) break;
    current = previous;
  }
  return current;
}

export type OwnedProduct = {
  ownershipId: string;
  unitId: string;
  serial: string;
  manufacturedOn: LocalDate;
  /** The proof photo of the first purchase, when this owner uploaded it. */
  ownProofFileId: string | null;
  shopName: string | null;
  /** Set when this owner received the unit from a previous owner. */
  receivedOn: LocalDate | null;
  model: { code: string; nameJa: string; nameEn: string; category: string };
  purchasedOn: LocalDate | null;
  registeredAt: Date;
  warranty: Warranty;
};

/** Tier benefits of the owners of `rows` (one look-up per owner). */
async function memberBonuses(rows: { userId: string }[]): Promise<Map<string, WarrantyFacts["memberBonus"]>> {
  const bonuses = new Map<string, WarrantyFacts["memberBonus"]>();
  for (const userId of new Set(rows.map((row) => row.userId))) {
    const { current } = await tierStatus(userId);
    bonuses.set(
      userId,
      current && current.bonusWarrantyMonths > 0
        ? { months: current.bonusWarrantyMonths, tier: { ja: current.nameJa, en: current.nameEn } }
        : null,
    );
  }
  return bonuses;
}

async function withWarranty(
  row: Awaited<ReturnType<typeof loadOwnerships>>[number],
  today: LocalDate,
  bonuses: Map<string, WarrantyFacts["memberBonus"]>,
): Promise<OwnedProduct> {
  const origin = await originOf(row);
  const { model } = row.unit;
  const facts: WarrantyFacts = {
    manufacturedOn: localDateOf(row.unit.manufacturedOn),
    purchasedOn: origin.purchasedOn ? localDateOf(origin.purchasedOn) : null,
    hasProofOfPurchase: origin.proofFileId !== null,
    confirmedByDealer: origin.dealerSale?.dealer.name ?? null,
    firstRegisteredOn: localDateOf(origin.registeredAt),
    transferredOn: row.transferredFromId ? localDateOf(row.registeredAt) : null,
    extensions: row.unit.extensions.map((extension) => ({
      id: extension.id,
      name: { ja: extension.plan.nameJa, en: extension.plan.nameEn },
      months: extension.plan.months,
      transferable: extension.plan.transferable,
      addedOn: localDateOf(extension.addedOn),
    })),
    memberBonus: bonuses.get(row.userId) ?? null,
  };
  const warranty = computeWarranty(
    {
      basis: model.warrantyBasis,
      months: model.warrantyMonths,
      graceMonths: model.graceMonths,
      registrationBonusMonths: model.registrationBonusMonths,
      registrationWindowDays: model.registrationWindowDays,
    },
    facts,
    today,
  );
  return {
    ownershipId: row.id,
    unitId: row.unit.id,
    serial: row.unit.serial,
    manufacturedOn: facts.manufacturedOn,
    ownProofFileId: row.proofFileId,
    shopName: row.dealer?.name ?? row.otherShopName,
    receivedOn: facts.transferredOn,
    model: { code: model.code, nameJa: model.nameJa, nameEn: model.nameEn, category: model.category },
    purchasedOn: facts.purchasedOn,
    registeredAt: row.registeredAt,
    warranty,
  };
}

function loadOwnerships(
  actor: Actor,
  where: Prisma.OwnershipWhereInput = {},
  scope: Prisma.OwnershipWhereInput = ownershipWhereFor(actor),
) {
  return db.ownership.findMany({
    where: { AND: [scope, where] },
    select: OWNERSHIP_SELECT,
    orderBy: { registeredAt: "desc" },
  });
}

export async function listOwnProducts(actor: Actor, today: LocalDate = businessToday()): Promise<OwnedProduct[]> {
  const rows = await loadOwnerships(actor);
  const bonuses = await memberBonuses(rows);
  return Promise.all(rows.map((row) => withWarranty(row, today, bonuses)));
}

/** A customer's current products with their warranties, as staff who may read them see them (the desk's customer panel). */
export async function listProductsOf(actor: Actor, customerId: string, today: LocalDate = businessToday()): Promise<OwnedProduct[]> {
  // A deleted account's products are ended but kept for their retention period: staff still see them.
  const rows = await loadOwnerships(actor, { userId: customerId }, { OR: [ownershipWhereFor(actor), erasedOwnershipWhereFor(actor)] });
  const bonuses = await memberBonuses(rows);
  return Promise.all(rows.map((row) => withWarranty(row, today, bonuses)));
}

/** One of the user's products, or null (another customer's id reads as not found: 404). */
export async function getOwnProduct(actor: Actor, ownershipId: string, today: LocalDate = businessToday()): Promise<OwnedProduct | null> {
  const [row] = await loadOwnerships(actor, { id: ownershipId });
  return row ? withWarranty(row, today, await memberBonuses([row])) : null;
}

/** Products the user no longer owns (handed on, unregistered, or moved by a claim decision). */
export function listPastProducts(actor: Actor) {
  return db.ownership.findMany({
    where: endedOwnershipWhereFor(actor),
    select: {
      id: true,
      endedAt: true,
      endReason: true,
      unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } },
    },
    orderBy: { endedAt: "desc" },
    take: 50,
  });
}

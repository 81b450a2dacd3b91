import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { findOwnFile } from "@/lib/files/stored-files";
import { AppError } from "@/lib/errors";
import { businessToday } from "@/lib/time/business-time";
import { findReplay, lockWallets, walletBalances } from "./ledger";
import { spendPoints } from "./movements";
import type { TReward } from "./schemas";
import type { z } from "zod";
import type { ZRedeemSchema, ZRewardSchema } from "./schemas";

/**
 * The rewards catalog (issue 12): coupons with codes, extended warranty plans of the catalog and
 * goods, with stock and per-customer limits; and redemption, one transaction that spends the points
 * (lib/points/movements.ts), takes a unit of stock, hands out a code or adds the plan, and records
 * the redemption. A replay of the same key returns the first redemption.
 */
const REWARD_SELECT = {
  id: true,
  kind: true,
  nameJa: true,
  nameEn: true,
  descriptionJa: true,
  descriptionEn: true,
  imageFileId: true,
  cost: true,
  stock: true,
  perCustomerLimit: true,
  planId: true,
  active: true,
  plan: { select: { id: true, nameJa: true, nameEn: true, months: true, modelId: true } },
} as const;

export type RewardForCustomer = Awaited<ReturnType<typeof listRewardsFor>>[number];

/** Active rewards with what this customer may still take of each. */
export async function listRewardsFor(userId: string) {
  const [rewards, taken] = await Promise.all([
    db.reward.findMany({
      where: { active: true },
      select: { ...REWARD_SELECT, _count: { select: { coupons: { where: { redemptionId: null } } } } },
      orderBy: [{ cost: "asc" }, { id: "asc" }],
    }),
    db.redemption.groupBy({ by: ["rewardId"], where: { userId, reversedAt: null }, _count: { _all: true } }),
  ]);
  const takenBy = new Map(taken.map((row) => [row.rewardId, row._count._all]));
  return rewards.map((reward) => {
    const already = takenBy.get(reward.id) ?? 0;
    // Out of stock, or a coupon with no code left in its pool.
    const soldOut = (reward.stock !== null && reward.stock <= 0) || (reward.kind === "COUPON" && reward._count.coupons === 0);
    const limitReached = reward.perCustomerLimit !== null && already >= reward.perCustomerLimit;
    return { ...reward, already, soldOut, limitReached };
  });
}

export async function getRewardFor(userId: string, rewardId: string) {
  const reward = (await listRewardsFor(userId)).find((r) => r.id === rewardId);
  if (!reward) throw new AppError("NOT_FOUND");
  return reward;
}

/** The customer's products a warranty plan reward can extend (products of the plan's model). */
export async function productsForPlan(userId: string, modelId: string) {
  return db.ownership.findMany({
    where: { userId, endedAt: null, unit: { modelId } },
    select: { id: true, unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } } },
    orderBy: { registeredAt: "asc" },
  });
}

export type RedemptionResult = { redemptionId: string; couponCode: string | null; availableAfter: number; replayed: boolean };

export async function redeemReward(userId: string, input: z.output<typeof ZRedeemSchema>): Promise<RedemptionResult> {
  const key = `redeem:${userId}:${input.idempotencyKey}`;
  const request = { rewardId: input.rewardId, ownershipId: input.ownershipId, cost: input.cost };
  const result = await db.$transaction(async (tx) => {
    await lockWallets(tx, userId);
    const replay = await findReplay(tx, key, request);
    if (replay) {
      const first = await tx.redemption.findUniqueOrThrow({
        where: { entryId: replay },
        select: { id: true, balanceAfter: true, coupon: { select: { code: true } } },
      });
      return { redemptionId: first.id, couponCode: first.coupon?.code ?? null, availableAfter: first.balanceAfter, replayed: true };
    }
    const reward = await tx.reward.findFirst({ where: { id: input.rewardId, active: true }, select: REWARD_SELECT });
    if (!reward) throw new AppError("NOT_FOUND");
    if (reward.cost !== input.cost) throw new AppError("CONFLICT", { messageKey: "points.costChanged" });
    if (reward.perCustomerLimit !== null) {
      const already = await tx.redemption.count({ where: { userId, rewardId: reward.id, reversedAt: null } });
      if (already >= reward.perCustomerLimit) throw new AppError("CONFLICT", { messageKey: "points.limitReached" });
    }
    let ownershipId: string | null = null;
    if (reward.kind === "WARRANTY_EXTENSION") {
      const ownership = await tx.ownership.findFirst({
        where: { id: input.ownershipId, userId, endedAt: null, unit: { modelId: reward.plan!.modelId } },
        select: { id: true, unitId: true, unit: { select: { extensions: { where: { planId: reward.planId! }, select: { id: true } } } } },
      });
      if (!ownership) throw new AppError("VALIDATION", { cause: { ownershipId: "points.productRequired" } });
      if (ownership.unit.extensions.length > 0) throw new AppError("VALIDATION", { cause: { ownershipId: "points.planAlready" } });
      ownershipId = ownership.id;
    }
    let redemptionId = "";
    let couponCode: string | null = null;
    const spent = await spendPoints(
      tx,
      { userId, points: reward.cost, key, request, kind: "REDEMPTION", to: "REDEEMED", memo: null },
      async (entryId, availableAfter) => {
        if (reward.stock !== null) {
          const taken = await tx.reward.updateMany({ where: { id: reward.id, stock: { gt: 0 } }, data: { stock: { decrement: 1 } } });
          if (taken.count === 0) throw new AppError("CONFLICT", { messageKey: "points.soldOut" });
        }
        const redemption = await tx.redemption.create({
          data: { userId, rewardId: reward.id, entryId, points: reward.cost, balanceAfter: availableAfter, ownershipId },
          select: { id: true },
        });
        redemptionId = redemption.id;
        if (reward.kind === "COUPON") {
          // One free code, skipping codes another redemption is taking at this moment.
          const [code] = await tx.$queryRaw<{ id: string; code: string }[]>`
            SELECT id, code FROM "RewardCoupon" WHERE "rewardId" = ${reward.id} AND "redemptionId" IS NULL
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`;
          if (!code) throw new AppError("CONFLICT", { messageKey: "points.soldOut" });
          await tx.rewardCoupon.update({ where: { id: code.id }, data: { redemptionId } });
          couponCode = code.code;
        }
        if (reward.kind === "WARRANTY_EXTENSION") {
          const ownership = await tx.ownership.findUniqueOrThrow({ where: { id: ownershipId! }, select: { unitId: true } });
          await tx.unitExtension.create({
            data: { unitId: ownership.unitId, planId: reward.planId!, addedOn: new Date(`${businessToday()}T00:00:00Z`) },
          });
        }
      },
    );
    return { redemptionId, couponCode, availableAfter: spent.availableAfter, replayed: false };
  });
  return result;
}

/** The customer's redemptions, newest first (with their coupon codes). */
export function listOwnRedemptions(userId: string) {
  return db.redemption.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      points: true,
      createdAt: true,
      reversedAt: true,
      coupon: { select: { code: true } },
      reward: { select: { kind: true, nameJa: true, nameEn: true } },
    },
  });
}

export async function availableNow(userId: string): Promise<number> {
  return db.$transaction(async (tx) => (await walletBalances(tx, userId)).AVAILABLE);
}

// --- Admin -----------------------------------------------------------------------------------

export function listRewardsForAdmin() {
  return db.reward.findMany({
    orderBy: [{ active: "desc" }, { cost: "asc" }],
    select: {
      ...REWARD_SELECT,
      _count: { select: { redemptions: { where: { reversedAt: null } }, coupons: { where: { redemptionId: null } } } },
    },
  });
}

export function getRewardForAdmin(id: string) {
  return db.reward.findUnique({ where: { id }, select: { ...REWARD_SELECT, descriptionJa: true, descriptionEn: true } });
}

/** Create or edit a reward; new coupon codes join its pool (a code already there is named, nothing is saved). */
export async function saveReward(actorId: string, input: z.output<typeof ZRewardSchema>): Promise<{ id: string }> {
  const codes = [
    ...new Set(
      input.couponCodes
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
  const bad = codes.find((code) => code.length > 64 || /\s/.test(code));
  if (bad) throw new AppError("VALIDATION", { cause: { couponCodes: "points.couponCodeInvalid" } });
  if (input.imageFileId) {
    const current = input.rewardId ? await db.reward.findUnique({ where: { id: input.rewardId }, select: { imageFileId: true } }) : null;
    if (current?.imageFileId !== input.imageFileId && !(await findOwnFile(actorId, input.imageFileId, "reward_image"))) {
      throw new AppError("VALIDATION", { cause: { imageFileId: "points.imageNotFound" } });
    }
  }
  if (input.planId && !(await db.extendedWarrantyPlan.findFirst({ where: { id: input.planId, archivedAt: null }, select: { id: true } }))) {
    throw new AppError("VALIDATION", { cause: { planId: "points.planRequired" } });
  }
  const data = {
    kind: input.kind,
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    descriptionJa: input.descriptionJa,
    descriptionEn: input.descriptionEn,
    cost: input.cost,
    stock: input.stock,
    perCustomerLimit: input.perCustomerLimit,
    planId: input.kind === "WARRANTY_EXTENSION" ? input.planId : null,
    imageFileId: input.imageFileId || null,
    active: input.active === "yes",
  };
  const saved = await db.$transaction(async (tx) => {
    let reward: { id: string };
    if (input.rewardId) {
      // Stock moves with every redemption: an unchanged field leaves it alone, a changed one applies
      // only if nobody redeemed since the form was opened.
      const stockChanged = input.stock !== input.stockSeen;
      const { stock: _stock, ...rest } = data;
      const updated = await tx.reward.updateMany({
        where: { id: input.rewardId, ...(stockChanged ? { stock: input.stockSeen } : {}) },
        data: stockChanged ? data : rest,
      });
      if (updated.count === 0) {
        if (!(await tx.reward.findUnique({ where: { id: input.rewardId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
        throw new AppError("VALIDATION", { cause: { stock: "points.stockChangedMeanwhile" } });
      }
      reward = { id: input.rewardId };
    } else {
      reward = await tx.reward.create({ data, select: { id: true } });
    }
    if (codes.length > 0) {
      const existing = await tx.rewardCoupon.findMany({ where: { rewardId: reward.id, code: { in: codes } }, select: { code: true } });
      if (existing.length > 0) {
        throw new AppError("VALIDATION", {
          cause: { couponCodes: "points.couponCodeTaken" },
          detail: existing.map((c) => c.code).join(", "),
        });
      }
      await tx.rewardCoupon.createMany({ data: codes.map((code) => ({ rewardId: reward.id, code })) });
    }
    return reward;
  });
  await recordAudit({
    action: "points.rewards_updated",
    outcome: "SUCCESS",
    actorId,
    targetType: "Reward",
    targetId: saved.id,
    details: { ...data, couponsAdded: codes.length } as Record<string, string | number | boolean | null>,
  });
  return saved;
}

export type RewardFormValues = TReward;

/** Extended warranty plans of the catalog, as options for a WARRANTY_EXTENSION reward. */
export async function planOptions(locale: string) {
  const plans = await db.extendedWarrantyPlan.findMany({
    where: { archivedAt: null },
    select: { id: true, nameJa: true, nameEn: true, model: { select: { code: true } } },
    orderBy: [{ modelId: "asc" }, { months: "asc" }],
  });
  return plans.map((plan) => ({ id: plan.id, label: `${plan.model.code}: ${locale === "en" ? plan.nameEn : plan.nameJa}` }));
}

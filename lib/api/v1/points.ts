import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { nameIn } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { listRewardsFor, redeemReward } from "@/lib/points/rewards";
import { ZRedeemSchema } from "@/lib/points/schemas";
import { pointsHistory, pointsSummary } from "@/lib/points/wallet";
import { decodeCursor, encodeCursor, type PageQuery } from "../paging";
import { parseInput } from "../route";
import type { ZPointsBalance, ZPointsMovement, ZRedemption, ZRedemptionCreate, ZReward } from "./schemas";

/** The API's view of points: lib/points for the token's customer. */
export async function balance(customer: Actor, locale: Locale, now: Date = new Date()): Promise<z.output<typeof ZPointsBalance>> {
  const summary = await pointsSummary(customer.id, now);
  const soon = now.getTime() + 30 * 86_400_000;
  return {
    available: summary.available,
    pending: summary.pending,
    expiringSoon: summary.expiring.filter((lot) => lot.expiresAt.getTime() <= soon).reduce((total, lot) => total + lot.points, 0),
    tier: summary.tier.current ? nameIn(locale, summary.tier.current) : null,
  };
}

export async function history(
  customer: Actor,
  query: PageQuery,
  locale: Locale,
): Promise<{ data: z.output<typeof ZPointsMovement>[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor)?.split("|");
  const before = after && after.length === 2 ? { at: new Date(after[0]!), id: after[1]! } : null;
  if (query.cursor && (!before || Number.isNaN(before.at.getTime()))) return { data: [], nextCursor: null };
  // pointsHistory pages by 20 (My Page's page); the API's limit cuts it.
  const { rows, more } = await pointsHistory(customer.id, { before });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      kind: row.kind,
      points: row.points,
      description: row.reward
        ? nameIn(locale, { nameJa: row.reward.ja, nameEn: row.reward.en })
        : row.ruleName
          ? nameIn(locale, { nameJa: row.ruleName.ja, nameEn: row.ruleName.en })
          : (row.memo ?? ""),
    })),
    nextCursor: (more || rows.length > page.length) && last ? encodeCursor(`${last.at.toISOString()}|${last.id}`) : null,
  };
}

export async function rewards(customer: Actor, locale: Locale): Promise<z.output<typeof ZReward>[]> {
  return (await listRewardsFor(customer.id)).map((reward) => ({
    id: reward.id,
    kind: reward.kind,
    name: nameIn(locale, reward),
    description: locale === "en" ? reward.descriptionEn : reward.descriptionJa,
    cost: reward.cost,
    available: !reward.soldOut && !reward.limitReached,
  }));
}

/** A redemption with the client's Idempotency-Key: a retry returns the first answer, nothing is spent twice. */
export async function redeem(
  customer: Actor,
  body: z.output<typeof ZRedemptionCreate>,
  key: string,
): Promise<z.output<typeof ZRedemption>> {
  const input = parseInput(ZRedeemSchema, {
    rewardId: body.rewardId,
    cost: body.cost,
    ownershipId: body.productId ?? "",
    idempotencyKey: key,
  });
  const result = await redeemReward(customer.id, input);
  if (!result.redemptionId) throw new AppError("INTERNAL");
  return { id: result.redemptionId, couponCode: result.couponCode, availableAfter: result.availableAfter, replayed: result.replayed };
}

import "server-only";
import { db } from "@/lib/db";
import type { PointsEntryKind } from "@/lib/generated/prisma/enums";
import { businessTimeZone, businessToday } from "@/lib/time/business-time";
import { walletId } from "./ledger";

/**
 * What a customer sees of their points (My Page): what they can spend now, what is pending, what
 * expires when, their tier, and their history. Read-only and as of `now`: points whose pending days
 * are over count as available and points past their date as gone, even before the hourly job has
 * written the entries; a redemption settles the same way first, so what is shown is what can be spent.
 */
export type PointsSummary = {
  available: number;
  pending: number;
  debt: number;
  /** Held for review (part of `pending`). */
  held: number;
  nextRelease: Date | null;
  /** Points that expire within 90 days, per last valid instant. */
  expiring: { expiresAt: Date; points: number }[];
  tier: TierStatus;
};

export type TierInfo = {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  threshold: number;
  bonusWarrantyMonths: number;
  benefitsJa: string;
  benefitsEn: string;
};
export type TierStatus = { earned12m: number; current: TierInfo | null; next: TierInfo | null; toNext: number };

const DAY = 86_400_000;

export async function pointsSummary(userId: string, now: Date = new Date()): Promise<PointsSummary> {
  const [lots, debt, expiring, tier] = await Promise.all([
    db.$queryRaw<{ available: number; pending: number; held: number; nextRelease: Date | null }[]>`
      SELECT
        COALESCE(SUM(remaining) FILTER (WHERE "releasedAt" IS NOT NULL OR ("heldAt" IS NULL AND "availableFrom" <= ${now})), 0)::int AS available,
        COALESCE(SUM(remaining) FILTER (WHERE "releasedAt" IS NULL AND ("heldAt" IS NOT NULL OR "availableFrom" > ${now})), 0)::int AS pending,
        COALESCE(SUM(remaining) FILTER (WHERE "releasedAt" IS NULL AND "heldAt" IS NOT NULL), 0)::int AS held,
        MIN("availableFrom") FILTER (WHERE "releasedAt" IS NULL AND "heldAt" IS NULL AND "availableFrom" > ${now}) AS "nextRelease"
      FROM "PointsLot" WHERE "userId" = ${userId} AND remaining > 0 AND "expiresAt" > ${now}`,
    db.pointsAccount.findUnique({ where: { id: walletId(userId, "DEBT") }, select: { balance: true } }),
    db.$queryRaw<{ expiresAt: Date; points: number }[]>`
      SELECT "expiresAt", SUM(remaining)::int AS points FROM "PointsLot"
      WHERE "userId" = ${userId} AND remaining > 0 AND "expiresAt" > ${now} AND "expiresAt" <= ${new Date(now.getTime() + 90 * DAY)}
      GROUP BY "expiresAt" ORDER BY "expiresAt"`,
    tierStatus(userId, now),
  ]);
  const row = lots[0];
  return {
    available: row?.available ?? 0,
    pending: row?.pending ?? 0,
    held: row?.held ?? 0,
    nextRelease: row?.nextRelease ?? null,
    debt: Math.abs(debt?.balance ?? 0),
    expiring,
    tier,
  };
}

export function listTiers(): Promise<TierInfo[]> {
  return db.pointsTier.findMany({ orderBy: { threshold: "asc" } });
}

/** Points earned (awards not clawed back) in the 12 months up to `now`, and the tier they give. */
export async function tierStatus(userId: string, now: Date = new Date()): Promise<TierStatus> {
  const [[earned], tiers] = await Promise.all([
    db.$queryRaw<{ points: number }[]>`
      SELECT COALESCE(SUM(l.points), 0)::int AS points FROM "PointsLot" l JOIN "PointsEntry" e ON e.id = l."awardEntryId"
      WHERE l."userId" = ${userId} AND e.kind = 'AWARD' AND l."clawedBackAt" IS NULL AND l."heldAt" IS NULL
        AND l."awardedAt" > ${new Date(now.getTime() - 365 * DAY)}`,
    listTiers(),
  ]);
  const points = earned?.points ?? 0;
  const current = tiers.filter((tier) => tier.threshold <= points).at(-1) ?? null;
  const next = tiers.find((tier) => tier.threshold > points) ?? null;
  return { earned12m: points, current, next, toNext: next ? next.threshold - points : 0 };
}

export const HISTORY_KINDS = ["earned", "spent", "expired", "corrected"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
const KINDS_OF: Record<HistoryKind, PointsEntryKind[]> = {
  earned: ["AWARD", "RELEASE"],
  spent: ["REDEMPTION"],
  expired: ["EXPIRY"],
  corrected: ["CLAWBACK", "ADJUSTMENT", "REVERSAL"],
};

export type HistoryRow = {
  id: string;
  kind: PointsEntryKind;
  at: Date;
  /** Change to the points the customer holds (pending and available together). */
  points: number;
  /** Change to the available points alone (a release moves pending to available: 0 above, + here). */
  available: number;
  debt: number;
  ruleName: { ja: string; en: string } | null;
  reward: { ja: string; en: string } | null;
  memo: string | null;
  causeKind: string | null;
  /** Reversed by a later entry. */
  reversed: boolean;
};

export const HISTORY_PAGE = 20;

/** The customer's entries, newest first, keyset-paged by (effectiveAt, id). */
export async function pointsHistory(
  userId: string,
  options: { kind?: HistoryKind; before?: { at: Date; id: string } | null } = {},
): Promise<{ rows: HistoryRow[]; more: boolean }> {
  const kinds = options.kind ? KINDS_OF[options.kind] : null;
  const entries = await db.pointsEntry.findMany({
    where: {
      userId,
      ...(kinds ? { kind: { in: kinds } } : {}),
      ...(options.before
        ? { OR: [{ effectiveAt: { lt: options.before.at } }, { effectiveAt: options.before.at, id: { lt: options.before.id } }] }
        : {}),
    },
    orderBy: [{ effectiveAt: "desc" }, { id: "desc" }],
    take: HISTORY_PAGE + 1,
    select: {
      id: true,
      kind: true,
      effectiveAt: true,
      memo: true,
      causeKind: true,
      postings: { select: { accountId: true, amount: true } },
      ruleVersion: { select: { nameJa: true, nameEn: true } },
      redemption: { select: { reward: { select: { nameJa: true, nameEn: true } } } },
      reversedBy: { select: { id: true } },
    },
  });
  const ids = { PENDING: walletId(userId, "PENDING"), AVAILABLE: walletId(userId, "AVAILABLE"), DEBT: walletId(userId, "DEBT") };
  const sumOf = (postings: { accountId: string; amount: number }[], accounts: string[]) =>
    postings.filter((p) => accounts.includes(p.accountId)).reduce((total, p) => total + p.amount, 0);
  const rows = entries.slice(0, HISTORY_PAGE).map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    at: entry.effectiveAt,
    points: sumOf(entry.postings, [ids.PENDING, ids.AVAILABLE]),
    available: sumOf(entry.postings, [ids.AVAILABLE]),
    debt: sumOf(entry.postings, [ids.DEBT]),
    ruleName: entry.ruleVersion ? { ja: entry.ruleVersion.nameJa, en: entry.ruleVersion.nameEn } : null,
    reward: entry.redemption ? { ja: entry.redemption.reward.nameJa, en: entry.redemption.reward.nameEn } : null,
    memo: entry.memo,
    causeKind: entry.causeKind,
    reversed: entry.reversedBy !== null,
  }));
  return { rows, more: entries.length > HISTORY_PAGE };
}

/** Points earned and spent per month over the last 12 months (the history chart). */
export async function monthlyMovements(
  userId: string,
  now: Date = new Date(),
): Promise<{ month: string; earned: number; spent: number }[]> {
  const rows = await db.$queryRaw<{ month: string; earned: number; spent: number }[]>`
    SELECT to_char(date_trunc('month', e."effectiveAt" AT TIME ZONE 'UTC' AT TIME ZONE ${businessTimeZone()}), 'YYYY-MM') AS month,
           COALESCE(SUM(p.amount) FILTER (WHERE e.kind IN ('AWARD', 'ADJUSTMENT', 'REVERSAL') AND p.amount > 0), 0)::int AS earned,
           COALESCE(-SUM(p.amount) FILTER (WHERE e.kind IN ('REDEMPTION', 'ADJUSTMENT') AND p.amount < 0), 0)::int AS spent
    FROM "PointsEntry" e JOIN "PointsPosting" p ON p."entryId" = e.id
    WHERE e."userId" = ${userId} AND p."accountId" IN (${walletId(userId, "PENDING")}, ${walletId(userId, "AVAILABLE")})
      AND e."effectiveAt" > ${new Date(now.getTime() - 366 * DAY)}
    GROUP BY 1 ORDER BY 1`;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const months: { month: string; earned: number; spent: number }[] = [];
  // The months of the business calendar (the SQL groups by them too), ending with this one.
  const [year, month] = businessToday(now).split("-").map(Number) as [number, number];
  const cursor = new Date(Date.UTC(year, month - 1 - 11, 1));
  for (let i = 0; i < 12; i++) {
    const month = `${cursor.getUTCFullYear()}-${String(cursor.getUTCMonth() + 1).padStart(2, "0")}`;
    months.push(byMonth.get(month) ?? { month, earned: 0, spent: 0 });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

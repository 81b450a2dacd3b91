import "server-only";
import type { Tx } from "./ledger";

/**
 * The nightly proof that the ledger holds (issue 12): every entry balances, every stored wallet
 * balance equals the sum of its postings, every lot's `remaining` equals its points less its uses,
 * and each wallet equals the lots in it. Any finding is a bug or tampering: the job raises an alert.
 * The same checks run in the property tests after every step.
 */
export type Finding =
  | { kind: "entry_unbalanced"; entryId: string; sum: number; legs: number }
  | { kind: "balance_mismatch"; accountId: string; stored: number; postings: number }
  | { kind: "lot_mismatch"; lotId: string; remaining: number; expected: number }
  | { kind: "wallet_lots_mismatch"; accountId: string; balance: number; lots: number };

export type Reconciliation = { entries: number; accounts: number; lots: number; findings: Finding[] };

/** Run every check; with `userIds`, only those customers' records (the property tests). */
export async function reconcile(tx: Tx, options: { userIds?: string[] } = {}): Promise<Reconciliation> {
  const users = options.userIds ?? null;
  const unbalanced = await tx.$queryRaw<{ entryId: string; sum: number; legs: number }[]>`
    SELECT e.id AS "entryId", COALESCE(SUM(p.amount), 0)::int AS sum, COUNT(p.id)::int AS legs
    FROM "PointsEntry" e LEFT JOIN "PointsPosting" p ON p."entryId" = e.id
    WHERE ${users}::text[] IS NULL OR e."userId" = ANY(${users}::text[])
    GROUP BY e.id
    HAVING COALESCE(SUM(p.amount), 0) <> 0 OR COUNT(p.id) < 2`;
  const balances = await tx.$queryRaw<{ accountId: string; stored: number; postings: number }[]>`
    SELECT a.id AS "accountId", a.balance AS stored, COALESCE(s.total, 0)::int AS postings
    FROM "PointsAccount" a
    LEFT JOIN (SELECT "accountId", SUM(amount) AS total FROM "PointsPosting" GROUP BY "accountId") s ON s."accountId" = a.id
    WHERE a.balance IS NOT NULL AND (${users}::text[] IS NULL OR a."userId" = ANY(${users}::text[]))
      AND a.balance <> COALESCE(s.total, 0)`;
  const lots = await tx.$queryRaw<{ lotId: string; remaining: number; expected: number }[]>`
    SELECT l.id AS "lotId", l.remaining, (l.points - l."debtRepaid" + COALESCE(u.total, 0))::int AS expected
    FROM "PointsLot" l
    LEFT JOIN (SELECT "lotId", SUM(points) AS total FROM "PointsLotUse" GROUP BY "lotId") u ON u."lotId" = l.id
    WHERE (${users}::text[] IS NULL OR l."userId" = ANY(${users}::text[]))
      AND l.remaining <> l.points - l."debtRepaid" + COALESCE(u.total, 0)`;
  const wallets = await tx.$queryRaw<{ accountId: string; balance: number; lots: number }[]>`
    SELECT a.id AS "accountId", a.balance, COALESCE(l.total, 0)::int AS lots
    FROM "PointsAccount" a
    LEFT JOIN (
      SELECT "userId", CASE WHEN "releasedAt" IS NULL THEN 'PENDING' ELSE 'AVAILABLE' END AS kind, SUM(remaining) AS total
      FROM "PointsLot" GROUP BY 1, 2
    ) l ON l."userId" = a."userId" AND l.kind = a.kind::text
    WHERE a.kind IN ('PENDING', 'AVAILABLE') AND (${users}::text[] IS NULL OR a."userId" = ANY(${users}::text[]))
      AND a.balance <> COALESCE(l.total, 0)`;
  const [counts] = await tx.$queryRaw<{ entries: number; accounts: number; lots: number }[]>`
    SELECT (SELECT COUNT(*) FROM "PointsEntry")::int AS entries,
           (SELECT COUNT(*) FROM "PointsAccount")::int AS accounts,
           (SELECT COUNT(*) FROM "PointsLot")::int AS lots`;
  return {
    entries: counts?.entries ?? 0,
    accounts: counts?.accounts ?? 0,
    lots: counts?.lots ?? 0,
    findings: [
      ...unbalanced.map((row) => ({ kind: "entry_unbalanced" as const, ...row })),
      ...balances.map((row) => ({ kind: "balance_mismatch" as const, ...row })),
      ...lots.map((row) => ({ kind: "lot_mismatch" as const, ...row })),
      ...wallets.map((row) => ({ kind: "wallet_lots_mismatch" as const, ...row })),
    ],
  };
}

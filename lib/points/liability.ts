import "server-only";
import { db } from "@/lib/db";
import { businessTimeZone } from "@/lib/time/business-time";
import { writeCsv } from "@/lib/csv/write";
import { readProgramSettings } from "./velocity";

/**
 * The liability report for finance (issue 12): points the program owes (pending and available),
 * their value at the program's rate, when they expire, and every month's movements on the program's
 * accounts (issued, redeemed, expired, adjusted). Sums of postings and lots in SQL.
 */
export type MonthMovements = { month: string; issued: number; redeemed: number; expired: number; adjusted: number };
export type LiabilityReport = {
  pending: number;
  available: number;
  debt: number;
  /** Value of pending + available in yen, at the program's rate. */
  valueYen: number;
  pointValueSen: number;
  expiring: { month: string; points: number }[];
  months: MonthMovements[];
};

export async function liabilityReport(now: Date = new Date()): Promise<LiabilityReport> {
  const tz = businessTimeZone();
  const since = new Date(now.getTime() - 366 * 86_400_000);
  const [[totals], expiring, movements, settings] = await Promise.all([
    db.$queryRaw<{ pending: number; available: number; debt: number }[]>`
      SELECT COALESCE(SUM(balance) FILTER (WHERE kind = 'PENDING'), 0)::bigint::float8 AS pending,
             COALESCE(SUM(balance) FILTER (WHERE kind = 'AVAILABLE'), 0)::bigint::float8 AS available,
             COALESCE(-SUM(balance) FILTER (WHERE kind = 'DEBT'), 0)::bigint::float8 AS debt
      FROM "PointsAccount" WHERE "userId" IS NOT NULL`,
    db.$queryRaw<{ month: string; points: number }[]>`
      SELECT to_char(date_trunc('month', ("expiresAt" - interval '1 millisecond') AT TIME ZONE 'UTC' AT TIME ZONE ${tz}), 'YYYY-MM') AS month,
             SUM(remaining)::bigint::float8 AS points
      FROM "PointsLot" WHERE remaining > 0 AND "expiresAt" > ${now}
      GROUP BY 1 ORDER BY 1 LIMIT 24`,
    db.$queryRaw<{ month: string; account: string; total: number }[]>`
      SELECT to_char(date_trunc('month', e."effectiveAt" AT TIME ZONE 'UTC' AT TIME ZONE ${tz}), 'YYYY-MM') AS month,
             p."accountId" AS account, SUM(p.amount)::bigint::float8 AS total
      FROM "PointsPosting" p JOIN "PointsEntry" e ON e.id = p."entryId"
      WHERE p."accountId" LIKE 'program:%' AND e."effectiveAt" > ${since}
      GROUP BY 1, 2 ORDER BY 1`,
    readProgramSettings(),
  ]);
  const byMonth = new Map<string, MonthMovements>();
  for (const row of movements) {
    const month = byMonth.get(row.month) ?? { month: row.month, issued: 0, redeemed: 0, expired: 0, adjusted: 0 };
    // Issuing credits the program's issued account (negative); a clawback debits it back.
    if (row.account === "program:ISSUED") month.issued = -row.total;
    if (row.account === "program:REDEEMED") month.redeemed = row.total;
    if (row.account === "program:EXPIRED") month.expired = row.total;
    if (row.account === "program:ADJUSTMENT") month.adjusted = -row.total;
    byMonth.set(row.month, month);
  }
  const pending = totals?.pending ?? 0;
  const available = totals?.available ?? 0;
  return {
    pending,
    available,
    debt: totals?.debt ?? 0,
    valueYen: Math.round(((pending + available) * settings.pointValueSen) / 100),
    pointValueSen: settings.pointValueSen,
    expiring,
    months: [...byMonth.values()],
  };
}

/** One row per month: the movements of past months, and the points that expire in coming ones. */
export function liabilityCsv(report: LiabilityReport, header: string[]): string {
  const rows = [
    ...report.months.map((m) => [m.month, m.issued, m.redeemed, m.expired, m.adjusted, null] as const),
    ...report.expiring.map((e) => [e.month, null, null, null, null, e.points] as const),
  ];
  return writeCsv(header, rows);
}

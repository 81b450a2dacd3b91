import "server-only";
import { db } from "@/lib/db";
import { startOfBusinessDay } from "@/lib/time/business-time";
import { businessToday } from "@/lib/time/business-time";

/**
 * Consent statistics (issue 14): for each optional purpose and each of the last `months` months,
 * the share of customers who agreed at the month's end (or now, for this month). Counted in SQL
 * from the consent records themselves: a record counts from its grant until its withdrawal, for a
 * customer who existed then. (A consent to a version that later needed re-acceptance is counted
 * until the customer answers: the customer's own record says they agreed, to that version.)
 */
export type ConsentMonth = { month: string; customers: number; agreeing: Record<string, number> };

export async function consentRates(months = 12, now = new Date()): Promise<ConsentMonth[]> {
  const [year, month] = businessToday(now).split("-").map(Number) as [number, number];
  const ends: { month: string; at: string }[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    const next = index + 1;
    const nextStart = startOfBusinessDay(`${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, "0")}-01`);
    ends.push({ month: label, at: (nextStart < now ? nextStart : now).toISOString() });
  }
  const rows = await db.$queryRaw<{ month: string; customers: bigint; purpose: string; agreeing: bigint }[]>`
    WITH ends AS (
      SELECT * FROM unnest(${ends.map((end) => end.month)}::text[], ${ends.map((end) => end.at)}::timestamptz[]) AS e(month, at_tz)
    ), instants AS (
      SELECT month, (at_tz AT TIME ZONE 'UTC') AS at FROM ends
    )
    SELECT i.month,
      (SELECT count(*) FROM "User" u
        WHERE u.role = 'CUSTOMER' AND u."createdAt" < i.at AND (u."erasedAt" IS NULL OR u."erasedAt" >= i.at)) AS customers,
      p.id AS purpose,
      (SELECT count(DISTINCT c."userId") FROM "Consent" c JOIN "User" u ON u.id = c."userId"
        WHERE c.purpose = p.id AND c."grantedAt" < i.at AND (c."withdrawnAt" IS NULL OR c."withdrawnAt" >= i.at)
          AND u.role = 'CUSTOMER' AND u."createdAt" < i.at AND (u."erasedAt" IS NULL OR u."erasedAt" >= i.at)) AS agreeing
    FROM instants i CROSS JOIN "ConsentPurpose" p
    WHERE NOT p.required
    ORDER BY i.month, p."sortOrder", p.id`;
  const byMonth = new Map<string, ConsentMonth>();
  for (const row of rows) {
    const entry = byMonth.get(row.month) ?? { month: row.month, customers: Number(row.customers), agreeing: {} };
    entry.agreeing[row.purpose] = Number(row.agreeing);
    byMonth.set(row.month, entry);
  }
  return [...byMonth.values()];
}

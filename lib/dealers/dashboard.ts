import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { businessTimeZone, businessToday } from "@/lib/time/business-time";
import { dealerRecalls } from "./recalls";
import { openDropOffCount } from "./repairs";

/**
 * The dealer's dashboard (issue 13): sales imported, the registration rate of its sales per month
 * of sale (registered / sold, a unit counting as registered once anyone registered it), open
 * drop-off repairs and recall completion. Counts in SQL over the dealer's own rows.
 */
/** A sale counts as registered once its unit was registered on or after the sale date (anyone, any time since). */
const REGISTERED_AFTER_SALE = Prisma.sql`SELECT 1 FROM "Ownership" o WHERE o."unitId" = s."unitId" AND o."registeredAt" >= s."soldOn" - interval '1 day'`;

export type SalesMonth = { month: string; sold: number; registered: number };

export async function dealerDashboard(actor: Actor) {
  if (!can(actor, "dealer.access") || !actor.dealerId) return null;
  const dealerId = actor.dealerId;
  const tz = businessTimeZone();
  const [months, totals, queue, recalls] = await Promise.all([
    db.$queryRaw<{ month: string; sold: number; registered: number }[]>`
      SELECT to_char(date_trunc('month', s."soldOn"), 'YYYY-MM') AS month,
             count(*)::int AS sold,
             count(*) FILTER (WHERE EXISTS (${REGISTERED_AFTER_SALE}))::int AS registered
      FROM "DealerSale" s
      WHERE s."dealerId" = ${dealerId} AND s."soldOn" >= (date_trunc('month', now() AT TIME ZONE ${tz}) - interval '11 months')::date
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ sold: number; registered: number; flagged: number }[]>`
      SELECT count(*)::int AS sold,
             count(*) FILTER (WHERE EXISTS (${REGISTERED_AFTER_SALE}))::int AS registered,
             count(*) FILTER (WHERE s."soldTwice")::int AS flagged
      FROM "DealerSale" s WHERE s."dealerId" = ${dealerId}`,
    openDropOffCount(actor),
    dealerRecalls(actor),
  ]);
  const recallTotals = recalls.reduce((sum, row) => ({ notified: sum.notified + row.notified, completed: sum.completed + row.completed }), {
    notified: 0,
    completed: 0,
  });
  return {
    months: lastTwelveMonths(months as SalesMonth[], businessToday()),
    totals: totals[0] ?? { sold: 0, registered: 0, flagged: 0 },
    openRepairs: queue,
    recalls,
    recallTotals,
  };
}

/** Every month of the last twelve, oldest first, with zeros where nothing was sold (the chart's axis stays even). */
export function lastTwelveMonths(rows: SalesMonth[], today: string): SalesMonth[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 12 + index, 1));
    const key = date.toISOString().slice(0, 7);
    return byMonth.get(key) ?? { month: key, sold: 0, registered: 0 };
  });
}

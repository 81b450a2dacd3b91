import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { businessToday } from "@/lib/time/business-time";

/** R-2026-000123: the year in the business's calendar and a counter that restarts each year. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `R-${year}-${String(sequence).padStart(6, "0")}`;
}

/**
 * The next number of the current year, taken inside the creating transaction: the counter row is
 * locked until it commits, so two requests never get the same number and a rolled-back request
 * leaves no gap.
 */
export async function nextTicketNumber(tx: Prisma.TransactionClient, now: Date = new Date()): Promise<string> {
  const year = Number(businessToday(now).slice(0, 4));
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "RepairNumberCounter" (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = "RepairNumberCounter".last + 1
    RETURNING last`;
  return formatTicketNumber(year, row!.last);
}

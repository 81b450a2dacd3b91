import "server-only";
import { db } from "@/lib/db";
import type { RepairStatus } from "@/lib/generated/prisma/enums";
import { businessTimeZone } from "@/lib/time/business-time";
import { OPEN_STATUSES } from "./status";

/**
 * The desk dashboard's figures, computed in PostgreSQL (one pass per figure, no rows to the app):
 * open tickets by status, the clocks that are past their deadline now, the median time to a first
 * response and to resolution over a window, and tickets opened and closed per business day.
 * Times are wall-clock durations (what a customer waits), not business minutes.
 */
export const DASHBOARD_DAYS = 30;

const DAY_MS = 86_400_000;

export async function openTicketsByStatus(): Promise<{ status: RepairStatus; count: number }[]> {
  const rows = await db.repairTicket.groupBy({ by: ["status"], where: { closedAt: null }, _count: { _all: true } });
  const counts = new Map(rows.map((row) => [row.status, row._count._all]));
  return OPEN_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/**
 * Open tickets with a clock past its deadline, per clock: a running clock, or a resolution clock
 * paused after its deadline had passed (as in the queue's "breaching" view and slaClocks()).
 */
export async function currentBreaches(now: Date = new Date()): Promise<{ firstResponse: number; resolution: number; tickets: number }> {
  const [row] = await db.$queryRaw<{ first_response: bigint; resolution: bigint; tickets: bigint }[]>`
    SELECT count(*) FILTER (WHERE "firstRespondedAt" IS NULL AND "firstResponseDueAt" < ${now}) AS first_response,
           count(*) FILTER (WHERE ("pausedAt" IS NULL AND "resolutionDueAt" < ${now}) OR "resolutionDueAt" <= "pausedAt") AS resolution,
           count(*) FILTER (WHERE ("firstRespondedAt" IS NULL AND "firstResponseDueAt" < ${now})
                               OR ("pausedAt" IS NULL AND "resolutionDueAt" < ${now}) OR "resolutionDueAt" <= "pausedAt") AS tickets
    FROM "RepairTicket" WHERE "closedAt" IS NULL`;
  return { firstResponse: Number(row?.first_response ?? 0), resolution: Number(row?.resolution ?? 0), tickets: Number(row?.tickets ?? 0) };
}

export type DeskMedians = {
  /** Median minutes from the request to staff's first response, for first responses in the window; null without any. */
  firstResponseMinutes: number | null;
  firstResponseCount: number;
  /** Median minutes from the request to completion, for tickets completed in the window; null without any. */
  resolutionMinutes: number | null;
  resolutionCount: number;
};

export async function medianTimes(now: Date = new Date(), days = DASHBOARD_DAYS): Promise<DeskMedians> {
  return medianTimesBetween(new Date(now.getTime() - days * DAY_MS), now);
}

/** The same medians for any window (the analytics dashboard's months), `since` included, `now` not. */
export async function medianTimesBetween(since: Date, now: Date): Promise<DeskMedians> {
  const [row] = await db.$queryRaw<{ first: number | null; first_count: bigint; resolution: number | null; resolution_count: bigint }[]>`
    SELECT
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "firstRespondedAt" - "createdAt"))
         FROM "RepairTicket" WHERE "firstRespondedAt" >= ${since} AND "firstRespondedAt" < ${now}) / 60 AS first,
      (SELECT count(*) FROM "RepairTicket" WHERE "firstRespondedAt" >= ${since} AND "firstRespondedAt" < ${now}) AS first_count,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "closedAt" - "createdAt"))
         FROM "RepairTicket" WHERE status = 'COMPLETED' AND "closedAt" >= ${since} AND "closedAt" < ${now}) / 60 AS resolution,
      (SELECT count(*) FROM "RepairTicket" WHERE status = 'COMPLETED' AND "closedAt" >= ${since} AND "closedAt" < ${now}) AS resolution_count`;
  const minutes = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value)));
  return {
    firstResponseMinutes: minutes(row?.first),
    firstResponseCount: Number(row?.first_count ?? 0),
    resolutionMinutes: minutes(row?.resolution),
    resolutionCount: Number(row?.resolution_count ?? 0),
  };
}

export type DailyCount = { date: string; opened: number; closed: number };

/** Tickets opened and closed (completed or cancelled) on each of the last `days` business-calendar days, today included. */
export async function ticketsPerDay(now: Date = new Date(), days = DASHBOARD_DAYS): Promise<DailyCount[]> {
  const timeZone = businessTimeZone();
  // Timestamps are stored in UTC without a zone: read them as UTC, then as the business's wall clock.
  const rows = await db.$queryRaw<{ day: string; opened: bigint; closed: bigint }[]>`
    WITH days AS (
      SELECT to_char(d, 'YYYY-MM-DD') AS day
      FROM generate_series((${now}::timestamp AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date - ${days - 1}::int,
                           (${now}::timestamp AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date, interval '1 day') AS d
    ),
    opened AS (
      SELECT to_char(("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day, count(*) AS n
      FROM "RepairTicket" WHERE "createdAt" >= ${new Date(now.getTime() - (days + 1) * DAY_MS)} AND "createdAt" <= ${now} GROUP BY 1
    ),
    closed AS (
      SELECT to_char(("closedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day, count(*) AS n
      FROM "RepairTicket" WHERE "closedAt" >= ${new Date(now.getTime() - (days + 1) * DAY_MS)} AND "closedAt" <= ${now} GROUP BY 1
    )
    SELECT days.day, coalesce(opened.n, 0) AS opened, coalesce(closed.n, 0) AS closed
    FROM days LEFT JOIN opened USING (day) LEFT JOIN closed USING (day) ORDER BY days.day`;
  return rows.map((row) => ({ date: row.day, opened: Number(row.opened), closed: Number(row.closed) }));
}

export async function loadDeskDashboard(now: Date = new Date()) {
  const [byStatus, breaches, medians, daily] = await Promise.all([
    openTicketsByStatus(),
    currentBreaches(now),
    medianTimes(now),
    ticketsPerDay(now),
  ]);
  return { byStatus, breaches, medians, daily };
}

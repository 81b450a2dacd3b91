/**
 * The one place for dates and times in the business's time zone (BUSINESS_TIME_ZONE, Asia/Tokyo by
 * default): "today" for warranties, day boundaries for date filters, and the wall clock the SLA's
 * business hours are counted on (conventions: One database client, helpers written once).
 */
import { env } from "@/lib/env";
import type { LocalDate } from "@/lib/warranty/local-date";
import { dateIn, instantAt, wallClockAt, type WallClock } from "./zoned";

export function businessTimeZone(): string {
  return env.BUSINESS_TIME_ZONE;
}

/** Today's date in the business's calendar. */
export function businessToday(now: Date = new Date()): LocalDate {
  return dateIn(env.BUSINESS_TIME_ZONE, now);
}

/** The instant the business day `date` starts (for "from" filters). */
export function startOfBusinessDay(date: LocalDate): Date {
  return instantAt(date, 0, env.BUSINESS_TIME_ZONE);
}

/** The instant the business day after `date` starts (an exclusive "to" bound). */
export function endOfBusinessDay(date: LocalDate): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return instantAt(next, 0, env.BUSINESS_TIME_ZONE);
}

export function businessWallClock(instant: Date): WallClock {
  return wallClockAt(instant, env.BUSINESS_TIME_ZONE);
}

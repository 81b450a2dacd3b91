/**
 * Calendar dates and wall-clock times in a named time zone, with the platform's Intl only (pure:
 * no env, usable anywhere). lib/time/business-time.ts binds these to the business's zone.
 */
import type { LocalDate } from "@/lib/warranty/local-date";

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export type WallClock = {
  date: LocalDate;
  /** Minutes after midnight, 0-1439. */
  minute: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
};

/** Offset of `timeZone` from UTC at `instant`, in minutes (Tokyo: +540), read from the platform's tz data. */
function offsetFromIntl(instant: Date, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

// Zones change their offset rarely, and nearly always on a quarter hour: one pair of Intl calls per
// zone and quarter hour (its first and last second) serves every instant in it when both agree. A
// quarter hour with a change inside it (a few zones changed at 00:01 local time) asks Intl for each
// instant. A queue page's SLA clocks ask hundreds of times per request, and formatToParts is the
// slow part (lib/repairs/queue.bench.ts).
const QUARTER_HOUR_MS = 900_000;
/** The offset of a whole quarter hour, or null when it changes inside it. */
const offsetCache = new Map<string, number | null>();

function offsetMinutes(instant: Date, timeZone: string): number {
  const slot = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const key = `${timeZone}|${slot}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const first = offsetFromIntl(new Date(slot * QUARTER_HOUR_MS), timeZone);
    const last = offsetFromIntl(new Date((slot + 1) * QUARTER_HOUR_MS - 1000), timeZone);
    offset = first === last ? first : null;
    if (offsetCache.size >= 10_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset ?? offsetFromIntl(instant, timeZone);
}

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const wall = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return {
    date: wall.toISOString().slice(0, 10),
    minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
  };
}

/**
 * The instant when the wall clock in `timeZone` shows `date` at `minute` after midnight. Two passes
 * settle the offset across a daylight-saving change; a time skipped by a change maps past the gap.
 */
export function instantAt(date: LocalDate, minute: number, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The calendar date in `timeZone` at `instant`. */
export function dateIn(timeZone: string, instant: Date = new Date()): LocalDate {
  return wallClockAt(instant, timeZone).date;
}

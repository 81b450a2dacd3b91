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
      weekday: "short",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export type WallClock = {
  date: LocalDate;
  /** Minutes after midnight, 0-1439. */
  minute: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
};

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Tokyo: +540). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const asUtc = Date.parse(`${wall.date}T00:00:00Z`) + wall.minute * 60_000;
  const seconds = instant.getUTCSeconds() * 1000 + instant.getUTCMilliseconds();
  return Math.round((asUtc - (instant.getTime() - seconds)) / 60_000);
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

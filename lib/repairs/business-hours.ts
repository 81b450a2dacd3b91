/**
 * Business-hours arithmetic for SLA clocks (pure). A clock runs only inside opening hours on
 * business days: a weekday the desk works that is neither a Japanese public holiday (from the
 * maintained @holiday-jp/holiday_jp calendar) nor one of the desk's own closed days.
 */
import holidayJp from "@holiday-jp/holiday_jp";
import type { LocalDate } from "@/lib/warranty/local-date";
import { instantAt, wallClockAt } from "@/lib/time/zoned";

export type BusinessCalendar = {
  timeZone: string;
  /** Opening hours, minutes after midnight on the wall clock (540 = 09:00, 1080 = 18:00). */
  openMinute: number;
  closeMinute: number;
  /** ISO weekdays the desk works (1 = Monday ... 7 = Sunday). */
  workdays: readonly number[];
  /** The desk's own closed days (e.g. the year-end break). */
  closedDates: ReadonlySet<LocalDate>;
};

const HOLIDAYS: Readonly<Record<string, { name: string; name_en: string }>> = holidayJp.holidays;

/** Japan's public holiday on `date`, if it is one. */
export function publicHoliday(date: LocalDate): { ja: string; en: string } | null {
  const holiday = HOLIDAYS[date];
  return holiday ? { ja: holiday.name, en: holiday.name_en } : null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (day numbers make the SLA loops integer arithmetic). */
function dayNumber(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOfDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const HOLIDAY_DAYS: ReadonlySet<number> = new Set(Object.keys(HOLIDAYS).map(dayNumber));

// Per calendar object: its closed dates as day numbers (calendars are built once per request).
const closedDaysCache = new WeakMap<BusinessCalendar, ReadonlySet<number>>();

function closedDays(calendar: BusinessCalendar): ReadonlySet<number> {
  let days = closedDaysCache.get(calendar);
  if (!days) {
    days = new Set([...calendar.closedDates].map(dayNumber));
    closedDaysCache.set(calendar, days);
  }
  return days;
}

function isBusinessDayNumber(calendar: BusinessCalendar, day: number): boolean {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const weekday = ((day + 3) % 7) + 1;
  return calendar.workdays.includes(weekday) && !HOLIDAY_DAYS.has(day) && !closedDays(calendar).has(day);
}

export function isBusinessDay(calendar: BusinessCalendar, date: LocalDate): boolean {
  return isBusinessDayNumber(calendar, dayNumber(date));
}

// A calendar with no business day at all would loop for ever; ten years without one is a misconfiguration.
const MAX_DAYS = 3_660;

function assertUsable(calendar: BusinessCalendar): void {
  if (calendar.closeMinute <= calendar.openMinute || calendar.workdays.length === 0) {
    throw new RangeError("The business calendar has no opening hours");
  }
}

/** The instant `minutes` business minutes after `start` (the clock starts at the next opening if `start` is outside hours). */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  assertUsable(calendar);
  const wall = wallClockAt(start, calendar.timeZone);
  let remaining = Math.max(0, minutes);
  let day = dayNumber(wall.date);
  let fromMinute = wall.minute + (start.getUTCSeconds() > 0 || start.getUTCMilliseconds() > 0 ? 1 : 0);
  for (let count = 0; count < MAX_DAYS; count++, day++, fromMinute = 0) {
    if (!isBusinessDayNumber(calendar, day)) continue;
    const begin = Math.max(calendar.openMinute, fromMinute);
    if (begin >= calendar.closeMinute) continue;
    const available = calendar.closeMinute - begin;
    if (remaining <= available) return instantAt(dateOfDay(day), begin + remaining, calendar.timeZone);
    remaining -= available;
  }
  throw new RangeError("No business time within ten years");
}

// Business days counted once per calendar (settings change rarely): prefix sums over 2000-2050 make
// "business days between two dates" two lookups, so a queue page of long-overdue tickets stays cheap.
const PREFIX_FIRST = dayNumber("2000-01-01");
const PREFIX_DAYS = dayNumber("2051-01-01") - PREFIX_FIRST;
const prefixCache = new Map<string, Int32Array>();
const prefixOfCalendar = new WeakMap<BusinessCalendar, Int32Array>();

function businessDayPrefix(calendar: BusinessCalendar): Int32Array {
  const known = prefixOfCalendar.get(calendar);
  if (known) return known;
  const key = [calendar.workdays.join(","), [...calendar.closedDates].sort().join(",")].join("|");
  let prefix = prefixCache.get(key);
  if (!prefix) {
    prefix = new Int32Array(PREFIX_DAYS + 1);
    for (let i = 0; i < PREFIX_DAYS; i++) prefix[i + 1] = prefix[i]! + (isBusinessDayNumber(calendar, PREFIX_FIRST + i) ? 1 : 0);
    if (prefixCache.size > 20) prefixCache.clear();
    prefixCache.set(key, prefix);
  }
  prefixOfCalendar.set(calendar, prefix);
  return prefix;
}

/** Business days in [from, to) (day numbers). */
function businessDaysIn(calendar: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  if (from >= PREFIX_FIRST && to <= PREFIX_FIRST + PREFIX_DAYS) {
    const prefix = businessDayPrefix(calendar);
    return prefix[to - PREFIX_FIRST]! - prefix[from - PREFIX_FIRST]!;
  }
  let count = 0;
  for (let day = from; day < to; day++) if (isBusinessDayNumber(calendar, day)) count++;
  return count;
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  assertUsable(calendar);
  if (to <= from) return 0;
  const start = wallClockAt(from, calendar.timeZone);
  const end = wallClockAt(to, calendar.timeZone);
  const [first, last] = [dayNumber(start.date), dayNumber(end.date)];
  const within = (day: number, fromMinute: number, toMinute: number) =>
    isBusinessDayNumber(calendar, day)
      ? Math.max(0, Math.min(calendar.closeMinute, toMinute) - Math.max(calendar.openMinute, fromMinute))
      : 0;
  if (first === last) return within(first, start.minute, end.minute);
  const fullDays = businessDaysIn(calendar, first + 1, last);
  return within(first, start.minute, 24 * 60) + fullDays * (calendar.closeMinute - calendar.openMinute) + within(last, 0, end.minute);
}

/**
 * Business-hours arithmetic for SLA clocks (pure). A clock runs only inside opening hours on
 * business days: a weekday the desk works that is neither a Japanese public holiday (from the
 * maintained @holiday-jp/holiday_jp calendar) nor one of the desk's own closed days.
 */
import holidayJp from "@holiday-jp/holiday_jp";
import { addDays, type LocalDate } from "@/lib/warranty/local-date";
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

function isoWeekday(date: LocalDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isBusinessDay(calendar: BusinessCalendar, date: LocalDate): boolean {
  return calendar.workdays.includes(isoWeekday(date)) && !calendar.closedDates.has(date) && !publicHoliday(date);
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
  let date = wall.date;
  let fromMinute = wall.minute + (start.getUTCSeconds() > 0 || start.getUTCMilliseconds() > 0 ? 1 : 0);
  for (let day = 0; day < MAX_DAYS; day++, date = addDays(date, 1), fromMinute = 0) {
    if (!isBusinessDay(calendar, date)) continue;
    const begin = Math.max(calendar.openMinute, fromMinute);
    if (begin >= calendar.closeMinute) continue;
    const available = calendar.closeMinute - begin;
    if (remaining <= available) return instantAt(date, begin + remaining, calendar.timeZone);
    remaining -= available;
  }
  throw new RangeError("No business time within ten years");
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  assertUsable(calendar);
  if (to <= from) return 0;
  const start = wallClockAt(from, calendar.timeZone);
  const end = wallClockAt(to, calendar.timeZone);
  let total = 0;
  let date = start.date;
  for (let day = 0; day < MAX_DAYS && date <= end.date; day++, date = addDays(date, 1)) {
    if (!isBusinessDay(calendar, date)) continue;
    const begin = Math.max(calendar.openMinute, date === start.date ? start.minute : 0);
    const finish = Math.min(calendar.closeMinute, date === end.date ? end.minute : 24 * 60);
    if (finish > begin) total += finish - begin;
  }
  return total;
}

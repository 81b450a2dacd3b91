/**
 * Calendar dates without a time of day ("2027-03-31"), as warranties are stated. Arithmetic runs
 * in UTC so that no time zone or daylight-saving shift can move a date.
 */
export type LocalDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): value is LocalDate {
  const match = PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function toUtc(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

/** The calendar date of a database DATE column (stored as midnight UTC). */
export function localDateOf(date: Date): LocalDate {
  return fromUtc(date);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * `months` later, on the same day of the month; when that day does not exist (31 Jan + 1 month,
 * 29 Feb + 12 months) the result is the first day of the following month. Used as an exclusive
 * end, this makes "one month from 31 January" cover all of February.
 */
export function addMonthsRollingOver(date: LocalDate, months: number): LocalDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (day <= daysInTarget) target.setUTCDate(day);
  else target.setUTCMonth(target.getUTCMonth() + 1, 1);
  return fromUtc(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

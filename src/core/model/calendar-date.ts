/**
 * Calendar dates as `YYYY-MM-DD` strings, handled as text and arithmetic only. A `Date` object would
 * read Ashby's date-times through the server's time zone and could move a start date by a day, so
 * nothing here constructs one.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO 8601 date-time as Ashby sends it: date, optional time with optional fraction, optional offset. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a `YYYY-MM-DD` string naming a day that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_ONLY.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The calendar date written in an ISO date or date-time, exactly as written: `2026-02-28T23:30:00-05:00`
 * gives `2026-02-28`, whatever the server's zone. The date Ashby shows is the date the people team
 * agreed on; converting it to UTC or local time would invent a different day. `null` when the text is
 * not an ISO date(-time) or names a day that does not exist.
 */
export function calendarDateOf(iso: string): string | null {
  const m = DATE_TIME.exec(iso.trim());
  if (m === null) return null;
  const [, y, mo, d] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return null;
  return `${y}-${mo}-${d}`;
}

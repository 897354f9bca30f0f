import { useEffect, useState } from 'react';

/** The current time, refreshed every 30 s, so "3 minutes ago" stays true while a page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * How the admin app writes time, one format everywhere: a moment as "3 minutes ago", a calendar day
 * as the browser's locale writes it ("Mar 1, 2031", "1 Mar 2031"), and on hover the exact local time
 * with the ISO form beside it, so a person can always read the unambiguous value.
 */

/** A timestamp as "3 minutes ago" with the exact local time and ISO on hover; "never" for null. */
export function Time({
  iso,
  never = 'never',
}: {
  readonly iso: string | null | undefined;
  readonly never?: string;
}) {
  const now = useNow();
  if (!iso) return <span className="muted">{never}</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={`${date.toLocaleString()} (${iso})`}>
      {relative(date.getTime() - now)}
    </time>
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function relative(deltaMs: number): string {
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(deltaMs) >= ms) return format.format(Math.round(deltaMs / ms), unit);
  }
  return 'just now';
}

/**
 * A calendar date (YYYY-MM-DD) in the browser's locale, with the ISO date in the tooltip. Read as UTC
 * so the day shown is the day stored, whatever the browser's time zone. Text that is not a date (a value
 * stored before dates were checked) is shown as it is.
 */
export function CalendarDate({ date }: { readonly date: string }) {
  const parsed = new Date(`${date}T00:00:00Z`);
  const shown =
    !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime())
      ? date
      : parsed.toLocaleDateString(undefined, {
          timeZone: 'UTC',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        });
  return (
    <time dateTime={date} title={date}>
      {shown}
    </time>
  );
}

/** "Jun 2026" for "2026-06", in the browser's locale. */
export function monthLabel(month: string): string {
  const parsed = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? month
    : parsed.toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', year: 'numeric' });
}

/** A list cell's calendar date, or a dash when there is none. */
export function DayCell({ value }: { readonly value: unknown }) {
  return typeof value === 'string' && value !== '' ? <CalendarDate date={value} /> : <>—</>;
}

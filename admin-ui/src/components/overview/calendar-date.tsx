/**
 * A calendar date (YYYY-MM-DD) in the browser's locale, with the ISO date in the tooltip. Read as UTC
 * so the day shown is the day stored, whatever the browser's time zone.
 */
export function CalendarDate({ date }: { readonly date: string }) {
  const parsed = new Date(`${date}T00:00:00Z`);
  const shown = Number.isNaN(parsed.getTime())
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

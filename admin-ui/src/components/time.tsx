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

/** A timestamp as "3 minutes ago" with the exact local time on hover; "never" for null. */
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
    <time dateTime={iso} title={date.toLocaleString()}>
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

/**
 * `Retry-After` (RFC 9110 §10.2.3) is either delay-seconds or an HTTP-date. We parse it by hand because
 * `Date.parse` is far too lenient for a header that comes from the network: V8 turns "1", "May 2" or
 * "12 abc 2020" into dates, which would make garbage look like a valid pause. The three date formats a
 * recipient must accept (IMF-fixdate, obsolete RFC 850, asctime) are matched strictly here.
 */

/** Above ~31 years a delay is meaningless; clamp so arithmetic stays in safe-integer range. */
const MAX_DELAY_SECONDS = 1_000_000_000;

const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

const DAY_SHORT = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const DAY_LONG = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = new RegExp(`^${DAY_SHORT}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC850_DATE = new RegExp(`^${DAY_LONG}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
// Sun Nov  6 08:49:37 1994
const ASCTIME_DATE = new RegExp(`^${DAY_SHORT} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * Milliseconds to wait from `nowMs`, or `undefined` when the value is absent or not a valid
 * `Retry-After`. A date in the past means "now" (0). Never throws.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  // Surrounding optional whitespace (OWS) is allowed around a field value; nothing else is.
  const trimmed = value.replace(/^[ \t]+|[ \t]+$/g, '');
  if (/^\d+$/.test(trimmed)) {
    const seconds = Math.min(Number(trimmed), MAX_DELAY_SECONDS);
    return seconds * 1000;
  }
  const dateMs = parseHttpDate(trimmed, nowMs);
  if (dateMs === undefined) return undefined;
  return Math.max(0, dateMs - nowMs);
}

/** Epoch milliseconds of an HTTP-date in any of its three forms, or `undefined`. */
export function parseHttpDate(value: string, nowMs: number): number | undefined {
  let m = IMF_FIXDATE.exec(value);
  if (m) return toEpoch(Number(m[3]), m[2], Number(m[1]), m[4], m[5], m[6]);
  m = ASCTIME_DATE.exec(value);
  if (m) return toEpoch(Number(m[6]), m[1], Number((m[2] ?? '').trim()), m[3], m[4], m[5]);
  m = RFC850_DATE.exec(value);
  if (m) return toEpoch(expandTwoDigitYear(Number(m[3]), nowMs), m[2], Number(m[1]), m[4], m[5], m[6]);
  return undefined;
}

/** RFC 9110: a two-digit year more than 50 years in the future means the most recent past such year. */
function expandTwoDigitYear(yy: number, nowMs: number): number {
  const currentYear = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(currentYear / 100) * 100 + yy;
  if (year > currentYear + 50) year -= 100;
  return year;
}

function toEpoch(
  year: number,
  monthName: string | undefined,
  day: number,
  hh: string | undefined,
  mm: string | undefined,
  ss: string | undefined,
): number | undefined {
  const month = monthName === undefined ? undefined : MONTHS[monthName];
  const [h, min, s] = [Number(hh), Number(mm), Number(ss)];
  if (month === undefined || h > 23 || min > 59 || s > 60 || day < 1) return undefined;
  // Date.UTC maps years 0-99 to 19xx, so set the full year explicitly. A leap second (":60") is legal
  // on the wire; Date has none, so it counts as the next second.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  // setUTCFullYear rolls "31 Feb" over into March; a date that rolled over is not a real date.
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return undefined;
  const ms = date.getTime() + ((h * 60 + min) * 60 + s) * 1000;
  return ms;
}

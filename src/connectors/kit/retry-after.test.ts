import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from './retry-after.js';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function rfc850(d: Date): string {
  const yy = pad(d.getUTCFullYear() % 100);
  return `${LONG_DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${yy} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
}
function asctime(d: Date): string {
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

// Whole seconds within ±40 years of NOW, so RFC 850's two-digit year stays unambiguous.
const secondsAround = fc.integer({ min: -40 * 365 * 86400, max: 40 * 365 * 86400 });

describe('parseRetryAfter', () => {
  it('reads delta-seconds, with optional surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom('', ' ', '\t', '  '), (n, ws) => {
        expect(parseRetryAfter(`${ws}${n}${ws}`, NOW)).toBe(n * 1000);
      }),
    );
  });

  it('clamps absurd delta-seconds instead of overflowing', () => {
    const ms = parseRetryAfter('9'.repeat(400), NOW);
    expect(ms).toBeDefined();
    expect(Number.isSafeInteger(ms)).toBe(true);
  });

  it('reads IMF-fixdate, RFC 850 and asctime dates as the time left (0 when past)', () => {
    fc.assert(
      fc.property(secondsAround, (offset) => {
        const date = new Date(NOW + offset * 1000);
        const expected = Math.max(0, offset * 1000);
        expect(parseRetryAfter(date.toUTCString(), NOW)).toBe(expected);
        expect(parseRetryAfter(asctime(date), NOW)).toBe(expected);
        expect(parseRetryAfter(rfc850(date), NOW)).toBe(expected);
      }),
    );
  });

  it('returns undefined for garbage and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        fc.pre(!/^[ \t]*\d+[ \t]*$/.test(s) && !s.includes('GMT') && !/\d{4}/.test(s));
        expect(parseRetryAfter(s, NOW)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    for (const bad of [
      undefined,
      null,
      '',
      '-5',
      '1.5',
      '+3',
      '0x10',
      '1e3',
      '5 seconds',
      'Sun, 06 Nov 1994 08:49:37 UTC',
      'Sun, 31 Feb 2026 08:49:37 GMT',
      'Sun, 06 Nov 1994 24:00:00 GMT',
      'sun, 06 nov 1994 08:49:37 gmt',
      '2026-06-15T12:00:00Z',
      'May 2',
    ]) {
      expect(parseRetryAfter(bad, NOW)).toBeUndefined();
    }
  });

  it('accepts the RFC 9110 example in all three forms', () => {
    const t = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(t);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(t);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(t);
  });

  it('keeps four-digit years below 100 as written', () => {
    expect(parseHttpDate('Mon, 01 Jan 0050 00:00:00 GMT', NOW)).toBe(
      new Date('0050-01-01T00:00:00Z').getTime(),
    );
  });
});

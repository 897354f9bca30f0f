import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateOf, daysInMonth, isCalendarDate } from './calendar-date.js';

describe('isCalendarDate', () => {
  it.each(['2026-03-01', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });
  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-1',
    '20260301',
    ' 2026-03-01',
    '0000-01-01',
    '2026-03-01T00:00:00Z',
  ])('refuses %j', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });
});

describe('calendarDateOf', () => {
  it('takes the written date of a UTC midnight', () => {
    expect(calendarDateOf('2026-03-01T00:00:00.000Z')).toBe('2026-03-01');
  });
  it('does not move a late-evening date with a negative offset to the next UTC day', () => {
    expect(calendarDateOf('2026-02-28T23:30:00-05:00')).toBe('2026-02-28');
  });
  it('does not move an early-morning date with a positive offset to the previous UTC day', () => {
    expect(calendarDateOf('2026-03-01T00:30:00+14:00')).toBe('2026-03-01');
  });
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T09:00', '2026-03-01'],
    ['2026-03-01T09:00:00+0530', '2026-03-01'],
    ['2026-03-01 09:00:00Z', '2026-03-01'],
    ['2022-11-10T19:47:56.795Z', '2022-11-10'],
  ])('%s → %s', (iso, ymd) => {
    expect(calendarDateOf(iso)).toBe(ymd);
  });
  it.each(['', 'soon', '2026-02-30T00:00:00Z', '03/01/2026', '2026-03-01Tnoon', '1772323200000'])(
    'refuses %j',
    (iso) => {
      expect(calendarDateOf(iso)).toBeNull();
    },
  );

  it('gives the written date for any real date, time and offset (property)', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1900, max: 2200 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => d <= daysInMonth(y, m));
    const time = fc.record({
      h: fc.integer({ min: 0, max: 23 }),
      min: fc.integer({ min: 0, max: 59 }),
      ms: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
      offset: fc.oneof(fc.constant('Z'), fc.integer({ min: -12 * 60, max: 14 * 60 })),
    });
    const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(date, fc.option(time, { nil: undefined }), ({ y, m, d }, t) => {
        const ymd = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
        let iso = ymd;
        if (t !== undefined) {
          const off =
            t.offset === 'Z'
              ? 'Z'
              : `${t.offset < 0 ? '-' : '+'}${pad(Math.trunc(t.offset / 60))}:${pad(t.offset % 60)}`;
          iso += `T${pad(t.h)}:${pad(t.min)}:00${t.ms === undefined ? '' : `.${pad(t.ms, 3)}`}${off}`;
        }
        expect(calendarDateOf(iso)).toBe(ymd);
      }),
      { numRuns: 3000 },
    );
  });
});

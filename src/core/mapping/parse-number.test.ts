import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberLoose, parseNumberStrict } from './parse-number.js';

describe('parseNumberStrict', () => {
  it.each([
    ['85000', 85000],
    [' -1.5 ', -1.5],
    ['2e3', 2000],
    ['.5', 0.5],
  ])('%j → %d', (text, n) => {
    expect(parseNumberStrict(text)).toBe(n);
  });
  it.each(['', 'abc', '85,000', '1 000', '0x10', 'Infinity', '1e999', '12abc', '--1'])(
    'refuses %j',
    (text) => {
      expect(parseNumberStrict(text)).toBeNull();
    },
  );
  it('reads back any finite number it printed', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumberStrict(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('parseNumberLoose', () => {
  it.each([
    ['85,000', 85000],
    ['1,234,567.89', 1234567.89],
    ['85 000', 85000],
    ["1'000", 1000],
    ['1_000', 1000],
  ])('%j → %d', (text, n) => {
    expect(parseNumberLoose(text)).toBe(n);
  });
  it.each(['1,5', '1.500,50', '85,00', '€85', 'eighty'])(
    'refuses the ambiguous or non-numeric %j',
    (text) => {
      expect(parseNumberLoose(text)).toBeNull();
    },
  );
});

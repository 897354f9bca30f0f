import fc from 'fast-check';
import { expect } from 'vitest';
import { validateFieldValue } from '../model/field-value.js';
import type { ValueType } from '../model/new-hire-fields.js';
import type { MappingResult } from './evaluate-mapping.js';

/** Shared generators and invariants of the mapping property tests. */

/** Every string value the generators make starts with this, so messages can be checked for leaks. */
export const MARK = 'zq';
export const marked = fc.string({ maxLength: 12 }).map((s) => MARK + s);
export const text = fc.oneof(
  marked,
  fc.constantFrom(
    '',
    '  ',
    '40',
    '85,000',
    '1,5',
    '2026-03-01',
    '2026-02-28T23:30:00-05:00',
    '2026-02-30',
    'EUR',
    'usd',
    'a@b.co',
    'https://x.io/a',
    's',
    'l',
  ),
);
export const num = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.constantFrom(Number.NaN, Infinity, -0),
);
export const nullableNum = fc.option(num, { nil: null });
export const code = fc.option(fc.constantFrom('EUR', 'USD', 'eur', 'XXX', '', 'EURO'), { nil: null });

/** The invariants every evaluation must keep, whatever the data. */
export function expectSound(
  result: MappingResult,
  targets: readonly { key: string; type: ValueType; required: boolean; min: number | null }[],
): void {
  for (const target of targets) {
    const field = result.fields[target.key];
    const value = field?.value ?? null;
    if (value !== null) {
      expect(field?.error).toBeUndefined();
      expect(validateFieldValue(target, value)).toEqual({ ok: true, value });
    }
    if (field?.error !== undefined) {
      expect(value).toBeNull();
      expect(field.error.message).not.toContain(MARK);
    }
    expect(result.missingRequired.includes(target.key)).toBe(target.required && value === null);
  }
}

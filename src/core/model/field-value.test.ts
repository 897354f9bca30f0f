import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from './currency-codes.js';
import { normalizeUrl, validateFieldValue } from './field-value.js';
import type { ValueType } from './new-hire-fields.js';

const check = (type: ValueType, value: unknown, min: number | null = null) =>
  validateFieldValue({ type, min }, value);
const codeOf = (type: ValueType, value: unknown, min: number | null = null): string | null => {
  const r = check(type, value, min);
  return r.ok ? null : r.error.code;
};

describe('validateFieldValue', () => {
  it('trims text and refuses empty or non-text', () => {
    expect(check('string', '  Engineer ')).toEqual({ ok: true, value: 'Engineer' });
    expect(codeOf('string', '   ')).toBe('invalid_text');
    expect(codeOf('string', 42)).toBe('invalid_text');
    expect(codeOf('string', 'x'.repeat(10_001))).toBe('invalid_text');
  });

  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (555) 013-7731', '+15550137731'],
    ['+81 3-1234-5678', '+81312345678'],
    [' +49 1512 3456789 ', '+4915123456789'],
  ])('normalises phone %s to %s', (typed, stored) => {
    expect(check('phone', typed)).toEqual({ ok: true, value: stored });
  });
  it.each(['020 7946 0958', '12345', 'call me', '+44 1', '+999 1234567', ''])('refuses phone %j', (typed) => {
    const r = check('phone', typed);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toMatch(/phone number with its country code/);
  });

  it.each(['ada@example.com', 'ada.lovelace+hr@mail.example.co.uk', 'zoë@exämple.de'])(
    'accepts email %s',
    (e) => {
      expect(check('email', ` ${e} `)).toEqual({ ok: true, value: e });
    },
  );
  it.each([
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'ada @example.com',
    'a@b@c.com',
    'ada@-x.com',
    'ada@x..com',
  ])('refuses email %j', (e) => {
    expect(codeOf('email', e)).toBe('invalid_email');
  });

  it('accepts only calendar dates', () => {
    expect(check('date', '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(codeOf('date', '2026-02-29')).toBe('invalid_date');
    expect(codeOf('date', '2026-03-01T00:00:00Z')).toBe('invalid_date');
    expect(codeOf('date', 20260301)).toBe('invalid_date');
  });

  it('accepts finite numbers, with the field minimum', () => {
    expect(check('number', 85000.5)).toEqual({ ok: true, value: 85000.5 });
    expect(check('number', -0, 0)).toEqual({ ok: true, value: 0 });
    expect(check('number', -3)).toEqual({ ok: true, value: -3 });
    expect(codeOf('number', -3, 0)).toBe('negative_number');
    for (const bad of [Number.NaN, Infinity, '85000', null])
      expect(codeOf('number', bad)).toBe('not_a_number');
  });

  it('accepts ISO 4217 codes, upper-casing them, and refuses lookalikes', () => {
    expect(check('currency', 'eur')).toEqual({ ok: true, value: 'EUR' });
    expect(check('currency', 'USD')).toEqual({ ok: true, value: 'USD' });
    for (const bad of ['EURO', 'US', 'ABC', 'XAU', 'XXX', '€', ''])
      expect(codeOf('currency', bad)).toBe('invalid_currency');
  });

  it('accepts a person with a name and an optional valid email', () => {
    expect(check('person', { name: ' Grace Hopper ', email: ' grace@example.com' })).toEqual({
      ok: true,
      value: { name: 'Grace Hopper', email: 'grace@example.com' },
    });
    expect(check('person', { name: 'Grace Hopper', email: null })).toEqual({
      ok: true,
      value: { name: 'Grace Hopper', email: null },
    });
    expect(check('person', { name: 'Grace Hopper' })).toEqual({
      ok: true,
      value: { name: 'Grace Hopper', email: null },
    });
    expect(codeOf('person', { name: '', email: 'grace@example.com' })).toBe('invalid_person');
    expect(codeOf('person', { name: 'Grace', email: 'nope' })).toBe('invalid_email');
    expect(codeOf('person', 'Grace Hopper')).toBe('invalid_person');
  });

  it('accepts http(s) URLs and adds https:// to bare addresses', () => {
    expect(check('url', 'https://www.linkedin.com/in/ada')).toEqual({
      ok: true,
      value: 'https://www.linkedin.com/in/ada',
    });
    expect(check('url', 'linkedin.com/in/ada')).toEqual({ ok: true, value: 'https://linkedin.com/in/ada' });
    for (const bad of [
      'javascript:alert(1)',
      'mailto:a@b.com',
      'https://localhost/x',
      'not a url',
      'https://u:p@x.com',
      42,
    ]) {
      expect(codeOf('url', bad)).toBe('invalid_url');
    }
    expect(normalizeUrl('  http://twitter.com/ada  ')).toBe('http://twitter.com/ada');
  });

  it('never puts the value in an error message', () => {
    const secret = 'zz-secret-zz';
    for (const type of ['string', 'email', 'date', 'number', 'currency', 'person', 'url'] as const) {
      const r = check(type, type === 'person' ? { name: 'Ada', email: secret } : secret);
      if (!r.ok) expect(r.error.message).not.toContain(secret);
    }
  });
});

describe('CURRENCY_CODES', () => {
  it('holds three upper-case letters per code', () => {
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(CURRENCY_CODES.size).toBeGreaterThan(150);
  });
  it('knows every currency the runtime knows (catches typos and gaps in the static list)', () => {
    const runtime = Intl.supportedValuesOf('currency');
    expect(runtime.filter((c) => !CURRENCY_CODES.has(c))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { customValue, definition } from './bundle.fixture.js';
import { evaluateOne } from './evaluate-one.fixture.js';
import type { CustomFieldValue } from './source-bundle.js';
import type { Transform } from './transform-spec.js';

const v = customValue;
const sizes = definition('f1', 'ValueSelect', 'Candidate', [
  { label: 'Small', value: 's' },
  { label: 'Large', value: 'l' },
]);
const langs = definition('f1', 'MultiValueSelect', 'Candidate', [
  { label: 'English', value: 'en' },
  { label: 'French', value: 'fr' },
]);
describe('custom fields of every Ashby type', () => {
  it('boolean → Yes/No text, true/false lookup key', () => {
    expect(evaluateOne(v('f1', true), 'string')?.value).toBe('Yes');
    const lookup: Transform = {
      kind: 'lookup',
      entries: [{ from: 'false', to: 'On site' }],
      otherwise: 'error',
    };
    expect(evaluateOne(v('f1', false), 'string', { transform: lookup })?.value).toBe('On site');
    expect(evaluateOne(v('f1', true), 'number')?.error?.code).toBe('incompatible_value');
  });

  it('number → number, text, and an error into a date', () => {
    expect(evaluateOne(v('f1', 5), 'number')?.value).toBe(5);
    expect(evaluateOne(v('f1', 5), 'string')?.value).toBe('5');
    expect(evaluateOne(v('f1', 5), 'date')?.error?.code).toBe('incompatible_value');
  });

  it('string → text; text in a number field is an error, a numeral is not', () => {
    expect(evaluateOne(v('f1', ' M '), 'string')?.value).toBe('M');
    expect(evaluateOne(v('f1', 'abc'), 'number')?.error).toEqual({
      code: 'not_a_number',
      message: 'not a number',
    });
    expect(evaluateOne(v('f1', '40'), 'number')?.value).toBe(40);
    expect(evaluateOne(v('f1', '85,000'), 'number')?.error?.code).toBe('not_a_number');
    expect(evaluateOne(v('f1', '85,000'), 'number', { transform: { kind: 'number' } })?.value).toBe(85000);
  });

  it('date → calendar date as written, year, month', () => {
    const date = v('f1', '2026-02-28T23:30:00-05:00');
    const defs = [definition('f1', 'Date')];
    expect(evaluateOne(date, 'date', { defs })?.value).toBe('2026-02-28');
    expect(evaluateOne(date, 'number', { defs, transform: { kind: 'datePart', part: 'year' } })?.value).toBe(
      2026,
    );
    expect(evaluateOne(date, 'number', { defs, transform: { kind: 'datePart', part: 'month' } })?.value).toBe(
      2,
    );
    expect(evaluateOne(v('f1', 'next week'), 'date', { defs })?.error?.code).toBe('invalid_date');
  });

  it('value select → stored value, label on request, unknown option is an error', () => {
    const defs = [sizes];
    expect(evaluateOne(v('f1', 's', 'Small'), 'string', { defs })?.value).toBe('s');
    expect(
      evaluateOne(v('f1', 's', null), 'string', { defs, transform: { kind: 'selectLabel' } })?.value,
    ).toBe('Small');
    expect(evaluateOne(v('f1', 'xl', 'XL'), 'string', { defs })?.error?.code).toBe('unknown_option');
    // Without known options, Ashby's label is trusted.
    expect(
      evaluateOne(v('f1', 'xl', 'XL'), 'string', {
        defs: [definition('f1', 'ValueSelect')],
        transform: { kind: 'selectLabel' },
      })?.value,
    ).toBe('XL');
  });

  it('multi-value select → joined values or labels, never into a scalar field', () => {
    const defs = [langs];
    const value = v('f1', ['en', 'fr'], ['English', 'French']);
    expect(evaluateOne(value, 'string', { defs })?.value).toBe('en, fr');
    expect(
      evaluateOne(value, 'string', { defs, transform: { kind: 'join', separator: ' / ', use: 'label' } })
        ?.value,
    ).toBe('English / French');
    expect(evaluateOne(value, 'string', { defs, transform: { kind: 'selectLabel' } })?.value).toBe(
      'English, French',
    );
    expect(evaluateOne(value, 'currency', { defs })?.error?.code).toBe('multiple_values');
    expect(evaluateOne(v('f1', ['en', 'de']), 'string', { defs })?.error?.code).toBe('unknown_option');
    expect(evaluateOne(v('f1', []), 'string', { defs })?.value).toBeNull();
  });

  it('currency → amount and code through transforms; a code is needed to read it as text', () => {
    const money = v('f1', { value: 5000, currencyCode: 'EUR' });
    const defs = [definition('f1', 'Currency', 'Offer')];
    expect(
      evaluateOne(money, 'number', { defs, object: 'offer', transform: { kind: 'currencyAmount' } })?.value,
    ).toBe(5000);
    expect(
      evaluateOne(money, 'currency', { defs, object: 'offer', transform: { kind: 'currencyCode' } })?.value,
    ).toBe('EUR');
    expect(evaluateOne(money, 'string', { defs, object: 'offer' })?.value).toBe('5000 EUR');
    expect(evaluateOne(money, 'number', { defs, object: 'offer' })?.error?.code).toBe('incompatible_value');
    const noCode = v('f1', { value: 5000, currencyCode: null });
    expect(
      evaluateOne(noCode, 'currency', { defs, object: 'offer', transform: { kind: 'currencyCode' } })?.error
        ?.code,
    ).toBe('missing_currency_code');
    expect(evaluateOne(noCode, 'string', { defs, object: 'offer' })?.error?.code).toBe(
      'missing_currency_code',
    );
  });

  it('number range → text, or one bound', () => {
    const range = v('f1', { type: 'number-range', minValue: 3, maxValue: 5 });
    const defs = [definition('f1', 'NumberRange')];
    expect(evaluateOne(range, 'string', { defs })?.value).toBe('3–5');
    expect(
      evaluateOne(range, 'number', { defs, transform: { kind: 'rangeBound', bound: 'max' } })?.value,
    ).toBe(5);
    expect(evaluateOne(range, 'number', { defs })?.error?.code).toBe('incompatible_value');
  });

  it('compensation range → text with currency and interval, bounds, code', () => {
    const comp = v('f1', {
      type: 'compensation-range',
      minValue: 70000,
      maxValue: 90000,
      currencyCode: 'USD',
      interval: '1 YEAR',
    });
    const defs = [definition('f1', 'CompensationRange')];
    expect(evaluateOne(comp, 'string', { defs })?.value).toBe('70000–90000 USD per 1 YEAR');
    expect(
      evaluateOne(comp, 'number', { defs, transform: { kind: 'rangeBound', bound: 'min' } })?.value,
    ).toBe(70000);
    expect(evaluateOne(comp, 'currency', { defs, transform: { kind: 'currencyCode' } })?.value).toBe('USD');
  });

  it('an unrecognised value shape is an error, not a guess', () => {
    const odd = {
      id: 'f1',
      title: 'Odd',
      isPrivate: false,
      value: { foo: 1 },
      valueLabel: null,
    } as unknown as CustomFieldValue;
    expect(evaluateOne(odd, 'string')?.error?.code).toBe('unsupported_value');
    expect(evaluateOne(v('f1', Number.NaN), 'number')?.error?.code).toBe('unsupported_value');
  });

  it('an absent value is empty; a field Ashby no longer defines is an error', () => {
    expect(evaluateOne(null, 'string')).toMatchObject({ value: null });
    expect(evaluateOne(null, 'string')?.error).toBeUndefined();
    expect(evaluateOne(null, 'string', { defs: [] })?.error?.code).toBe('custom_field_not_found');
    // Present on the object: used even when the definitions list lacks it.
    expect(evaluateOne(v('f1', 'M'), 'string', { defs: [] })?.value).toBe('M');
  });

  it('describes the source by the field title', () => {
    const defs = [{ ...definition('f1', 'String'), title: 'T-shirt size' }];
    expect(evaluateOne(v('f1', 'M'), 'string', { defs })?.source.description).toBe(
      "Ashby candidate custom field 'T-shirt size'",
    );
    expect(evaluateOne(v('f1', 'M'), 'string', { defs: [] })?.source.description).toBe(
      "Ashby candidate custom field 'Field f1'",
    );
  });
});

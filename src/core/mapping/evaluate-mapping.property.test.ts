import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFieldValue } from '../model/field-value.js';
import { NEW_HIRE_FIELDS, VALUE_TYPES, type ValueType } from '../model/new-hire-fields.js';
import { hireBundle } from './bundle.fixture.js';
import { defaultMapping } from './default-mapping.js';
import { evaluateMapping, type MappingResult } from './evaluate-mapping.js';
import { CUSTOM_FIELD_OBJECTS, type MappingSpec } from './mapping-spec.js';
import type { ContactEntry, CustomFieldDefinition, CustomFieldValue, SourceBundle } from './source-bundle.js';
import type { Transform } from './transform-spec.js';

/** Every string value the generators make starts with this, so messages can be checked for leaks. */
const MARK = 'zq';
const marked = fc.string({ maxLength: 12 }).map((s) => MARK + s);
const text = fc.oneof(
  marked,
  fc.constantFrom('', '  ', '40', '85,000', '1,5', '2026-03-01', '2026-02-28T23:30:00-05:00', '2026-02-30', 'EUR', 'usd', 'a@b.co', 'https://x.io/a', 's', 'l'),
);
const num = fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e9 }), fc.constantFrom(Number.NaN, Infinity, -0));
const nullableNum = fc.option(num, { nil: null });
const code = fc.option(fc.constantFrom('EUR', 'USD', 'eur', 'XXX', '', 'EURO'), { nil: null });

const FIELD_TYPES = ['Boolean', 'Number', 'String', 'LongText', 'Date', 'ValueSelect', 'MultiValueSelect', 'Currency', 'NumberRange', 'CompensationRange', 'Weird'] as const;

/** Ashby's value shapes, and shapes a buggy upstream might send. */
const rawValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  num,
  text,
  fc.array(text, { maxLength: 4 }),
  fc.record({ value: nullableNum, currencyCode: code }),
  fc.record({ type: fc.constant('number-range'), minValue: nullableNum, maxValue: nullableNum }),
  fc.record({ type: fc.constant('compensation-range'), minValue: nullableNum, maxValue: nullableNum, currencyCode: code, interval: fc.constantFrom('1 YEAR', 'NONE', null) }),
  fc.anything({ maxDepth: 2 }),
);

const label = fc.option(fc.oneof(text, fc.array(text, { maxLength: 4 })), { nil: null });
const options = fc.option(fc.array(fc.record({ label: text, value: fc.constantFrom('s', 'l', MARK, 'zqx') }), { maxLength: 3 }), { nil: null });

const transform: fc.Arbitrary<Transform | undefined> = fc.option(
  fc.oneof(
    fc.constant<Transform>({ kind: 'selectLabel' }),
    fc.record({
      kind: fc.constant('lookup' as const),
      entries: fc.array(fc.record({ from: text, to: fc.constantFrom('X', '12', 'EUR', '2026-01-01', 'a@b.co') }), { minLength: 1, maxLength: 3 }),
      otherwise: fc.constantFrom('error' as const, 'keep' as const),
    }),
    fc.record({ kind: fc.constant('datePart' as const), part: fc.constantFrom('date' as const, 'year' as const, 'month' as const) }),
    fc.constantFrom<Transform>({ kind: 'number' }, { kind: 'currencyAmount' }, { kind: 'currencyCode' }),
    fc.record({ kind: fc.constant('join' as const), separator: fc.constantFrom(', ', '/', ''), use: fc.constantFrom('value' as const, 'label' as const) }),
    fc.record({ kind: fc.constant('defaultWhenEmpty' as const), value: fc.oneof(fc.constantFrom('Unknown', 'EUR', '2026-01-01'), fc.integer()) }),
    fc.record({ kind: fc.constant('rangeBound' as const), bound: fc.constantFrom('min' as const, 'max' as const) }),
  ),
  { nil: undefined },
);

const scenario = fc.record({
  object: fc.constantFrom(...CUSTOM_FIELD_OBJECTS),
  present: fc.boolean(),
  value: rawValue,
  valueLabel: label,
  fieldType: fc.option(fc.constantFrom(...FIELD_TYPES), { nil: null }),
  selectableValues: options,
  type: fc.constantFrom(...VALUE_TYPES),
  required: fc.boolean(),
  transform,
});

function bundleWith(object: (typeof CUSTOM_FIELD_OBJECTS)[number], fields: readonly CustomFieldValue[]): SourceBundle {
  const b = hireBundle();
  switch (object) {
    case 'candidate':
      return { ...b, candidate: { ...b.candidate, customFields: fields } };
    case 'application':
      return { ...b, application: { ...b.application, customFields: fields } };
    case 'job':
      return { ...b, job: { ...b.job, customFields: fields } };
    case 'offer':
      return { ...b, offer: b.offer && { ...b.offer, latestVersion: { ...b.offer.latestVersion, customFields: fields } } };
  }
}

/** The invariants every evaluation must keep, whatever the data. */
function expectSound(result: MappingResult, targets: readonly { key: string; type: ValueType; required: boolean; min: number | null }[]): void {
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

describe('evaluateMapping properties', () => {
  it('custom fields of any type and shape: never throws; a valid value or null (with the reason when it failed)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const entry = { id: 'f1', title: 'Field', isPrivate: false, value: s.value, valueLabel: s.valueLabel } as CustomFieldValue;
        const defs: CustomFieldDefinition[] =
          s.fieldType === null
            ? []
            : [{ id: 'f1', title: 'Field', objectType: 'Candidate', fieldType: s.fieldType, isArchived: false, selectableValues: s.selectableValues }];
        const spec: MappingSpec = {
          version: 1,
          customTargets: [{ key: 'extra', label: 'Extra', section: 'basics', type: s.type, required: s.required }],
          rules: [
            {
              id: 'r',
              source: { customField: { object: s.object, fieldId: 'f1' } },
              target: 'extra',
              enabled: true,
              ...(s.transform === undefined ? {} : { transform: s.transform }),
            },
          ],
        };
        const bundle = bundleWith(s.object, s.present ? [entry] : []);
        const result = evaluateMapping(spec, bundle, defs);
        expect(Object.keys(result.fields)).toEqual(['extra']);
        expectSound(result, [...NEW_HIRE_FIELDS, { key: 'extra', type: s.type, required: s.required, min: null }]);
        expect(evaluateMapping(spec, bundle, defs)).toEqual(result);
      }),
      { numRuns: 5000 },
    );
  });

  const contact = fc.record({
    value: fc.oneof(marked.map((m) => `${m}@example.com`), fc.constantFrom('', ' ', 'bad', '+1 555 0100')),
    type: fc.constantFrom('Personal' as const, 'Work' as const, 'Other' as const),
    isPrimary: fc.boolean(),
  });
  const hire = fc.record({
    name: fc.string({ maxLength: 30 }),
    emails: fc.array(contact, { maxLength: 4 }),
    primary: fc.option(contact, { nil: null }),
    startDate: fc.option(fc.oneof(text, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), { nil: null }),
    salary: fc.option(fc.record({ value: nullableNum, currencyCode: code }), { nil: null }),
    hasOffer: fc.boolean(),
    manager: fc.option(fc.record({ userId: fc.constant('u'), firstName: text, lastName: text, email: fc.option(text, { nil: null }) }), { nil: null }),
  });

  it('default mapping over random hires: sound, and a Work address is never the personal email', () => {
    fc.assert(
      fc.property(hire, (h) => {
        const base = hireBundle();
        const bundle: SourceBundle = {
          ...base,
          candidate: { ...base.candidate, name: h.name, emailAddresses: h.emails, primaryEmailAddress: h.primary },
          offer: h.hasOffer && base.offer ? { ...base.offer, latestVersion: { ...base.offer.latestVersion, startDate: h.startDate, salary: h.salary } } : null,
          hiringManager: h.manager,
        };
        const result = evaluateMapping(defaultMapping(), bundle, []);
        expectSound(result, NEW_HIRE_FIELDS);
        const work = [...h.emails, ...(h.primary ? [h.primary] : [])].filter((e: ContactEntry) => e.type === 'Work').map((e) => e.value.trim());
        const email = result.fields.personalEmail?.value;
        if (typeof email === 'string') expect(work).not.toContain(email);
      }),
      { numRuns: 3000 },
    );
  });

  it('start dates are the written calendar date, whatever the offset', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: -720, max: 840 }), (d, offset) => {
        // Build a local-time ISO string in an arbitrary zone: its date part is what the people team wrote.
        const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const iso = `${local}${sign}${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const b = hireBundle();
        const bundle = { ...b, offer: b.offer && { ...b.offer, latestVersion: { ...b.offer.latestVersion, startDate: iso } } };
        expect(evaluateMapping(defaultMapping(), bundle, []).fields.employmentStartDate?.value).toBe(local.slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });
});

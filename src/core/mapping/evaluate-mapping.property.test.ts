import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEW_HIRE_FIELDS, VALUE_TYPES } from '../model/new-hire-fields.js';
import { hireBundle } from './bundle.fixture.js';
import { evaluateMapping } from './evaluate-mapping.js';
import { CUSTOM_FIELD_OBJECTS, type MappingSpec } from './mapping-spec.js';
import { MARK, code, expectSound, nullableNum, num, text } from './property.fixture.js';
import type { CustomFieldDefinition, CustomFieldValue, SourceBundle } from './source-bundle.js';
import type { Transform } from './transform-spec.js';

const FIELD_TYPES = [
  'Boolean',
  'Number',
  'String',
  'LongText',
  'Date',
  'ValueSelect',
  'MultiValueSelect',
  'Currency',
  'NumberRange',
  'CompensationRange',
  'Weird',
] as const;

/** Ashby's value shapes, and shapes a buggy upstream might send. */
const rawValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  num,
  text,
  fc.array(text, { maxLength: 4 }),
  fc.record({ value: nullableNum, currencyCode: code }),
  fc.record({ type: fc.constant('number-range'), minValue: nullableNum, maxValue: nullableNum }),
  fc.record({
    type: fc.constant('compensation-range'),
    minValue: nullableNum,
    maxValue: nullableNum,
    currencyCode: code,
    interval: fc.constantFrom('1 YEAR', 'NONE', null),
  }),
  fc.anything({ maxDepth: 2 }),
);

const label = fc.option(fc.oneof(text, fc.array(text, { maxLength: 4 })), { nil: null });
const options = fc.option(
  fc.array(fc.record({ label: text, value: fc.constantFrom('s', 'l', MARK, 'zqx') }), { maxLength: 3 }),
  { nil: null },
);

const transform: fc.Arbitrary<Transform | undefined> = fc.option(
  fc.oneof(
    fc.constant<Transform>({ kind: 'selectLabel' }),
    fc.record({
      kind: fc.constant('lookup' as const),
      entries: fc.array(
        fc.record({ from: text, to: fc.constantFrom('X', '12', 'EUR', '2026-01-01', 'a@b.co') }),
        { minLength: 1, maxLength: 3 },
      ),
      otherwise: fc.constantFrom('error' as const, 'keep' as const),
    }),
    fc.record({
      kind: fc.constant('datePart' as const),
      part: fc.constantFrom('date' as const, 'year' as const, 'month' as const),
    }),
    fc.constantFrom<Transform>({ kind: 'number' }, { kind: 'currencyAmount' }, { kind: 'currencyCode' }),
    fc.record({
      kind: fc.constant('join' as const),
      separator: fc.constantFrom(', ', '/', ''),
      use: fc.constantFrom('value' as const, 'label' as const),
    }),
    fc.record({
      kind: fc.constant('defaultWhenEmpty' as const),
      value: fc.oneof(fc.constantFrom('Unknown', 'EUR', '2026-01-01'), fc.integer()),
    }),
    fc.record({
      kind: fc.constant('rangeBound' as const),
      bound: fc.constantFrom('min' as const, 'max' as const),
    }),
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

function bundleWith(
  object: (typeof CUSTOM_FIELD_OBJECTS)[number],
  fields: readonly CustomFieldValue[],
): SourceBundle {
  const b = hireBundle();
  switch (object) {
    case 'candidate':
      return { ...b, candidate: { ...b.candidate, customFields: fields } };
    case 'application':
      return { ...b, application: { ...b.application, customFields: fields } };
    case 'job':
      return { ...b, job: { ...b.job, customFields: fields } };
    case 'offer':
      return {
        ...b,
        offer: b.offer && { ...b.offer, latestVersion: { ...b.offer.latestVersion, customFields: fields } },
      };
  }
}

describe('evaluateMapping properties', () => {
  it('custom fields of any type and shape: never throws; a valid value or null (with the reason when it failed)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const entry = {
          id: 'f1',
          title: 'Field',
          isPrivate: false,
          value: s.value,
          valueLabel: s.valueLabel,
        } as CustomFieldValue;
        const defs: CustomFieldDefinition[] =
          s.fieldType === null
            ? []
            : [
                {
                  id: 'f1',
                  title: 'Field',
                  objectType: 'Candidate',
                  fieldType: s.fieldType,
                  isArchived: false,
                  selectableValues: s.selectableValues,
                },
              ];
        const spec: MappingSpec = {
          version: 1,
          customTargets: [
            { key: 'extra', label: 'Extra', section: 'basics', type: s.type, required: s.required },
          ],
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
        expectSound(result, [
          ...NEW_HIRE_FIELDS,
          { key: 'extra', type: s.type, required: s.required, min: null },
        ]);
        expect(evaluateMapping(spec, bundle, defs)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });
});

import { expect } from 'vitest';
import type { ValueType } from '../model/new-hire-fields.js';
import { definition, hireBundle } from './bundle.fixture.js';
import { evaluateMapping, type FieldResult } from './evaluate-mapping.js';
import type { MappingSpec } from './mapping-spec.js';
import type { CustomFieldDefinition, CustomFieldValue, SourceBundle } from './source-bundle.js';
import type { Transform } from './transform-spec.js';

/** Map candidate custom field `f1` into a custom target `extra` of `type`, through `transform`. */
export function evaluateOne(
  value: CustomFieldValue | null,
  type: ValueType,
  options: {
    transform?: Transform;
    defs?: readonly CustomFieldDefinition[];
    object?: 'candidate' | 'offer';
  } = {},
): FieldResult | undefined {
  const object = options.object ?? 'candidate';
  const spec: MappingSpec = {
    version: 1,
    customTargets: [{ key: 'extra', label: 'Extra', section: 'employment', type, required: true }],
    rules: [
      {
        id: 'r1',
        source: { customField: { object, fieldId: 'f1' } },
        target: 'extra',
        enabled: true,
        ...(options.transform === undefined ? {} : { transform: options.transform }),
      },
    ],
  };
  const base = hireBundle();
  const fields = value === null ? [] : [value];
  const bundle: SourceBundle =
    object === 'candidate'
      ? { ...base, candidate: { ...base.candidate, customFields: fields } }
      : {
          ...base,
          offer: base.offer && {
            ...base.offer,
            latestVersion: { ...base.offer.latestVersion, customFields: fields },
          },
        };
  const result = evaluateMapping(spec, bundle, options.defs ?? [definition('f1', 'String')]);
  expect(result.missingRequired.includes('extra')).toBe(result.fields.extra?.value === null);
  return result.fields.extra;
}

import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors/app-error.js';
import { defaultMapping } from '../core/mapping/default-mapping.js';
import type { MappingProblem } from '../core/mapping/mapping-problem.js';
import type { CustomFieldDefinition } from '../core/mapping/source-bundle.js';
import type { AshbyGateway } from '../core/ports/ashby-gateway.js';
import { checkMapping } from './check-mapping.js';

const contractType: CustomFieldDefinition = {
  id: 'cf-contract',
  title: 'Contract type',
  objectType: 'Offer',
  fieldType: 'String',
  isArchived: false,
  selectableValues: null,
};

/** A gateway whose cached definitions lag behind Ashby's: only a fresh read sees `fresh`. */
function gateway(cached: CustomFieldDefinition[], fresh: CustomFieldDefinition[]) {
  const reads: boolean[] = [];
  const g: Pick<AshbyGateway, 'customFieldDefinitions'> = {
    customFieldDefinitions: async (options = {}) => {
      reads.push(options.fresh === true);
      return options.fresh === true ? fresh : cached;
    },
  };
  return { g, reads };
}

const withContractType = (fieldId: string) => ({
  ...defaultMapping(),
  rules: [
    ...defaultMapping().rules,
    {
      id: 'contract',
      source: { customField: { object: 'offer', fieldId } },
      target: 'contract',
      enabled: true,
    },
  ],
  customTargets: [
    { key: 'contract', label: 'Contract', section: 'employment', type: 'string', required: false },
  ],
});

async function problemsOf(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (err) {
    if (isAppError(err) && err.code === 'validation_failed') {
      return (err.details?.['problems'] as MappingProblem[]).map(
        (p) => `${p.code}:${p.ruleId ?? p.target ?? ''}`,
      );
    }
    throw err;
  }
  throw new Error('expected the mapping to be refused');
}

describe('checkMapping', () => {
  it('accepts a valid mapping from the cached definitions, without reading Ashby again', async () => {
    const { g, reads } = gateway([contractType], []);
    const spec = await checkMapping(g, withContractType('cf-contract'));
    expect(spec.rules.at(-1)?.id).toBe('contract');
    expect(reads).toEqual([false]);
  });

  it('reads the definitions fresh once when a custom field is unknown to the cache (created in Ashby just now)', async () => {
    const { g, reads } = gateway([], [contractType]);
    await expect(checkMapping(g, withContractType('cf-contract'))).resolves.toBeDefined();
    expect(reads).toEqual([false, true]);
  });

  it('refuses with every problem named by rule, shape problems first and alone', async () => {
    const { g } = gateway([contractType], [contractType]);
    expect(await problemsOf(checkMapping(g, withContractType('cf-missing')))).toEqual([
      'unknown_custom_field:contract',
    ]);
    const shape = await problemsOf(
      checkMapping(g, {
        version: 1,
        rules: [{ id: 'r1', source: 'nope', target: 'x', enabled: true }],
        customTargets: [],
      }),
    );
    expect(shape).toEqual(['invalid_shape:r1']);
    const disabled = {
      ...withContractType('cf-contract'),
      rules: withContractType('cf-contract').rules.map((r) => ({
        ...r,
        enabled: r.id !== 'default.firstName',
      })),
    };
    expect(await problemsOf(checkMapping(g, disabled))).toEqual([
      'required_field_disabled:default.firstName',
    ]);
  });
});

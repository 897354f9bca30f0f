import { describe, expect, it } from 'vitest';
import { defaultMapping } from '../core/mapping/default-mapping.js';
import type { MappingSpec } from '../core/mapping/mapping-spec.js';
import { mappingChanges } from './mapping-changes.js';

describe('mappingChanges', () => {
  it('names added, removed and changed rules and custom targets, and nothing else', () => {
    const before = defaultMapping();
    const after: MappingSpec = {
      ...before,
      rules: [
        ...before.rules
          .filter((r) => r.id !== 'default.twitter')
          .map((r) => (r.id === 'default.linkedIn' ? { ...r, enabled: false } : r)),
        {
          id: 'contract',
          source: { customField: { object: 'offer', fieldId: 'f1' } },
          target: 'contract',
          enabled: true,
        },
      ],
      customTargets: [
        { key: 'contract', label: 'Contract', section: 'employment', type: 'string', required: false },
      ],
    };
    expect(mappingChanges(before, after)).toEqual({
      rulesAdded: ['contract'],
      rulesRemoved: ['default.twitter'],
      rulesChanged: ['default.linkedIn'],
      customTargetsAdded: ['contract'],
      customTargetsRemoved: [],
      customTargetsChanged: [],
    });
    const relabelled = { ...after, customTargets: [{ ...after.customTargets[0]!, label: 'Contract type' }] };
    expect(mappingChanges(after, relabelled)).toMatchObject({
      rulesChanged: [],
      customTargetsChanged: ['contract'],
    });
    expect(mappingChanges(after, after)).toMatchObject({
      rulesAdded: [],
      rulesRemoved: [],
      rulesChanged: [],
    });
  });
});

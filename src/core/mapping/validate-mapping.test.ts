import { describe, expect, it } from 'vitest';
import { definition } from './bundle.fixture.js';
import { defaultMapping } from './default-mapping.js';
import type { MappingProblem } from './mapping-problem.js';
import type { MappingRule, MappingSpec } from './mapping-spec.js';
import { validateMapping } from './validate-mapping.js';

const codes = (problems: readonly MappingProblem[]): string[] =>
  problems.map((p) => `${p.code}:${p.ruleId ?? p.target ?? ''}`);
const withRules = (...rules: MappingRule[]): MappingSpec => ({
  ...defaultMapping(),
  rules: [...defaultMapping().rules, ...rules],
});

describe('validateMapping', () => {
  it('accepts the default mapping', () => {
    expect(validateMapping(defaultMapping())).toEqual([]);
    expect(validateMapping(defaultMapping(), { customFieldDefinitions: [] })).toEqual([]);
  });

  it('refuses a name or email marked sensitive (they stay searchable), accepts the job title', () => {
    const spec = defaultMapping();
    const mark = (target: string) => ({
      ...spec,
      rules: spec.rules.map((r) => (r.target === target ? { ...r, sensitive: true } : r)),
    });
    expect(codes(validateMapping(mark('lastName')))).toEqual([
      `sensitive_not_allowed:${spec.rules.find((r) => r.target === 'lastName')?.id ?? ''}`,
    ]);
    expect(validateMapping(mark('jobTitle'))).toEqual([]);
  });

  it('accepts optional fields switched off', () => {
    const spec = defaultMapping();
    const off = {
      ...spec,
      rules: spec.rules.map((r) => (r.target === 'linkedIn' ? { ...r, enabled: false } : r)),
    };
    expect(validateMapping(off)).toEqual([]);
  });

  it('refuses a required field switched off or left without a rule', () => {
    const spec = defaultMapping();
    const broken: MappingSpec = {
      ...spec,
      rules: spec.rules
        .filter((r) => r.target !== 'jobTitle')
        .map((r) => (r.target === 'personalEmail' ? { ...r, enabled: false } : r)),
    };
    expect(codes(validateMapping(broken))).toEqual([
      'required_field_disabled:default.personalEmail',
      'required_field_unmapped:jobTitle',
    ]);
  });

  it('refuses two enabled rules into one target, naming the second', () => {
    const problems = validateMapping(
      withRules({ id: 'r2', source: 'job.department', target: 'jobTitle', enabled: true }),
    );
    expect(codes(problems)).toEqual(['duplicate_target:r2']);
    expect(problems[0]?.message).toContain("'default.jobTitle'");
    // A disabled alternative is fine: it can be switched on once the other is off.
    expect(
      validateMapping(withRules({ id: 'r2', source: 'job.department', target: 'jobTitle', enabled: false })),
    ).toEqual([]);
  });

  it('refuses unknown targets, duplicate rule ids, clashing and duplicate custom targets', () => {
    const spec: MappingSpec = {
      ...withRules(
        { id: 'r1', source: 'job.employmentType', target: 'employmentKind', enabled: true },
        { id: 'r1', source: 'job.employmentType', target: 'contract', enabled: true },
      ),
      customTargets: [
        { key: 'contract', label: 'Contract', section: 'employment', type: 'string', required: false },
        { key: 'contract', label: 'Contract again', section: 'employment', type: 'string', required: false },
        { key: 'firstName', label: 'Given name', section: 'basics', type: 'string', required: false },
      ],
    };
    expect(codes(validateMapping(spec))).toEqual([
      'duplicate_custom_target:contract',
      'custom_target_clash:firstName',
      'duplicate_rule_id:r1',
      'unknown_target:r1',
    ]);
  });

  it('checks custom fields against the Ashby definitions when given', () => {
    const spec: MappingSpec = {
      ...withRules(
        {
          id: 'gone',
          source: { customField: { object: 'candidate', fieldId: 'nope' } },
          target: 'shirt',
          enabled: false,
        },
        {
          id: 'wrong-object',
          source: { customField: { object: 'candidate', fieldId: 'f-offer' } },
          target: 'bonus',
          enabled: true,
        },
      ),
      customTargets: [
        { key: 'shirt', label: 'Shirt', section: 'basics', type: 'string', required: false },
        { key: 'bonus', label: 'Bonus', section: 'compensation', type: 'string', required: false },
      ],
    };
    const customFieldDefinitions = [definition('f-offer', 'Currency', 'Offer')];
    expect(codes(validateMapping(spec, { customFieldDefinitions }))).toEqual([
      'unknown_custom_field:gone',
      'custom_field_wrong_object:wrong-object',
    ]);
    expect(validateMapping(spec)).toEqual([]);
  });

  it('refuses transforms and targets that do not fit the source', () => {
    const spec: MappingSpec = {
      ...withRules(
        {
          id: 'label-on-text',
          source: 'job.title',
          target: 'note',
          transform: { kind: 'selectLabel' },
          enabled: true,
        },
        { id: 'date-to-number', source: 'offer.startDate', target: 'startYear', enabled: true },
        {
          id: 'money-to-number',
          source: { customField: { object: 'offer', fieldId: 'bonus' } },
          target: 'bonusAmount',
          enabled: true,
        },
        {
          id: 'multi-to-email',
          source: { customField: { object: 'candidate', fieldId: 'langs' } },
          target: 'altEmail',
          enabled: true,
        },
      ),
      customTargets: [
        { key: 'note', label: 'Note', section: 'basics', type: 'string', required: false },
        { key: 'startYear', label: 'Start year', section: 'employment', type: 'number', required: false },
        { key: 'bonusAmount', label: 'Bonus', section: 'compensation', type: 'number', required: false },
        { key: 'altEmail', label: 'Other email', section: 'basics', type: 'email', required: false },
      ],
    };
    const customFieldDefinitions = [
      definition('bonus', 'Currency', 'Offer'),
      definition('langs', 'MultiValueSelect'),
    ];
    expect(codes(validateMapping(spec, { customFieldDefinitions }))).toEqual([
      'transform_incompatible:label-on-text',
      'target_incompatible:date-to-number',
      'target_incompatible:money-to-number',
      'target_incompatible:multi-to-email',
    ]);
    // The fitting transforms make the same rules valid.
    const fixed: MappingSpec = {
      ...spec,
      rules: spec.rules
        .filter((r) => r.id !== 'label-on-text' && r.id !== 'multi-to-email')
        .map((r): MappingRule =>
          r.id === 'date-to-number'
            ? { ...r, transform: { kind: 'datePart', part: 'year' } }
            : r.id === 'money-to-number'
              ? { ...r, transform: { kind: 'currencyAmount' } }
              : r,
        ),
    };
    expect(validateMapping(fixed, { customFieldDefinitions })).toEqual([]);
  });

  it('refuses defaults and lookup results that are not valid for the target', () => {
    const spec = withRules();
    const rules = spec.rules.map((r): MappingRule => {
      if (r.target === 'salaryCurrency')
        return { ...r, transform: { kind: 'defaultWhenEmpty', value: 'Euro' } };
      if (r.target === 'employmentStartDate')
        return { ...r, transform: { kind: 'defaultWhenEmpty', value: '2026-01-01' } };
      if (r.target === 'department') {
        return {
          ...r,
          transform: {
            kind: 'lookup',
            entries: [
              { from: 'Eng', to: 'Engineering' },
              { from: 'Eng', to: 'R&D' },
            ],
            otherwise: 'keep',
          },
        };
      }
      if (r.target === 'salaryAmount') {
        return {
          ...r,
          transform: { kind: 'lookup', entries: [{ from: '1', to: 'lots' }], otherwise: 'error' },
        };
      }
      return r;
    });
    const problems = validateMapping({ ...spec, rules });
    expect(codes(problems)).toEqual([
      'invalid_lookup:default.department',
      'invalid_lookup:default.salaryAmount',
      'invalid_default:default.salaryCurrency',
    ]);
    expect(problems.map((p) => p.message).join(' ')).not.toContain('lots');
  });

  it('reports every problem at once', () => {
    const spec: MappingSpec = {
      version: 1,
      rules: [{ id: 'x', source: 'job.title', target: 'nowhere', enabled: true }],
      customTargets: [],
    };
    expect(validateMapping(spec).length).toBe(1 + 5);
  });
});

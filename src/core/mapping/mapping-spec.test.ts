import { describe, expect, it } from 'vitest';
import { defaultMapping } from './default-mapping.js';
import { parseMappingSpec } from './mapping-spec.js';
import { validateMapping } from './validate-mapping.js';

describe('parseMappingSpec', () => {
  it('round-trips the default mapping through JSON', () => {
    const parsed = parseMappingSpec(JSON.parse(JSON.stringify(defaultMapping())));
    expect(parsed).toEqual({ ok: true, spec: defaultMapping() });
  });

  it('fills transform defaults an API client may leave out', () => {
    const parsed = parseMappingSpec({
      version: 1,
      customTargets: [
        { key: 'languages', label: 'Languages', section: 'basics', type: 'string', required: false },
      ],
      rules: [
        {
          id: 'langs',
          source: { customField: { object: 'candidate', fieldId: 'abc' } },
          target: 'languages',
          transform: { kind: 'join' },
          enabled: true,
        },
        {
          id: 'kind',
          source: 'job.employmentType',
          target: 'languages',
          transform: { kind: 'lookup', entries: [{ from: 'a', to: 'b' }] },
          enabled: false,
        },
      ],
    });
    expect(parsed.ok && parsed.spec.rules.map((r) => r.transform)).toEqual([
      { kind: 'join', separator: ', ', use: 'value' },
      { kind: 'lookup', entries: [{ from: 'a', to: 'b' }], otherwise: 'error' },
    ]);
  });

  it('names shape problems by rule id, all of them', () => {
    const parsed = parseMappingSpec({
      version: 1,
      customTargets: [{ key: 'Bad Key', label: '', section: 'misc', type: 'string', required: false }],
      rules: [
        { id: 'ok-rule', source: 'job.salary', target: 'jobTitle', enabled: true },
        {
          id: 'code',
          source: 'job.title',
          target: 'jobTitle',
          transform: { kind: 'script', code: 'x' },
          enabled: true,
        },
        { source: 'job.title', target: 'jobTitle', enabled: 'yes' },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.every((p) => p.code === 'invalid_shape')).toBe(true);
    expect(new Set(parsed.problems.map((p) => p.ruleId))).toEqual(new Set([null, 'ok-rule', 'code', '#3']));
    expect(parsed.problems.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses another version and unknown properties', () => {
    expect(parseMappingSpec({ ...defaultMapping(), version: 2 }).ok).toBe(false);
    expect(parseMappingSpec({ ...defaultMapping(), extra: true }).ok).toBe(false);
    expect(parseMappingSpec(null).ok).toBe(false);
  });
});

describe('defaultMapping', () => {
  it('maps each canonical field from its C4 source, all enabled, as a fresh copy', () => {
    const spec = defaultMapping();
    expect(spec.rules.map((r) => [r.target, r.source])).toContainEqual([
      'employmentStartDate',
      'offer.startDate',
    ]);
    expect(spec.rules.map((r) => [r.target, r.source])).toContainEqual([
      'reportingTo',
      'application.hiringManager',
    ]);
    expect(spec.rules).toHaveLength(14);
    expect(spec.rules.every((r) => r.enabled && r.transform === undefined)).toBe(true);
    expect(defaultMapping()).not.toBe(spec);
    expect(validateMapping(spec)).toEqual([]);
  });
});

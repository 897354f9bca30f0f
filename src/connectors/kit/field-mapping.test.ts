import { describe, expect, it } from 'vitest';
import { pushedMember } from '../../../test/support/destination-target.js';
import { fieldRuleSchema, resolveValues, sectionBody } from './field-mapping.js';

describe('the shared field-mapping engine', () => {
  it('sends the first HireBridge field with a value, and leaves out rules with none', () => {
    const member = pushedMember({
      fields: { firstName: 'Ada', workEmail: '  ', personalEmail: 'a@h.example' },
    });
    const values = resolveValues(member, [
      { target: 'person.email', from: ['workEmail', 'personalEmail'] },
      { target: 'person.phone', from: ['personalPhone'] },
      // Department and location live on the member itself.
      { target: 'job.department', from: ['department'] },
    ]);
    expect(Object.fromEntries(values)).toEqual({
      'person.email': 'a@h.example',
      'job.department': 'Engineering',
    });
  });

  it('nests one section of the values by the rest of each path', () => {
    const values = new Map<string, string | number>([
      ['person.name.first', 'Ada'],
      ['person.fields.cf_1', 'x'],
      ['job.title', 'Engineer'],
    ]);
    expect(sectionBody(values, 'person')).toEqual({ name: { first: 'Ada' }, fields: { cf_1: 'x' } });
  });

  it('checks a rule against the system’s targets in words, and lists only where the system has them', () => {
    const rule = fieldRuleSchema(/^person\.[a-z]+$/, 'a field such as person.name');
    const bad = rule.safeParse({ target: 'salary', from: [] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'target: must be a field such as person.name',
      'from: must name at least one HireBridge field',
    ]);
    expect(
      rule.safeParse({ target: 'person.name', from: ['firstName'], list: 'x' }).error?.issues[0]?.message,
    ).toBe('is not supported by this system (it has no named lists)');
    expect(rule.safeParse({ target: 'person.name', from: ['first name'] }).success).toBe(false);
  });
});

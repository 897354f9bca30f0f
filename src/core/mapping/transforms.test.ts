import { describe, expect, it } from 'vitest';
import { customValue } from './bundle.fixture.js';
import { evaluateOne } from './evaluate-one.fixture.js';
import type { Transform } from './transform-spec.js';

const v = customValue;

describe('transforms', () => {
  const table: Transform = {
    kind: 'lookup',
    entries: [
      { from: 'FullTime', to: 'Full time' },
      { from: 'parttime', to: 'Part time' },
    ],
    otherwise: 'error',
  };

  it('lookup matches exactly, then ignoring case, else errors or keeps', () => {
    expect(evaluateOne(v('f1', 'FullTime'), 'string', { transform: table })?.value).toBe('Full time');
    expect(evaluateOne(v('f1', 'PartTime'), 'string', { transform: table })?.value).toBe('Part time');
    expect(evaluateOne(v('f1', 'Intern'), 'string', { transform: table })?.error?.code).toBe(
      'unmapped_value',
    );
    expect(
      evaluateOne(v('f1', 'Intern'), 'string', { transform: { ...table, otherwise: 'keep' } })?.value,
    ).toBe('Intern');
  });

  it('defaultWhenEmpty fills only an absent value, and says so', () => {
    const transform: Transform = { kind: 'defaultWhenEmpty', value: 'Unknown' };
    const used = evaluateOne(null, 'string', { transform });
    expect(used?.value).toBe('Unknown');
    expect(used?.source.usedDefault).toBe(true);
    expect(used?.source.description).toContain('default value used');
    expect(evaluateOne(v('f1', 'M'), 'string', { transform })?.value).toBe('M');
    // A value that fails to convert is reported, never replaced by the default.
    const failed = evaluateOne(v('f1', 'abc'), 'number', {
      transform: { kind: 'defaultWhenEmpty', value: 0 },
    });
    expect(failed).toMatchObject({ value: null, error: { code: 'not_a_number' } });
  });

  it('a transform given a value of the wrong kind reports it', () => {
    expect(evaluateOne(v('f1', 'M'), 'number', { transform: { kind: 'currencyAmount' } })?.error?.code).toBe(
      'incompatible_value',
    );
  });

  it('never puts the value in an error message', () => {
    const secret = 'zz-private-zz';
    for (const type of ['string', 'email', 'date', 'number', 'currency', 'person', 'url'] as const) {
      const message = evaluateOne(v('f1', secret), type, { transform: table })?.error?.message ?? '';
      expect(message).not.toContain(secret);
      expect(evaluateOne(v('f1', secret), type)?.error?.message ?? '').not.toContain(secret);
    }
  });
});

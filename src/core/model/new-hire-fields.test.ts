import { describe, expect, it } from 'vitest';
import {
  CANONICAL_FIELD_KEYS,
  NEW_HIRE_FIELDS,
  REQUIRED_CANONICAL_KEYS,
  canonicalField,
  isCanonicalFieldKey,
} from './new-hire-fields.js';

describe('canonical new-hire fields', () => {
  it('lists every key once, in the agreed order', () => {
    expect(NEW_HIRE_FIELDS.map((f) => f.key)).toEqual([...CANONICAL_FIELD_KEYS]);
  });
  it('requires exactly the fields PRODUCT.md C4 marks required', () => {
    expect([...REQUIRED_CANONICAL_KEYS].sort()).toEqual([
      'employmentStartDate',
      'firstName',
      'jobTitle',
      'lastName',
      'personalEmail',
    ]);
  });
  it('types and places fields as C4 says', () => {
    expect(canonicalField('employmentStartDate')).toMatchObject({ type: 'date', section: 'employment' });
    expect(canonicalField('reportingTo')).toMatchObject({ type: 'person', section: 'jobRole' });
    expect(canonicalField('salaryAmount')).toMatchObject({ type: 'number', section: 'compensation', min: 0 });
    expect(canonicalField('salaryCurrency')).toMatchObject({ type: 'currency', section: 'compensation' });
    expect(canonicalField('personalEmail')).toMatchObject({ type: 'email', section: 'basics' });
    expect(canonicalField('linkedIn')).toMatchObject({ type: 'url', section: 'basics' });
  });
  it('tells canonical keys from others, prototype names included', () => {
    expect(isCanonicalFieldKey('firstName')).toBe(true);
    expect(isCanonicalFieldKey('tshirtSize')).toBe(false);
    expect(isCanonicalFieldKey('constructor')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { hireBundle, withCandidate, withOfferVersion } from './bundle.fixture.js';
import { defaultMapping } from './default-mapping.js';
import { evaluateMapping, type MappingResult } from './evaluate-mapping.js';
import type { MappingSpec } from './mapping-spec.js';
import type { SourceBundle } from './source-bundle.js';

const run = (bundle: SourceBundle, spec: MappingSpec = defaultMapping()): MappingResult =>
  evaluateMapping(spec, bundle, []);
const valueOf = (result: MappingResult, key: string): unknown => result.fields[key]?.value;
const errorOf = (result: MappingResult, key: string): string | undefined => result.fields[key]?.error?.code;

describe('evaluateMapping with the default mapping', () => {
  it('fills every canonical field of a complete hire, with its source', () => {
    const result = run(hireBundle());
    expect(Object.fromEntries(Object.entries(result.fields).map(([k, f]) => [k, f.value]))).toEqual({
      employmentStartDate: '2026-03-01',
      firstName: 'Ada',
      middleName: 'King',
      lastName: 'Lovelace',
      personalEmail: 'ada.lovelace@example.org',
      // Normalised to E.164 (the bundle has '+44 20 7946 0000').
      personalPhone: '+442079460000',
      jobTitle: 'Analytical Engineer',
      department: 'Engineering',
      reportingTo: { name: 'Charles Babbage', email: 'charles@work.example.com' },
      location: 'London',
      salaryAmount: 85000,
      salaryCurrency: 'EUR',
      linkedIn: 'https://www.linkedin.com/in/ada-lovelace',
      twitter: 'https://twitter.com/ada',
    });
    expect(result.missingRequired).toEqual([]);
    expect(result.fields.employmentStartDate?.source).toEqual({
      ruleId: 'default.employmentStartDate',
      description: 'Ashby offer › start date',
      usedDefault: false,
    });
    expect(Object.values(result.fields).every((f) => f.error === undefined)).toBe(true);
  });

  it('never takes a Work address as the personal email', () => {
    const onlyWork = withCandidate({
      emailAddresses: [{ value: 'ada@work.example.com', type: 'Work', isPrimary: true }],
      primaryEmailAddress: { value: 'ada@work.example.com', type: 'Work', isPrimary: true },
    });
    const result = run(onlyWork);
    expect(valueOf(result, 'personalEmail')).toBeNull();
    expect(errorOf(result, 'personalEmail')).toBeUndefined();
    expect(result.missingRequired).toEqual(['personalEmail']);
  });

  it('takes a non-Work primary address when no address is typed Personal', () => {
    const result = run(
      withCandidate({
        emailAddresses: [
          { value: 'ada@work.example.com', type: 'Work', isPrimary: false },
          { value: 'other@example.org', type: 'Other', isPrimary: false },
          { value: 'primary@example.org', type: 'Other', isPrimary: true },
        ],
        primaryEmailAddress: null,
      }),
    );
    expect(valueOf(result, 'personalEmail')).toBe('primary@example.org');
  });

  it('reports a malformed personal email instead of passing it on', () => {
    const result = run(
      withCandidate({
        emailAddresses: [{ value: 'ada at example', type: 'Personal', isPrimary: true }],
        primaryEmailAddress: null,
      }),
    );
    expect(valueOf(result, 'personalEmail')).toBeNull();
    expect(result.fields.personalEmail?.error).toEqual({
      code: 'invalid_email',
      message: 'not a valid email address',
    });
    expect(result.missingRequired).toContain('personalEmail');
  });

  it.each([
    ['2026-03-01T00:00:00.000Z', '2026-03-01'],
    ['2026-02-28T23:30:00-05:00', '2026-02-28'],
    ['2026-03-01T00:30:00+14:00', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
  ])('keeps the start date %s as the calendar date Ashby gives (%s)', (startDate, expected) => {
    expect(valueOf(run(withOfferVersion({ startDate })), 'employmentStartDate')).toBe(expected);
  });

  it('reports a start date that is not a date, and lists it missing', () => {
    const result = run(withOfferVersion({ startDate: '2026-02-30T00:00:00Z' }));
    expect(errorOf(result, 'employmentStartDate')).toBe('invalid_date');
    expect(result.missingRequired).toEqual(['employmentStartDate']);
  });

  it('leaves offer fields empty without error when there is no offer', () => {
    const result = run(withOfferVersion(null));
    for (const key of ['employmentStartDate', 'salaryAmount', 'salaryCurrency']) {
      expect(valueOf(result, key)).toBeNull();
      expect(errorOf(result, key)).toBeUndefined();
    }
    expect(result.missingRequired).toEqual(['employmentStartDate']);
  });

  it('reports a salary without a currency code, and a currency that is not ISO 4217', () => {
    expect(
      errorOf(run(withOfferVersion({ salary: { value: 85000, currencyCode: null } })), 'salaryCurrency'),
    ).toBe('missing_currency_code');
    expect(
      errorOf(run(withOfferVersion({ salary: { value: 85000, currencyCode: 'EURO' } })), 'salaryCurrency'),
    ).toBe('invalid_currency');
    expect(
      errorOf(run(withOfferVersion({ salary: { value: -1, currencyCode: 'EUR' } })), 'salaryAmount'),
    ).toBe('negative_number');
  });

  it('splits names into parts; a one-word name leaves the last name missing', () => {
    const result = run(withCandidate({ name: 'Madonna' }));
    expect(valueOf(result, 'firstName')).toBe('Madonna');
    expect(valueOf(result, 'lastName')).toBeNull();
    expect(result.missingRequired).toEqual(['lastName']);
  });

  it('builds reporting-to from the hiring manager, and nothing without one', () => {
    const noEmail = {
      ...hireBundle(),
      hiringManager: { userId: 'u', firstName: 'Charles', lastName: '', email: null },
    };
    expect(valueOf(run(noEmail), 'reportingTo')).toEqual({ name: 'Charles', email: null });
    expect(valueOf(run({ ...hireBundle(), hiringManager: null }), 'reportingTo')).toBeNull();
  });

  it('leaves social links and phone empty when the candidate has none', () => {
    const result = run(withCandidate({ socialLinks: [], phoneNumbers: [], primaryPhoneNumber: null }));
    expect(valueOf(result, 'linkedIn')).toBeNull();
    expect(valueOf(result, 'twitter')).toBeNull();
    expect(valueOf(result, 'personalPhone')).toBeNull();
    expect(result.missingRequired).toEqual([]);
  });

  it('reports a social link that is not a web address', () => {
    const result = run(withCandidate({ socialLinks: [{ type: 'LinkedIn', url: 'javascript:alert(1)' }] }));
    expect(errorOf(result, 'linkedIn')).toBe('invalid_url');
  });

  it('leaves department and location empty when Ashby has none', () => {
    const result = run({ ...hireBundle(), department: null, location: null });
    expect(valueOf(result, 'department')).toBeNull();
    expect(valueOf(result, 'location')).toBeNull();
  });

  it('omits a switched-off optional field entirely', () => {
    const spec = defaultMapping();
    const off = {
      ...spec,
      rules: spec.rules.map((r) => (r.target === 'salaryAmount' ? { ...r, enabled: false } : r)),
    };
    expect(Object.keys(run(hireBundle(), off).fields)).not.toContain('salaryAmount');
  });

  it('lists a required field without any rule as missing (invalid spec, still no throw)', () => {
    const spec = defaultMapping();
    const noTitle = { ...spec, rules: spec.rules.filter((r) => r.target !== 'jobTitle') };
    expect(run(hireBundle(), noTitle).missingRequired).toEqual(['jobTitle']);
  });

  it('uses the first enabled rule when two fill one target (invalid spec, still deterministic)', () => {
    const spec = defaultMapping();
    const twice: MappingSpec = {
      ...spec,
      rules: [{ id: 'title2', source: 'job.department', target: 'jobTitle', enabled: true }, ...spec.rules],
    };
    expect(valueOf(run(hireBundle(), twice), 'jobTitle')).toBe('Engineering');
  });

  it('is pure: the same input gives the same output and the bundle is not changed', () => {
    const bundle = hireBundle();
    const copy = structuredClone(bundle);
    expect(run(bundle)).toEqual(run(bundle));
    expect(bundle).toEqual(copy);
  });
});

import { describe, expect, it } from 'vitest';
import { pushedMember, withFields } from '../kit/testing/pushed-member.js';
import { HIBOB_PRESET_MAPPING } from './field-mapping.js';
import type { NamedListItem } from './schemas.js';
import { hibobSettingsSchema } from './settings.js';
import { findListItemId, planEmployee, type LoadedLists } from './to-employee.js';

const lists: LoadedLists = {
  department: [
    {
      id: '101',
      value: 'Engineering',
      children: [{ id: '111', value: 'Platform' }],
    },
    { id: '199', value: 'Legacy', archived: true },
  ],
  level: [{ id: 'L3', value: 'Senior' }],
};
const settings = hibobSettingsSchema.parse({});

describe('planEmployee with the preset mapping', () => {
  it('puts the required fields in the create body and the list item id, not the name, for department', () => {
    const plan = planEmployee(pushedMember(), settings, lists);
    expect(plan.missing).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.create).toEqual({
      firstName: 'Ada',
      secondName: 'King',
      surname: 'Lovelace',
      email: 'ada@example.org',
      home: { privateEmail: 'ada@example.org', mobilePhone: '+44 20 7946 0000' },
      work: { startDate: '2027-02-01', title: 'Engineer', department: '101', site: 'Berlin' },
      about: { socialData: { linkedin: 'https://linkedin.com/in/ada' } },
    });
    expect(plan.work).toEqual({
      effectiveDate: '2027-02-01',
      title: 'Engineer',
      department: '101',
      site: 'Berlin',
      reason: 'Hired',
    });
    expect(plan.salary).toEqual({
      base: { value: 85000, currency: 'EUR' },
      payPeriod: 'Annual',
      effectiveDate: '2027-02-01',
    });
  });

  it('prefers the work email for root.email and keeps the personal one in home.privateEmail', () => {
    const plan = planEmployee(
      withFields(pushedMember(), { workEmail: 'ada@company.example' }),
      settings,
      lists,
    );
    expect(plan.create.email).toBe('ada@company.example');
    expect(plan.create.home?.privateEmail).toBe('ada@example.org');
  });

  it('reports a department with no list item instead of inventing one, and leaves it out', () => {
    const plan = planEmployee(pushedMember({ department: 'Research' }), settings, lists);
    expect(plan.listMisses).toBe(1);
    expect(plan.warnings).toEqual([
      'no HiBob list item for work.department in list "department": "Research"',
    ]);
    expect(plan.create.work.department).toBeUndefined();
    expect(plan.work.department).toBeUndefined();
  });

  it('names every missing required field; a default site stands in for a missing location', () => {
    const bare = pushedMember({
      location: null,
      fields: { firstName: 'Ada', lastName: 'Lovelace' },
    });
    expect(planEmployee(bare, settings, lists).missing).toEqual([
      'email',
      'work site (the member has no location and no default site is set)',
      'start date',
    ]);
    const withDefault = hibobSettingsSchema.parse({ defaultSite: 'Remote' });
    const plan = planEmployee(pushedMember({ location: null }), withDefault, lists);
    expect(plan.missing).toEqual([]);
    expect(plan.create.work.site).toBe('Remote');
  });

  it('sends custom fields by their HiBob id, including list-typed ones and work custom columns', () => {
    const custom = hibobSettingsSchema.parse({
      mapping: [
        ...HIBOB_PRESET_MAPPING,
        { target: 'root.custom.field_1696', from: ['shirtSize'] },
        { target: 'custom.category_1.field_1700', from: ['level'], list: 'level' },
        { target: 'work.customColumns.column_1701', from: ['costCenter'] },
      ],
    });
    const member = withFields(pushedMember(), { shirtSize: 'M', level: 'Senior', costCenter: 'CC-12' });
    const plan = planEmployee(member, custom, lists);
    expect(plan.create['custom']).toEqual({ field_1696: 'M', category_1: { field_1700: 'L3' } });
    expect(plan.work.customColumns).toEqual({ column_1701: 'CC-12' });
    expect(plan.create.work).not.toHaveProperty('customColumns');
  });

  it('warns instead of sending a salary without a currency', () => {
    const member = withFields(pushedMember(), { salaryCurrency: null });
    const plan = planEmployee(member, settings, lists);
    expect(plan.salary).toBeNull();
    expect(plan.warnings).toEqual(['salary not sent: it has no currency']);
  });

  it('sends the configured pay period and frequency', () => {
    const monthly = hibobSettingsSchema.parse({ payPeriod: 'Monthly', payFrequency: 'Monthly' });
    expect(planEmployee(pushedMember(), monthly, lists).salary).toMatchObject({
      payPeriod: 'Monthly',
      payFrequency: 'Monthly',
    });
  });
});

describe('findListItemId', () => {
  const items: NamedListItem[] = lists['department'] as NamedListItem[];
  it('matches labels case-insensitively, nested items included', () => {
    expect(findListItemId(items, 'engineering')).toBe('101');
    expect(findListItemId(items, ' Platform ')).toBe('111');
  });
  it('never matches an archived item or an unknown label', () => {
    expect(findListItemId(items, 'Legacy')).toBeNull();
    expect(findListItemId(items, 'Research')).toBeNull();
  });
});

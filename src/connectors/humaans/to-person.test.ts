import { describe, expect, it } from 'vitest';
import { pushedMember, withFields } from '../kit/testing/pushed-member.js';
import { HUMAANS_PRESET_MAPPING } from './field-mapping.js';
import { humaansSettingsSchema } from './settings.js';
import { planPerson, type HumaansLookups } from './to-person.js';

const lookups: HumaansLookups = {
  locations: [{ id: 'loc-berlin', name: 'Berlin' }],
  compensationTypes: [{ id: 'ct-salary', name: 'Salary' }],
  documentTypes: [
    { id: 'dt-offer', name: 'Offer letter' },
    { id: 'dt-resume', name: 'Resume' },
  ],
};
const settings = humaansSettingsSchema.parse({});
const LINK_WARNING =
  'documents sent as links to HireBridge (the Humaans API takes no file upload): they open while the link is valid';

describe('planPerson with the preset mapping', () => {
  it('builds the person, job role, compensation and document links', () => {
    const plan = planPerson(pushedMember(), settings, lookups);
    expect(plan.missing).toEqual([]);
    expect(plan.person).toEqual({
      firstName: 'Ada',
      middleName: 'King',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      personalEmail: 'ada@example.org',
      personalPhoneNumber: '+44 20 7946 0000',
      employmentStartDate: '2027-02-01',
      linkedIn: 'https://linkedin.com/in/ada',
      locationId: 'loc-berlin',
    });
    expect(plan.jobRole).toEqual({
      jobTitle: 'Engineer',
      department: 'Engineering',
      effectiveDate: '2027-02-01',
    });
    expect(plan.compensation).toEqual({
      compensationTypeId: 'ct-salary',
      amount: '85000',
      currency: 'EUR',
      period: 'annual',
      effectiveDate: '2027-02-01',
    });
    expect(plan.documents.map((d) => [d.name, d.documentTypeId, d.link])).toEqual([
      ['offer.pdf', 'dt-offer', 'https://hirebridge.example.com/files/doc-offer?sig=test'],
      ['ada-cv.pdf', 'dt-resume', 'https://hirebridge.example.com/files/doc-cv?sig=test'],
    ]);
    expect(plan.warnings).toEqual([LINK_WARNING]);
  });

  it('reports a location or compensation type Humaans does not have instead of inventing one', () => {
    const plan = planPerson(pushedMember({ location: 'Lisbon', documents: [] }), settings, {
      ...lookups,
      compensationTypes: [],
    });
    expect(plan.person.locationId).toBeUndefined();
    expect(plan.compensation).toBeNull();
    expect(plan.warnings).toEqual([
      'no Humaans location named "Lisbon"',
      'salary not sent: Humaans has no compensation type named "Salary"',
    ]);
  });

  it('names missing required fields and sends custom fields by their Humaans id', () => {
    expect(planPerson(pushedMember({ fields: { firstName: 'Ada' } }), settings, lookups).missing).toEqual([
      'last name',
      'email',
    ]);
    const custom = humaansSettingsSchema.parse({
      mapping: [...HUMAANS_PRESET_MAPPING, { target: 'customField.cf-shirt', from: ['shirtSize'] }],
    });
    const plan = planPerson(withFields(pushedMember(), { shirtSize: 'M' }), custom, lookups);
    expect(plan.customValues).toEqual([{ customFieldId: 'cf-shirt', value: 'M' }]);
  });

  it('sends no documents when they are switched off, and a decimal salary with two places', () => {
    const off = humaansSettingsSchema.parse({ documents: 'off' });
    const plan = planPerson(withFields(pushedMember(), { salaryAmount: 85000.5 }), off, lookups);
    expect(plan.documents).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.compensation?.amount).toBe('85000.50');
  });
});

import type { CustomFieldDefinition, CustomFieldValue, SourceBundle } from './source-bundle.js';

/**
 * Test data for the mapping tests: a complete, realistic hire, and helpers to vary it. Every personal
 * value is invented.
 */
export function hireBundle(): SourceBundle {
  return {
    application: {
      id: 'app-1',
      status: 'Hired',
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-02-10T10:00:00.000Z',
      customFields: [],
    },
    candidate: {
      id: 'cand-1',
      name: 'Ada King Lovelace',
      emailAddresses: [
        { value: 'ada@work.example.com', type: 'Work', isPrimary: true },
        { value: 'ada.lovelace@example.org', type: 'Personal', isPrimary: false },
      ],
      phoneNumbers: [{ value: '+44 20 7946 0000', type: 'Personal', isPrimary: true }],
      primaryEmailAddress: { value: 'ada@work.example.com', type: 'Work', isPrimary: true },
      primaryPhoneNumber: { value: '+44 20 7946 0000', type: 'Personal', isPrimary: true },
      socialLinks: [
        { type: 'GitHub', url: 'https://github.com/ada' },
        { type: 'LinkedIn', url: 'https://www.linkedin.com/in/ada-lovelace' },
        { type: 'Twitter', url: 'https://twitter.com/ada' },
      ],
      customFields: [],
    },
    offer: {
      id: 'offer-1',
      acceptanceStatus: 'Accepted',
      decidedAt: '2026-02-09T16:00:00.000Z',
      latestVersion: {
        id: 'offer-v2',
        startDate: '2026-03-01T00:00:00.000Z',
        salary: { value: 85000, currencyCode: 'EUR' },
        customFields: [],
        openingId: 'opening-1',
      },
    },
    job: { id: 'job-1', title: 'Analytical Engineer', employmentType: 'FullTime', customFields: [] },
    department: { id: 'dep-1', name: 'Engineering' },
    location: { id: 'loc-1', name: 'London' },
    hiringManager: {
      userId: 'user-1',
      firstName: 'Charles',
      lastName: 'Babbage',
      email: 'charles@work.example.com',
    },
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A copy of the hire with some candidate fields replaced. */
export function withCandidate(patch: Partial<SourceBundle['candidate']>, base = hireBundle()): SourceBundle {
  return { ...base, candidate: { ...base.candidate, ...patch } };
}

/** A copy of the hire with the offer's latest version changed (`null` removes the offer). */
export function withOfferVersion(
  patch: Partial<Mutable<NonNullable<SourceBundle['offer']>['latestVersion']>> | null,
): SourceBundle {
  const base = hireBundle();
  if (patch === null || base.offer === null) return { ...base, offer: null };
  return { ...base, offer: { ...base.offer, latestVersion: { ...base.offer.latestVersion, ...patch } } };
}

export function customValue(
  id: string,
  value: CustomFieldValue['value'],
  valueLabel: CustomFieldValue['valueLabel'] = null,
): CustomFieldValue {
  return { id, title: `Field ${id}`, isPrivate: false, value, valueLabel };
}

export function definition(
  id: string,
  fieldType: string,
  objectType = 'Candidate',
  selectableValues: CustomFieldDefinition['selectableValues'] = null,
): CustomFieldDefinition {
  return { id, title: `Field ${id}`, objectType, fieldType, isArchived: false, selectableValues };
}

import type {
  ApplicationInfo,
  Candidate,
  CustomFieldDefinition,
  Department,
  Job,
  Location,
  Offer,
  User,
} from '../schemas.js';

/** Minimal valid wire objects for client and fetchHire tests; override what a test is about. */
const T = '2026-01-15T10:00:00.000Z';

export function wireApplication(overrides: Partial<ApplicationInfo> = {}): ApplicationInfo {
  return {
    id: 'app-1',
    createdAt: T,
    updatedAt: T,
    status: 'Hired',
    customFields: [{ id: 'cf-app', title: 'Referral', isPrivate: false, value: true }],
    candidate: { id: 'cand-1', name: 'Ada Lovelace' },
    currentInterviewStage: { id: 'st-1', title: 'Hired', type: 'Hired' },
    job: { id: 'job-1', title: 'Engineer', locationId: 'loc-1', departmentId: 'dep-1' },
    hiringTeam: [
      {
        userId: 'user-2',
        firstName: 'Rita',
        lastName: 'Recruiter',
        email: 'rita@example.com',
        role: 'Recruiter',
      },
      {
        userId: 'user-1',
        firstName: 'Hana',
        lastName: 'Manager',
        email: 'hana@example.com',
        role: 'Hiring Manager',
      },
    ],
    ...overrides,
  };
}

export function wireCandidate(overrides: Partial<Candidate> = {}): Candidate {
  const email = { value: 'ada@example.com', type: 'Personal' as const, isPrimary: true };
  return {
    id: 'cand-1',
    name: 'Ada Lovelace',
    primaryEmailAddress: email,
    emailAddresses: [email],
    phoneNumbers: [],
    socialLinks: [{ type: 'LinkedIn', url: 'https://linkedin.com/in/ada' }],
    tags: [],
    applicationIds: ['app-1'],
    fileHandles: [],
    profileUrl: 'https://app.ashbyhq.com/candidates/cand-1',
    customFields: [{ id: 'cf-c', title: 'Salary expectation', value: { value: 90000, currencyCode: 'EUR' } }],
    ...overrides,
  };
}

export function wireOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'offer-1',
    applicationId: 'app-1',
    acceptanceStatus: 'Accepted',
    offerStatus: 'CandidateAccepted',
    decidedAt: '2026-01-20T00:00:00.000Z',
    latestVersion: {
      id: 'ov-2',
      createdAt: '2026-01-19T00:00:00.000Z',
      startDate: '2026-03-01T00:00:00.000Z',
      salary: { currencyCode: 'EUR', value: 85000 },
      openingId: null,
      customFields: [
        {
          id: 'cf-o',
          title: 'Band',
          value: {
            type: 'compensation-range',
            minValue: 1,
            maxValue: 2,
            currencyCode: 'EUR',
            interval: '1 YEAR',
          },
        },
      ],
    },
    versions: [],
    formDefinition: { sections: [] },
    ...overrides,
  };
}

export function wireJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    title: 'Engineer',
    confidential: false,
    status: 'Open',
    employmentType: 'FullTime',
    updatedAt: T,
    hiringTeam: [],
    customFields: [],
    ...overrides,
  };
}

export const wireDepartment = (id = 'dep-1'): Department => ({
  id,
  name: 'Engineering',
  isArchived: false,
  createdAt: T,
  updatedAt: T,
});
export const wireLocation = (id = 'loc-1'): Location => ({ id, name: 'Berlin', isArchived: false });
export const wireUser = (id = 'user-1'): User => ({
  id,
  firstName: 'Hana',
  lastName: 'Manager',
  email: 'hana@example.com',
  globalRole: 'Elevated Access',
  isEnabled: true,
  updatedAt: T,
});
export const wireDefinition = (id = 'cf-app'): CustomFieldDefinition => ({
  id,
  title: 'Referral',
  objectType: 'Application',
  isArchived: false,
  fieldType: 'Boolean',
  isRequired: false,
});

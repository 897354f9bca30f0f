import type { PushDocument, PushedMember } from '../../../core/ports/destination.js';

/**
 * Pushed members and documents for destination connector tests: a complete new hire by default,
 * override what a test is about. Documents hold their bytes in memory.
 */
export function pushedMember(overrides: Partial<PushedMember> = {}): PushedMember {
  return {
    memberId: 'member-1',
    fields: {
      firstName: 'Ada',
      middleName: 'King',
      lastName: 'Lovelace',
      personalEmail: 'ada@example.org',
      personalPhone: '+44 20 7946 0000',
      employmentStartDate: '2027-02-01',
      jobTitle: 'Engineer',
      salaryAmount: 85000,
      salaryCurrency: 'EUR',
      linkedIn: 'https://linkedin.com/in/ada',
    },
    department: 'Engineering',
    location: 'Berlin',
    manager: { email: 'grace.hopper@example.com', name: 'Grace Hopper', remoteId: null },
    documents: [
      pushDocument({
        id: 'doc-offer',
        kind: 'offer_letter',
        category: 'Offer letter',
        fileName: 'offer.pdf',
      }),
      pushDocument({ id: 'doc-cv', kind: 'resume', category: 'Resumes', fileName: 'ada-cv.pdf' }),
    ],
    ashby: { candidateId: 'cand-1', applicationId: 'app-1' },
    positionId: null,
    ...overrides,
  };
}

export function withFields(member: PushedMember, fields: PushedMember['fields']): PushedMember {
  return { ...member, fields: { ...member.fields, ...fields } };
}

export function pushDocument(
  options: Partial<Omit<PushDocument, 'read'>> & { readonly bytes?: Uint8Array } = {},
): PushDocument {
  const { bytes: given, ...overrides } = options;
  const bytes = given ?? new TextEncoder().encode(`%PDF-1.4 ${overrides.id ?? 'doc'} %%EOF`);
  return {
    id: 'doc-1',
    kind: 'candidate_file',
    category: 'Hiring documents',
    fileName: 'file.pdf',
    contentType: 'application/pdf',
    sizeBytes: bytes.length,
    downloadUrl: `https://hirebridge.example.com/files/${overrides.id ?? 'doc-1'}?sig=test`,
    ...overrides,
    read: async () => bytes,
  };
}

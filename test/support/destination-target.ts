import type { DestinationClient, PushDocument, PushedMember } from '../../src/core/ports/destination.js';

/**
 * A destination connector wired to its fake the way production wires it (definition -> credentials
 * schema -> create), plus what a shared suite needs to inspect the fake. The conformance suite in
 * test/conformance/ can run on both with one call each: `suite(startPeopleforceTarget)`.
 */
export interface DestinationTarget<Fake> {
  readonly type: string;
  readonly client: DestinationClient;
  readonly fake: Fake;
  /** People the fake holds. */
  personCount(): number;
  /** Adds a person to the fake with this personal email; returns its remote id. */
  seedPerson(personalEmail: string): string;
  /** The next `count` calls get `status` (5xx, 401, 403, 429 with a 1 s Retry-After). */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

/** A document whose bytes are the given text. */
export function pushDocument(overrides: Partial<PushDocument> & { text?: string } = {}): PushDocument {
  const bytes = new TextEncoder().encode(overrides.text ?? '%PDF-1.4 offer');
  return {
    id: 'doc-1',
    kind: 'offer_letter',
    category: 'Offer letter',
    fileName: 'offer.pdf',
    contentType: 'application/pdf',
    sizeBytes: bytes.length,
    downloadUrl: 'http://127.0.0.1:1/never',
    read: () => Promise.resolve(bytes),
    ...overrides,
  };
}

/** A complete member as the push machinery hands it over; override what a test is about. */
export function pushedMember(overrides: Partial<PushedMember> = {}): PushedMember {
  return {
    memberId: 'mem-1',
    fields: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      personalEmail: 'ada@home.example',
      workEmail: 'ada@corp.example',
      personalPhone: '+44 20 7946 0000',
      jobTitle: 'Engineer',
      employmentStartDate: '2027-01-04',
      salaryAmount: 90000,
      salaryCurrency: 'EUR',
    },
    department: 'Engineering',
    location: 'London',
    manager: null,
    documents: [],
    ashby: { candidateId: 'cand-1', applicationId: 'app-1' },
    positionId: null,
    ...overrides,
  };
}

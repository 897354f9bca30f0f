import type { FieldResult } from '../mapping/evaluate-mapping.js';

export type NewHireStatus = 'in_review' | 'added' | 'deleted';

/** A hired application in the New hires inbox. */
export interface NewHire {
  readonly id: string;
  readonly connectionId: string;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly offerId: string | null;
  readonly status: NewHireStatus;
  /** Mapped values by target key, each with where it came from and any per-field error. */
  readonly fields: Readonly<Record<string, FieldResult>>;
  /** Required fields still empty; Add member is refused while any remain. */
  readonly missingRequired: readonly string[];
  readonly importedAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

import type { FieldResult } from '../mapping/evaluate-mapping.js';

export type NewHireStatus = 'in_review' | 'added' | 'deleted';

/** Ashby ids behind the names in the fields, for matching departments, locations and managers. */
export interface AshbyRefs {
  readonly departmentId: string | null;
  readonly locationId: string | null;
  readonly hiringManagerUserId: string | null;
  /** The opening the accepted offer names (offer.latestVersion.openingId): Add member fills its position. */
  readonly openingId?: string | null;
}

/** A hired application in the New hires inbox. */
export interface NewHire {
  readonly id: string;
  readonly connectionId: string;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly offerId: string | null;
  readonly status: NewHireStatus;
  /** Values by target key, each with where it came from and any per-field error. */
  readonly fields: Readonly<Record<string, FieldResult>>;
  /** Required fields still empty; Add member is refused while any remain. */
  readonly missingRequired: readonly string[];
  /** Keys a reviewer edited: later imports leave them alone (reviewer edits win). */
  readonly editedFields: readonly string[];
  readonly memberId: string | null;
  readonly ashbyRefs: AshbyRefs;
  readonly importedAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type FieldChanges = Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;

export interface HistoryEntry {
  readonly id: string;
  readonly newHireId: string;
  readonly at: number;
  readonly actor: string;
  readonly kind: 'imported' | 'ashby_update' | 'edited' | 'added' | 'deleted' | 'restored';
  readonly changes: FieldChanges;
}

export interface Tombstone {
  readonly connectionId: string;
  readonly applicationId: string;
  readonly newHireId: string;
  readonly deletedBy: string;
  readonly deletedAt: number;
}

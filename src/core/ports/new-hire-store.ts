import type { FieldResult } from '../mapping/evaluate-mapping.js';
import type { NewHire, NewHireStatus } from '../model/new-hire.js';

export interface ImportedRecord {
  readonly newHireId: string;
  readonly connectionId: string;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly offerId: string | null;
  readonly fields: Readonly<Record<string, FieldResult>>;
  readonly missingRequired: readonly string[];
  readonly at: number;
}

/** created: a new inbox entry; updated: refreshed while in review; kept: already added or deleted. */
export type SaveOutcome = 'created' | 'updated' | 'kept';

export interface NewHireStore {
  /**
   * Creates the application's new hire, or refreshes it while in review, and marks the deliveries that
   * asked for this import as processed, in one transaction. `newHireId` is used only when creating.
   */
  saveImport(record: ImportedRecord): Promise<{ outcome: SaveOutcome; newHire: NewHire }>;
  /** Marks the deliveries that asked for this import as processed with the reason nothing was saved. */
  recordSkip(connectionId: string, applicationId: string, reason: string, at: number): Promise<void>;
  find(id: string): Promise<NewHire | undefined>;
  list(filter: { status?: NewHireStatus; connectionId?: string; limit: number }): Promise<NewHire[]>;
}

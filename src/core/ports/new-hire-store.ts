import type { HistoryEntry, NewHire, Tombstone } from '../model/new-hire.js';

export type NewHireChanges = Partial<
  Pick<
    NewHire,
    | 'candidateId'
    | 'offerId'
    | 'status'
    | 'fields'
    | 'missingRequired'
    | 'editedFields'
    | 'memberId'
    | 'ashbyRefs'
    | 'importedAt'
    | 'updatedAt'
  >
>;

/** The New hires inbox: new hires, their history and tombstones, and the deliveries they settle. */
export interface NewHireData {
  findNewHire(id: string): Promise<NewHire | undefined>;
  findNewHireByApplication(connectionId: string, applicationId: string): Promise<NewHire | undefined>;
  listNewHires(filter: {
    status?: NewHire['status'];
    connectionId?: string;
    limit: number;
  }): Promise<NewHire[]>;
  /** False when the application already has a new hire (the unique key decides under concurrency). */
  insertNewHire(newHire: NewHire): Promise<boolean>;
  updateNewHire(id: string, changes: NewHireChanges): Promise<void>;
  addHistory(entry: HistoryEntry): Promise<void>;
  history(newHireId: string): Promise<HistoryEntry[]>;
  /** Drops the history of a deleted new hire: its entries carry personal values. */
  clearHistory(newHireId: string): Promise<void>;
  findTombstone(connectionId: string, applicationId: string): Promise<Tombstone | undefined>;
  addTombstone(tombstone: Tombstone): Promise<void>;
  removeTombstone(connectionId: string, applicationId: string): Promise<void>;
  markDeliveriesProcessed(
    connectionId: string,
    applicationId: string,
    outcome: string,
    at: number,
  ): Promise<void>;
}

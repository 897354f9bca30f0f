import type { JobPayloads, JobQueue } from './job-queue.js';

export interface NewDelivery {
  readonly id: string;
  readonly connectionId: string;
  /** webhookActionId, or `sha256:<body hash>` when the delivery has none. */
  readonly actionKey: string;
  readonly action: string;
  readonly bodySha256: string;
  readonly applicationId: string | null;
  /** Why nothing will be done with it, when nothing will. */
  readonly ignoredBecause: string | null;
  readonly receivedAt: number;
}

/**
 * Stores a delivery and, when it names an application to import, enqueues that import, in one
 * transaction: both or neither. A repeated (connection, actionKey, action) is stored once.
 */
export interface DeliveryIntake {
  record(delivery: NewDelivery, importApplication: boolean): Promise<{ duplicate: boolean }>;
  /** A candidateDelete or candidateMerge: the delivery and its job, in one transaction. */
  recordCandidateEvent(
    delivery: NewDelivery,
    event: JobPayloads['ashby.candidate.event'],
  ): Promise<{ duplicate: boolean }>;
}

/** The intake's writes inside one transaction (app/record-delivery.ts decides what to do with them). */
export interface IntakeData {
  /**
   * False when it was not stored: the same (connection, actionKey, action) was stored before, or (on
   * PostgreSQL) a sibling of the same event committed as 'queued' after this transaction looked for it.
   * `outcome` is what the delivery log says about a delivery settled at once.
   */
  insertDelivery(
    delivery: NewDelivery,
    status: 'queued' | 'ignored' | 'processed',
    outcome: string | null,
  ): Promise<boolean>;
  /** Whether this (connection, actionKey, action) is stored. */
  isStored(delivery: NewDelivery): Promise<boolean>;
  /** Another delivery of the same Ashby event and application that already asked for its import. */
  findEventSibling(query: {
    connectionId: string;
    actionKey: string;
    applicationId: string;
    excludeId: string;
  }): Promise<string | undefined>;
  touchConnection(connectionId: string, at: number): Promise<void>;
  readonly jobs: JobQueue;
}

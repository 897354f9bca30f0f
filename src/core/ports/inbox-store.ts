import type { AuditLog } from './audit-log.js';
import type { DirectoryData } from './directory-store.js';
import type { PushData } from './destination-store.js';
import type { DocumentData } from './document-store.js';
import type { ErasureData } from './erasure-store.js';
import type { JobQueue } from './job-queue.js';
import type { NewHireData } from './new-hire-store.js';
import type { NotificationData } from './notification-store.js';
import type { PositionFill } from './position-store.js';

/**
 * What one inbox unit of work reaches, split by purpose: the inbox (new hires), the directory, the audit
 * log, documents, notifications and the job queue. The same object is served inside a transaction
 * (InboxStore.transaction) and outside one (InboxStore.read), so use cases state their logic once; a
 * use case that needs one part declares that part.
 */
export interface InboxData extends NewHireData, DirectoryData, AuditLog {
  /** A new hire's documents, in the same transaction (import, Add member, delete). */
  readonly documents: DocumentData;
  /** New-hire notifications, queued in the same transaction as the new hire they announce. */
  readonly notifications: NotificationData;
  /** Follow-up jobs, committed with the transaction that asks for them. */
  readonly jobs: JobQueue;
  /** Positions filled by a hire, in Add member's transaction. */
  readonly positions: PositionFill;
  /** Pushes to destinations, queued in the same transaction as the member they deliver. */
  readonly pushes: PushData;
  /** Ashby's candidate deletes and merges, and erasing a member. */
  readonly erasure: ErasureData;
}

export interface InboxStore {
  transaction<T>(work: (data: InboxData) => Promise<T>): Promise<T>;
  read<T>(work: (data: InboxData) => Promise<T>): Promise<T>;
}

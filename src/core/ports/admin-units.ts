import type { ApiTokenStore } from './api-token-store.js';
import type { AshbyConnectionStore } from './ashby-connection-store.js';
import type { AuditLog } from './audit-log.js';
import type { DestinationStore } from './destination-store.js';
import type { DocumentStore } from './document-store.js';
import type { JobQueue } from './job-queue.js';
import type { NotificationStore } from './notification-store.js';
import type { OpeningSyncStore } from './opening-sync-store.js';
import type { PositionData } from './position-store.js';
import type { UserStore } from './user-store.js';

/** The stores an admin action writes, all bound to one transaction with the audit log and the queue. */
export interface AdminData extends Pick<AuditLog, 'audit'> {
  readonly connections: AshbyConnectionStore;
  readonly documents: DocumentStore;
  readonly users: UserStore;
  readonly notifications: NotificationStore;
  readonly tokens: ApiTokenStore;
  /** Destinations and their pushes (credentials sealed). */
  readonly destinations: DestinationStore;
  readonly jobs: JobQueue;
  readonly positions: PositionData;
  readonly openingSync: OpeningSyncStore;
}

export interface AdminUnits {
  transaction<T>(work: (data: AdminData) => Promise<T>): Promise<T>;
}

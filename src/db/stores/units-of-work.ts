import type { Kysely } from 'kysely';
import type { AdminData, AdminUnits } from '../../core/ports/admin-units.js';
import type { Clock } from '../../core/ports/clock.js';
import type { IdGenerator } from '../../core/ports/id-generator.js';
import type { InboxData, InboxStore } from '../../core/ports/inbox-store.js';
import type { JobQueue } from '../../core/ports/job-queue.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import type { SecretBox } from '../../core/ports/secret-box.js';
import type { Database } from '../tables/database.js';
import { transactor, type TransactionHooks } from '../transactor.js';
import { apiTokenStore } from './api-token-store.js';
import { ashbyConnectionStore } from './ashby-connection-store.js';
import { auditLog } from './audit-store.js';
import { directoryData } from './directory-store.js';
import { destinationStore, pushData } from './destination-store.js';
import { documentData, documentStore } from './document-store.js';
import { erasureData } from './erasure-store.js';
import { newHireData } from './new-hire-store.js';
import { notificationData, notificationStore } from './notification-store.js';
import { openingSyncStore } from './opening-sync-store.js';
import { positionData, positionFill } from './position-store.js';
import { userStore } from './user-store.js';

/** The job-queue port on a handle (bound by main/ to queue/job-queue.ts). */
export type JobsOn = (handle: Kysely<Database>, hooks: TransactionHooks) => JobQueue;

/**
 * The inbox unit of work: new hires, the directory, the audit log, documents, notifications, jobs and
 * the positions a hire fills, all over one transaction.
 */
export function inboxStore(
  db: Kysely<Database>,
  deps: {
    readonly jobsOn: JobsOn;
    readonly emailEnabled: boolean;
    readonly ids: IdGenerator;
    readonly seal: PersonalDataSeal;
  },
): InboxStore {
  return transactor<InboxData>(db, (handle, hooks) => ({
    ...newHireData(handle, deps.seal),
    ...directoryData(handle, deps.seal),
    ...auditLog(handle),
    documents: documentData(handle),
    notifications: notificationData(handle, { emailEnabled: deps.emailEnabled }),
    pushes: pushData(handle, deps.ids),
    jobs: deps.jobsOn(handle, hooks),
    positions: positionFill(handle),
    erasure: erasureData(handle),
  }));
}

/** The job queue alone, for use cases that only queue (backfill, reconcile, restore). */
export function jobQueues(db: Kysely<Database>, jobsOn: JobsOn) {
  return transactor<JobQueue>(db, jobsOn);
}

/** The stores an admin action writes, bound to one transaction with the audit log and the job queue. */
export function adminUnits(
  db: Kysely<Database>,
  deps: {
    readonly jobsOn: JobsOn;
    readonly secretBox: SecretBox;
    readonly clock: Clock;
    readonly ids: IdGenerator;
  },
): AdminUnits {
  return transactor<AdminData>(db, (handle, hooks) => ({
    audit: (entry) => auditLog(handle).audit(entry),
    connections: ashbyConnectionStore(handle, deps.secretBox),
    documents: documentStore(handle),
    users: userStore(handle),
    notifications: notificationStore(handle, deps.secretBox),
    tokens: apiTokenStore(handle, deps.clock),
    destinations: destinationStore(handle, deps.secretBox, deps.ids),
    jobs: deps.jobsOn(handle, hooks),
    positions: positionData(handle),
    openingSync: openingSyncStore(handle),
  }));
}

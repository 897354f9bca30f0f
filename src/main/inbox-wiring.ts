import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxData, InboxStore } from '../core/ports/inbox-store.js';
import type { JobQueue } from '../core/ports/job-queue.js';
import { auditLog } from '../db/stores/audit-store.js';
import { directoryData } from '../db/stores/directory-store.js';
import { documentData } from '../db/stores/document-store.js';
import { newHireData } from '../db/stores/new-hire-store.js';
import { notificationData } from '../db/stores/notification-store.js';
import type { Database } from '../db/tables/database.js';
import { transactor, type TransactionHooks } from '../db/transactor.js';
import { jobCatalog } from '../jobs/catalog.js';
import { jobQueueOn } from '../queue/job-queue.js';

export interface UnitOfWorkDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly wakeWorkers: () => void;
  readonly emailEnabled: boolean;
}

/** The job-queue port on one handle: jobs queued in a transaction commit with it. */
export function jobsOn(deps: UnitOfWorkDeps, handle: Kysely<Database>, hooks: TransactionHooks): JobQueue {
  return jobQueueOn(handle, { ...deps, catalog: jobCatalog, afterCommit: hooks.afterCommit });
}

/**
 * The inbox unit of work: new hires, the directory, the audit log, documents, notifications and jobs,
 * all over one transaction.
 */
export function inboxStore(deps: UnitOfWorkDeps): InboxStore {
  return transactor<InboxData>(deps.db, (handle, hooks) => ({
    ...newHireData(handle),
    ...directoryData(handle),
    ...auditLog(handle),
    documents: documentData(handle),
    notifications: notificationData(handle, { emailEnabled: deps.emailEnabled }),
    jobs: jobsOn(deps, handle, hooks),
  }));
}

/** The job queue alone, for use cases that only queue (backfill, replay, scheduling). */
export function jobQueues(deps: UnitOfWorkDeps) {
  return transactor<JobQueue>(deps.db, (handle, hooks) => jobsOn(deps, handle, hooks));
}

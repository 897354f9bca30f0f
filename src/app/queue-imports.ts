import type { ReconcileSchedule } from '../core/ports/ashby-sync-store.js';
import type { ImportQueue } from '../core/ports/import-queue.js';
import type { JobQueue } from '../core/ports/job-queue.js';

/** Imports asked for in bulk, on a queue bound to the caller's transaction: the job the webhooks queue. */
export function importsOn(jobs: JobQueue): Pick<ImportQueue, 'enqueueImports'> {
  return {
    enqueueImports: async (connectionId, applicationIds, options = {}) => {
      let queued = 0;
      for (const applicationId of applicationIds)
        if (await jobs.enqueue('ashby.application.import', { connectionId, applicationId, ...options }))
          queued += 1;
      return queued;
    },
  };
}

/** Imports asked for in bulk (backfill, reconcile, restore): all of one call in one transaction. */
export function importQueue(deps: {
  readonly jobs: { transaction<T>(work: (jobs: JobQueue) => Promise<T>): Promise<T> };
  readonly pendingImports: (connectionId: string) => Promise<number>;
}): ImportQueue {
  return {
    enqueueImports: (connectionId, applicationIds, options) =>
      deps.jobs.transaction((jobs) => importsOn(jobs).enqueueImports(connectionId, applicationIds, options)),
    pendingImports: deps.pendingImports,
    enqueueBackfillDigest: (connectionId, since) =>
      deps.jobs.transaction(async (jobs) => {
        await jobs.enqueue('notifications.backfill-digest', { connectionId, since });
      }),
  };
}

/** The unique key keeps one waiting run per connection; queuing while one waits changes nothing. */
export function reconcileSchedule(jobs: JobQueue): ReconcileSchedule {
  return {
    schedule: async (connectionId, runAt) => {
      await jobs.enqueue('ashby.reconcile', { connectionId }, { runAt });
    },
  };
}

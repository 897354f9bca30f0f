import type { ReconcileSchedule } from '../core/ports/ashby-sync-store.js';
import type { ImportQueue } from '../core/ports/import-queue.js';
import type { JobQueue } from '../core/ports/job-queue.js';

/**
 * Imports asked for in bulk (backfill, reconcile, replay, restore): the same job the webhooks queue,
 * unique per application, all of one call in one transaction.
 */
export function importQueue(deps: {
  readonly jobs: { transaction<T>(work: (jobs: JobQueue) => Promise<T>): Promise<T> };
  readonly pendingImports: (connectionId: string) => Promise<number>;
}): ImportQueue {
  return {
    enqueueImports: (connectionId, applicationIds) =>
      deps.jobs.transaction(async (jobs) => {
        let queued = 0;
        for (const applicationId of applicationIds)
          if (await jobs.enqueue('ashby.application.import', { connectionId, applicationId })) queued += 1;
        return queued;
      }),
    pendingImports: deps.pendingImports,
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

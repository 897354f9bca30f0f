import type { PushData, PushPair } from '../core/ports/destination-store.js';
import type { JobQueue } from '../core/ports/job-queue.js';

/**
 * Records a pending push per destination and queues its job, both on the caller's transaction, so the
 * change and its deliveries commit together (the job is unique per member and destination).
 */
export async function queuePushes(
  data: { readonly pushes: PushData; readonly jobs: JobQueue },
  memberId: string,
  destinationIds: readonly string[],
  at: number,
): Promise<void> {
  await data.pushes.markPending(memberId, destinationIds, at);
  await queuePushJobs(
    data.jobs,
    destinationIds.map((destinationId) => ({ memberId, destinationId })),
  );
}

/** Queues the jobs of pushes already set back to pending (a retry, a destination resumed). */
export async function queuePushJobs(jobs: JobQueue, pairs: readonly PushPair[]): Promise<void> {
  for (const pair of pairs) await jobs.enqueue('destinations.push', pair);
}

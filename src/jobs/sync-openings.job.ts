import { z } from 'zod';
import { runScheduledOpeningSync, type SyncOpeningsDeps } from '../app/sync-openings.js';
import type { OpeningSyncQueue } from '../core/ports/opening-sync-store.js';
import { registerJob, type JobDefinition, type RegisteredJob } from '../queue/job-definition.js';

/**
 * One opening sync run of one Ashby connection (app/sync-openings.ts). Every run of a connection, timed
 * or asked for with Sync now, shares one unique key, so runs never overlap (the queue does not claim a
 * job while another with its key runs) and at most one waits. Each run queues the next one
 * OPENING_SYNC_INTERVAL_SECONDS later. The job id is the run id.
 */
export const syncOpeningsJob: JobDefinition<{ connectionId: string }> = {
  kind: 'openings.sync',
  payload: z.object({ connectionId: z.string().min(1) }),
  maxAttempts: 4,
  backoff: { baseMs: 30_000, capMs: 10 * 60_000 },
  priority: 10,
};

export const openingSyncUniqueKey = (connectionId: string) => `openings-sync:${connectionId}`;

export function syncOpeningsHandler(
  deps: SyncOpeningsDeps & { readonly queue: OpeningSyncQueue; readonly intervalMs: number },
): RegisteredJob {
  return registerJob(syncOpeningsJob, async (payload, context) => {
    await runScheduledOpeningSync(deps, { connectionId: payload.connectionId, runId: context.jobId });
  });
}

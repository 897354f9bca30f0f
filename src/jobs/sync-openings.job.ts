import { runScheduledOpeningSync, type ScheduledSyncDeps } from '../app/sync-openings.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

/** One opening sync run; the job id is the run id (what Sync now answers). */
export function syncOpeningsHandler(deps: ScheduledSyncDeps): RegisteredJob {
  return registerJob(jobCatalog['openings.sync'], async (payload, context) => {
    await runScheduledOpeningSync(deps, { connectionId: payload.connectionId, runId: context.jobId });
  });
}

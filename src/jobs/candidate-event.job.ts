import { handleCandidateEvent } from '../app/handle-candidate-event.js';
import type { InboxDeps } from '../app/inbox-deps.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

/** Ashby deleted or merged a candidate: purge, ask an admin, or re-link (app/handle-candidate-event.ts). */
export function candidateEventHandler(deps: InboxDeps): RegisteredJob {
  return registerJob(jobCatalog['ashby.candidate.event'], async (payload) => {
    await handleCandidateEvent(deps, payload);
  });
}

import { z } from 'zod';
import { importApplication, type ImportDeps } from '../app/import-application.js';
import { registerJob, type JobDefinition, type RegisteredJob } from '../queue/job-definition.js';

/**
 * Imports one Ashby application: re-reads it and everything a new hire needs, maps it, and creates or
 * updates its new hire. Unique per (connection, application), so a burst of deliveries about one hire
 * runs one import (and one more if a delivery arrives while it runs).
 */
export const importApplicationJob: JobDefinition<{ connectionId: string; applicationId: string }> = {
  kind: 'ashby.application.import',
  payload: z.object({ connectionId: z.string().min(1), applicationId: z.string().min(1) }),
  // Ashby outages are retried inside the HTTP client first; these attempts cover longer ones,
  // spread by backoff over roughly a day before the job waits in dead for a hand retry.
  maxAttempts: 12,
  backoff: { baseMs: 10_000, capMs: 2 * 60 * 60_000 },
};

export const importUniqueKey = (connectionId: string, applicationId: string) =>
  `import:${connectionId}:${applicationId}`;

/** The worker's handler: parse the payload, run the use case. Failures are classified by the client. */
export function importApplicationHandler(deps: ImportDeps): RegisteredJob {
  return registerJob(importApplicationJob, async (payload) => {
    await importApplication(deps, payload);
  });
}

import { importApplication, type ImportDeps } from '../app/import-application.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

/** The worker's handler: parse the payload, run the use case. Failures are classified by the client. */
export function importApplicationHandler(deps: ImportDeps): RegisteredJob {
  return registerJob(jobCatalog['ashby.application.import'], async (payload) => {
    await importApplication(deps, payload);
  });
}

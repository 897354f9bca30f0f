import type { ImportDeps } from '../app/import-application.js';
import { importApplicationHandler } from '../jobs/import-application.job.js';
import type { RegisteredJob } from '../queue/job-definition.js';

/** Every job kind the worker runs in production, with its handler bound to its dependencies. */
export function productionJobs(deps: { importApplication: ImportDeps }): RegisteredJob[] {
  return [importApplicationHandler(deps.importApplication)];
}

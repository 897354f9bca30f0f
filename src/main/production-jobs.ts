import type { ImportDeps } from '../app/import-application.js';
import type { ReconcileDeps } from '../app/reconcile-ashby.js';
import type { ReconcileSchedule } from '../core/ports/ashby-sync-store.js';
import { importApplicationHandler } from '../jobs/import-application.job.js';
import { reconcileAshbyHandler } from '../jobs/reconcile-ashby.job.js';
import type { RegisteredJob } from '../queue/job-definition.js';

/** Every job kind the worker runs in production, with its handler bound to its dependencies. */
export function productionJobs(deps: {
  importApplication: ImportDeps;
  reconcileAshby: ReconcileDeps & { schedule: ReconcileSchedule; intervalMs: number };
}): RegisteredJob[] {
  return [importApplicationHandler(deps.importApplication), reconcileAshbyHandler(deps.reconcileAshby)];
}

import { runScheduledReconcile, type ReconcileDeps } from '../app/reconcile-ashby.js';
import type { ReconcileSchedule } from '../core/ports/ashby-sync-store.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

export function reconcileAshbyHandler(
  deps: ReconcileDeps & { readonly schedule: ReconcileSchedule; readonly intervalMs: number },
): RegisteredJob {
  return registerJob(jobCatalog['ashby.reconcile'], async (payload) => {
    await runScheduledReconcile(deps, payload);
  });
}

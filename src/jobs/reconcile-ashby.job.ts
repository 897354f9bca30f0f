import { z } from 'zod';
import { runScheduledReconcile, type ReconcileDeps } from '../app/reconcile-ashby.js';
import type { ReconcileSchedule } from '../core/ports/ashby-sync-store.js';
import { registerJob, type JobDefinition, type RegisteredJob } from '../queue/job-definition.js';

/**
 * The periodic reconciliation of one Ashby connection (app/reconcile-ashby.ts). Each run queues the
 * next one RECONCILE_INTERVAL_SECONDS later under the same unique key; server start and connect also
 * queue one, so a connection always has exactly one run waiting.
 */
export const reconcileAshbyJob: JobDefinition<{ connectionId: string }> = {
  kind: 'ashby.reconcile',
  payload: z.object({ connectionId: z.string().min(1) }),
  // The next run is already queued when this one fails, so a few tries suffice.
  maxAttempts: 4,
  backoff: { baseMs: 30_000, capMs: 10 * 60_000 },
  // Behind imports that are due: those are hires arriving now.
  priority: 10,
};

export const reconcileUniqueKey = (connectionId: string) => `reconcile:${connectionId}`;

export function reconcileAshbyHandler(
  deps: ReconcileDeps & { readonly schedule: ReconcileSchedule; readonly intervalMs: number },
): RegisteredJob {
  return registerJob(reconcileAshbyJob, async (payload) => {
    await runScheduledReconcile(deps, payload);
  });
}

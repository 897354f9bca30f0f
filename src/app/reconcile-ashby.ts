import { AppError } from '../core/errors/app-error.js';
import type { AshbyGateway } from '../core/ports/ashby-gateway.js';
import type { AshbySyncStore, ReconcileSchedule } from '../core/ports/ashby-sync-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { ImportQueue } from '../core/ports/import-queue.js';

export interface ReconcileDeps {
  readonly gatewayFor: (connectionId: string) => Promise<AshbyGateway | undefined>;
  readonly syncStore: AshbySyncStore;
  readonly queue: ImportQueue;
  readonly clock: Clock;
}

export interface ReconcileResult {
  readonly mode: 'incremental' | 'full';
  /** Ashby refused the stored sync token, so this run fell back to a full sync. */
  readonly tokenRefused: boolean;
  readonly pages: number;
  /** Applications Ashby reported (changed ones for an incremental sync, all for a full one). */
  readonly seen: number;
  /** Hired applications among them that were handed to the import job. */
  readonly hired: number;
  /** Imports newly queued (the rest were already waiting). */
  readonly queued: number;
}

/**
 * How far a full sync looks back before the last sync's start: Ashby's `updatedAt` comes from Ashby's
 * clock and `syncedAt` from ours, so a hire stamped a little "before" our last sync still counts.
 */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Catches hires whose webhooks never arrived (a wrong Secret Token answers 401, which Ashby never
 * retries; an outage longer than Ashby's retries loses them too; reliability.md §1.8): reads the
 * applications Ashby changed since the last run (application.list incremental sync) and queues every
 * hired one into the same import job the webhooks use, so a hire seen both ways is imported once.
 *
 * When Ashby refuses the token, or before the first run, it syncs in full and takes the hired
 * applications changed since the last sync began (since the connection was made, the first time), so
 * a fallback neither misses recent hires nor imports the whole history (that is `ashby backfill`).
 * Returns undefined when the connection no longer exists.
 */
export async function reconcileAshby(
  deps: ReconcileDeps,
  input: { connectionId: string },
): Promise<ReconcileResult | undefined> {
  const { connectionId } = input;
  const state = await deps.syncStore.load(connectionId);
  const gateway = state && (await deps.gatewayFor(connectionId));
  if (!state || !gateway) return undefined;
  const startedAt = deps.clock.now();
  const since = (state.syncedAt ?? state.connectedAt) - CLOCK_SKEW_MS;

  let tokenRefused = false;
  let run = await syncOnce(deps, gateway, connectionId, state.syncToken, since);
  if (run === 'refused') {
    tokenRefused = true;
    run = await syncOnce(deps, gateway, connectionId, null, since);
  }
  if (run === 'refused')
    throw new AppError('upstream_permanent', 'ashby application.list: a full sync was refused');
  await deps.syncStore.save(connectionId, { syncToken: run.syncToken, syncedAt: startedAt });
  return {
    mode: state.syncToken === null || tokenRefused ? 'full' : 'incremental',
    tokenRefused,
    ...run.counts,
  };
}

/**
 * The recurring job's body: queues the next run first, so the chain of runs survives this one failing
 * or its process dying, then reconciles. Ends the chain when the connection is gone.
 */
export async function runScheduledReconcile(
  deps: ReconcileDeps & { readonly schedule: ReconcileSchedule; readonly intervalMs: number },
  input: { connectionId: string },
): Promise<ReconcileResult | undefined> {
  if (!(await deps.syncStore.load(input.connectionId))) return undefined;
  await deps.schedule.schedule(input.connectionId, deps.clock.now() + deps.intervalMs);
  return reconcileAshby(deps, input);
}

type SyncRun =
  | { readonly syncToken: string | null; readonly counts: Omit<ReconcileResult, 'mode' | 'tokenRefused'> }
  | 'refused';

async function syncOnce(
  deps: ReconcileDeps,
  gateway: AshbyGateway,
  connectionId: string,
  syncToken: string | null,
  since: number,
): Promise<SyncRun> {
  const counts = { pages: 0, seen: 0, hired: 0, queued: 0 };
  const seenCursors = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    const page = await gateway.applicationChanges({ syncToken, cursor });
    if (page.kind === 'sync_token_expired') return 'refused';
    // An incremental page lists only what changed; a full one lists everything, so keep recent changes.
    const hired = page.applications.filter(
      (a) => a.status === 'Hired' && (syncToken !== null || a.updatedAt === null || a.updatedAt >= since),
    );
    counts.pages += 1;
    counts.seen += page.applications.length;
    counts.hired += hired.length;
    counts.queued += await deps.queue.enqueueImports(
      connectionId,
      hired.map((a) => a.id),
    );
    if (page.nextCursor === null) return { syncToken: page.syncToken, counts };
    if (seenCursors.has(page.nextCursor)) {
      throw new AppError('upstream_permanent', 'ashby application.list: the cursor did not advance', {
        details: { reason: 'cursor_stuck' },
      });
    }
    seenCursors.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

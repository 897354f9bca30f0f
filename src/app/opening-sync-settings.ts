import { AppError, notFound } from '../core/errors/app-error.js';
import type { AshbyOpenings } from '../core/ports/ashby-openings.js';
import type { Clock } from '../core/ports/clock.js';
import type {
  OpeningSyncQueue,
  OpeningSyncSettings,
  OpeningSyncStore,
  SyncRun,
} from '../core/ports/opening-sync-store.js';
import type { Actor, RecordAudit } from './actor.js';

export interface OpeningSyncAdminDeps {
  readonly store: OpeningSyncStore;
  readonly openingsFor: (connectionId: string) => Promise<AshbyOpenings | undefined>;
  readonly queue: OpeningSyncQueue;
  readonly clock: Clock;
  readonly audit: RecordAudit;
}

async function requireSettings(deps: OpeningSyncAdminDeps, connectionId: string) {
  const settings = await deps.store.settings(connectionId);
  if (!settings) throw notFound('Ashby connection');
  return settings;
}

/**
 * Turns opening sync on or off for a connection and chooses the position custom fields it publishes.
 * Turning it on checks the key first: jobsWrite is what opening sync is for, and every further
 * permission its calls need is named when missing (as connecting does), so nothing fails later.
 */
export async function saveOpeningSyncSettings(
  deps: OpeningSyncAdminDeps,
  input: { connectionId: string; enabled: boolean; customFields?: readonly string[]; actor: Actor },
): Promise<OpeningSyncSettings> {
  const current = await requireSettings(deps, input.connectionId);
  const customFields = [...new Set((input.customFields ?? current.customFields).map((t) => t.trim()))];
  if (input.enabled) {
    const ashby = await deps.openingsFor(input.connectionId);
    if (!ashby) throw notFound('Ashby connection');
    const checks = await ashby.checkPermissions({ customFields: customFields.length > 0 });
    const missing = checks.filter((c) => !c.granted);
    if (missing.length > 0) {
      throw new AppError(
        'permission_missing',
        `Opening sync needs more Ashby permissions: ${missing.map((p) => `${p.name} (${p.purpose})`).join('; ')}`,
        { details: { missing: missing.map((p) => p.name), permissions: checks } },
      );
    }
  }
  const at = deps.clock.now();
  await deps.store.saveSettings(input.connectionId, { enabled: input.enabled, customFields }, at);
  await deps.audit(input.actor, 'openings.settings', 'connection', input.connectionId, {
    enabled: input.enabled,
    customFields: customFields.length,
  });
  // The first run goes now; each run queues the next.
  if (input.enabled) await deps.queue.schedule(input.connectionId, at);
  return { ...current, enabled: input.enabled, customFields };
}

/** Sync now: queues a run at once (or moves the waiting one forward) and answers its id. */
export async function requestOpeningSync(
  deps: OpeningSyncAdminDeps,
  input: { connectionId: string; actor: Actor },
): Promise<{ runId: string }> {
  const settings = await requireSettings(deps, input.connectionId);
  if (!settings.enabled)
    throw new AppError(
      'conflict',
      'Opening sync is off for this connection; turn it on first (the Ashby key needs jobsWrite)',
    );
  const runId = await deps.queue.schedule(input.connectionId, deps.clock.now());
  await deps.audit(input.actor, 'openings.sync', 'connection', input.connectionId, { runId });
  return { runId };
}

/** The settings and the last runs, newest first. */
export async function openingSyncStatus(
  deps: Pick<OpeningSyncAdminDeps, 'store'>,
  input: { connectionId: string; limit: number },
): Promise<{ settings: OpeningSyncSettings; runs: SyncRun[] }> {
  const settings = await deps.store.settings(input.connectionId);
  if (!settings) throw notFound('Ashby connection');
  return { settings, runs: await deps.store.listRuns(input.connectionId, input.limit) };
}

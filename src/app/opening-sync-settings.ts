import { AppError, notFound } from '../core/errors/app-error.js';
import type { AshbyOpenings } from '../core/ports/ashby-openings.js';
import type { OpeningSyncSettings, OpeningSyncStore, SyncRun } from '../core/ports/opening-sync-store.js';
import type { Actor } from './actor.js';
import { audited, type AuditedDeps } from './audited.js';

export interface OpeningSyncAdminDeps extends AuditedDeps {
  /** Reads outside a transaction (the status, the settings before a key check). */
  readonly store: OpeningSyncStore;
  readonly openingsFor: (connectionId: string) => Promise<AshbyOpenings | undefined>;
}

async function requireSettings(store: OpeningSyncStore, connectionId: string) {
  const settings = await store.settings(connectionId);
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
  const current = await requireSettings(deps.store, input.connectionId);
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
  return audited(deps, input.actor, async (data) => {
    const at = deps.clock.now();
    await data.openingSync.saveSettings(input.connectionId, { enabled: input.enabled, customFields }, at);
    // The first run goes now; each run queues the next.
    if (input.enabled) await data.jobs.schedule('openings.sync', { connectionId: input.connectionId }, at);
    return [
      { ...current, enabled: input.enabled, customFields },
      {
        action: 'openings.settings',
        targetType: 'connection',
        targetId: input.connectionId,
        details: { enabled: input.enabled, customFields: customFields.length },
      },
    ] as const;
  });
}

/** Sync now: queues a run at once (or moves the waiting one forward) and answers its id. */
export async function requestOpeningSync(
  deps: OpeningSyncAdminDeps,
  input: { connectionId: string; actor: Actor },
): Promise<{ runId: string }> {
  return audited(deps, input.actor, async (data) => {
    const settings = await requireSettings(data.openingSync, input.connectionId);
    if (!settings.enabled)
      throw new AppError(
        'conflict',
        'Opening sync is off for this connection; turn it on first (the Ashby key needs jobsWrite)',
      );
    const runId = await data.jobs.schedule(
      'openings.sync',
      { connectionId: input.connectionId },
      deps.clock.now(),
    );
    return [
      { runId },
      { action: 'openings.sync', targetType: 'connection', targetId: input.connectionId, details: { runId } },
    ] as const;
  });
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

/**
 * The first run of a connection that started at or after `since` and has finished, or undefined.
 * Waiting for "a run that began after I asked" rather than for one run id: when a crashed run's lease
 * expires, the queue merges the waiting run into it, so the run that does the work may have another id.
 */
export async function finishedRunSince(
  deps: Pick<OpeningSyncAdminDeps, 'store'>,
  connectionId: string,
  since: number,
): Promise<SyncRun | undefined> {
  return (await deps.store.listRuns(connectionId, 20))
    .filter((r) => r.startedAt >= since)
    .reverse()
    .find((r) => r.finishedAt !== null);
}

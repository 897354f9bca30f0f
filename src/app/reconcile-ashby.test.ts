import { describe, expect, it } from 'vitest';
import type { ApplicationChange, ApplicationChangesPage, AshbyGateway } from '../core/ports/ashby-gateway.js';
import type { AshbySyncState } from '../core/ports/ashby-sync-store.js';
import { reconcileAshby, runScheduledReconcile } from './reconcile-ashby.js';

const NOW = Date.UTC(2026, 5, 1, 12);
const HOUR = 3_600_000;
const app = (id: string, status: string, updatedAt: number | null = NOW): ApplicationChange => ({
  id,
  status,
  updatedAt,
});

/** A fake Ashby: `pages[token]` are the pages an incremental sync from that token returns ('full' when null). */
function fakeAshby(pages: Record<string, ApplicationChangesPage[]>) {
  const calls: { syncToken: string | null; cursor: string | null }[] = [];
  const gateway = {
    applicationChanges: async (page: { syncToken: string | null; cursor: string | null }) => {
      calls.push(page);
      const list = pages[page.syncToken ?? 'full'];
      if (!list) throw new Error(`no pages for ${page.syncToken}`);
      return list[page.cursor === null ? 0 : Number(page.cursor)]!;
    },
  } as unknown as AshbyGateway;
  return { gateway, calls };
}

function deps(gateway: AshbyGateway, state: AshbySyncState | undefined) {
  const saved: { syncToken: string | null; syncedAt: number }[] = [];
  const queued: string[] = [];
  const scheduled: number[] = [];
  return {
    saved,
    queued,
    scheduled,
    deps: {
      gatewayFor: async () => gateway,
      syncStore: {
        load: async () => state,
        save: async (_id: string, s: { syncToken: string | null; syncedAt: number }) => void saved.push(s),
      },
      queue: {
        enqueueBackfillDigest: async () => undefined,
        enqueueImports: async (_connectionId: string, ids: readonly string[]) => {
          queued.push(...ids);
          return ids.length;
        },
        pendingImports: async () => 0,
      },
      clock: { now: () => NOW },
      schedule: { schedule: async (_id: string, runAt: number) => void scheduled.push(runAt) },
      intervalMs: 900_000,
    },
  };
}

const page = (
  applications: ApplicationChange[],
  nextCursor: string | null,
  syncToken: string | null,
): ApplicationChangesPage => ({
  kind: 'page',
  applications,
  nextCursor,
  syncToken,
});

describe('reconcileAshby', () => {
  it('queues the hired applications an incremental sync reports, over every page, and keeps the new token', async () => {
    const { gateway, calls } = fakeAshby({
      t1: [
        page([app('a', 'Hired'), app('b', 'Active')], '1', null),
        page([app('c', 'Hired', null)], null, 't2'),
      ],
    });
    const d = deps(gateway, { syncToken: 't1', syncedAt: NOW - HOUR, connectedAt: NOW - 9 * HOUR });
    const result = await reconcileAshby(d.deps, { connectionId: 'conn' });
    expect(result).toEqual({
      mode: 'incremental',
      tokenRefused: false,
      pages: 2,
      seen: 3,
      hired: 2,
      queued: 2,
    });
    expect(d.queued).toEqual(['a', 'c']);
    expect(calls).toEqual([
      { syncToken: 't1', cursor: null },
      { syncToken: 't1', cursor: '1' },
    ]);
    expect(d.saved).toEqual([{ syncToken: 't2', syncedAt: NOW }]);
  });

  it('falls back to a full sync when Ashby refuses the token, taking only hires changed since the last sync', async () => {
    const { gateway } = fakeAshby({
      stale: [{ kind: 'sync_token_expired' }],
      full: [
        page(
          [
            app('old', 'Hired', NOW - 30 * 24 * HOUR),
            app('recent', 'Hired', NOW - 2 * HOUR),
            app('skewed', 'Hired', NOW - 3 * HOUR - 60_000),
            app('x', 'Archived'),
          ],
          null,
          'fresh',
        ),
      ],
    });
    const d = deps(gateway, {
      syncToken: 'stale',
      syncedAt: NOW - 3 * HOUR,
      connectedAt: NOW - 90 * 24 * HOUR,
    });
    const result = await reconcileAshby(d.deps, { connectionId: 'conn' });
    expect(result).toMatchObject({ mode: 'full', tokenRefused: true, hired: 2 });
    // 'skewed' changed a minute before our last sync began: within the allowance for clock differences.
    expect(d.queued).toEqual(['recent', 'skewed']);
    expect(d.saved).toEqual([{ syncToken: 'fresh', syncedAt: NOW }]);
  });

  it('starts from the connection time on the first run, so it never imports the whole history', async () => {
    const { gateway } = fakeAshby({
      full: [
        page(
          [app('history', 'Hired', NOW - 400 * 24 * HOUR), app('new', 'Hired', NOW - HOUR)],
          null,
          'first',
        ),
      ],
    });
    const d = deps(gateway, { syncToken: null, syncedAt: null, connectedAt: NOW - 2 * HOUR });
    expect(await reconcileAshby(d.deps, { connectionId: 'conn' })).toMatchObject({
      mode: 'full',
      tokenRefused: false,
    });
    expect(d.queued).toEqual(['new']);
  });

  it('refuses a cursor that does not advance instead of looping', async () => {
    const { gateway } = fakeAshby({ full: [page([], '1', null), page([], '1', null)] });
    const d = deps(gateway, { syncToken: null, syncedAt: null, connectedAt: NOW });
    await expect(reconcileAshby(d.deps, { connectionId: 'conn' })).rejects.toThrow(/cursor did not advance/);
    expect(d.saved).toEqual([]);
  });

  it('ends the recurring chain when the connection is gone, and otherwise queues the next run first', async () => {
    const { gateway } = fakeAshby({ t: [page([], null, 't')] });
    const gone = deps(gateway, undefined);
    expect(await runScheduledReconcile(gone.deps, { connectionId: 'conn' })).toBeUndefined();
    expect(gone.scheduled).toEqual([]);
    const live = deps(gateway, { syncToken: 't', syncedAt: NOW, connectedAt: NOW });
    await runScheduledReconcile(live.deps, { connectionId: 'conn' });
    expect(live.scheduled).toEqual([NOW + 900_000]);
  });
});

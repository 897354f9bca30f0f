import { AppError } from '../core/errors/app-error.js';
import type { BackfillRun, BackfillRunStore } from '../core/ports/backfill-run-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { Actor } from './actor.js';
import type { BackfillInput, BackfillProgress } from './backfill-ashby.js';

export interface BackfillStatus {
  readonly run: BackfillRun;
  /** Imports of the connection still waiting or running. */
  readonly waiting: number;
  /** New hires the run brought in so far. */
  readonly imported: number;
  /** Imports done that brought no new hire: skipped (start date before the cutoff) or already there. */
  readonly skipped: number;
  /** Listing has ended and no import waits. */
  readonly finished: boolean;
}

/**
 * A backfill whose progress is written where every browser reads it: the run is recorded before Ashby
 * is asked, each page's counts as they come, and the end (or why it stopped). The admin app polls the
 * status, so its progress bar survives a reload.
 */
export async function trackedBackfill<R extends BackfillProgress>(
  deps: { readonly runs: BackfillRunStore; readonly clock: Clock },
  input: BackfillInput & { readonly actor: Actor },
  backfill: (input: BackfillInput, onProgress: (p: BackfillProgress) => Promise<void>) => Promise<R>,
): Promise<R> {
  const startedAt = deps.clock.now();
  const { connectionId } = input;
  await deps.runs.start({
    connectionId,
    startedAt,
    startedBy: input.actor,
    startsOnOrAfter:
      input.includePast === true ? null : (input.since ?? new Date(startedAt).toISOString().slice(0, 10)),
    pages: 0,
    found: 0,
    queued: 0,
    listedAt: null,
    error: null,
  });
  let last: BackfillProgress = { pages: 0, found: 0, queued: 0 };
  try {
    const result = await backfill(input, async (p) => {
      last = p;
      await deps.runs.update(connectionId, startedAt, { ...p, listedAt: null, error: null });
    });
    await deps.runs.update(connectionId, startedAt, { ...result, listedAt: deps.clock.now(), error: null });
    return result;
  } catch (err) {
    const error =
      err instanceof AppError ? err.message : 'Listing hires in Ashby stopped early; run the backfill again';
    await deps.runs.update(connectionId, startedAt, { ...last, listedAt: deps.clock.now(), error });
    throw err;
  }
}

/** How the connection's last backfill is doing; undefined when it never had one. */
export async function backfillStatus(
  deps: {
    readonly runs: BackfillRunStore;
    readonly pendingImports: (connectionId: string) => Promise<number>;
  },
  connectionId: string,
): Promise<BackfillStatus | undefined> {
  const run = await deps.runs.latest(connectionId);
  if (!run) return undefined;
  const waiting = Math.min(run.queued, await deps.pendingImports(connectionId));
  const imported = await deps.runs.newHiresSince(connectionId, run.startedAt);
  const done = run.queued - waiting;
  return {
    run,
    waiting,
    imported: Math.min(imported, done),
    skipped: Math.max(0, done - imported),
    finished: run.listedAt !== null && waiting === 0,
  };
}

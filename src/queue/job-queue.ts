import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { JobKind, JobPayloads, JobQueue } from '../core/ports/job-queue.js';
import type { Database } from '../db/tables/database.js';
import { enqueue } from './enqueue.js';
import type { JobDefinition } from './job-definition.js';

export interface JobQueueDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly catalog: { readonly [K in JobKind]: JobDefinition<JobPayloads[K]> };
  /** Runs its argument once the handle's transaction has committed (at once outside a transaction). */
  readonly afterCommit: (fn: () => void) => void;
  /** Wakes this process's workers, so a job queued here starts now instead of at the next poll. */
  readonly wakeWorkers: () => void;
}

/** Brings a waiting job forward to `runAt` when it was due later; a running or finished one is left. */
async function moveUp(db: Kysely<Database>, id: string, runAt: number, now: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ run_at: runAt, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'available')
    .where('run_at', '>', runAt)
    .execute();
}

/** The job-queue port over one handle: pass a transaction and the jobs commit with the caller's writes. */
export function jobQueueOn(db: Kysely<Database>, deps: JobQueueDeps): JobQueue {
  return {
    enqueue: async (kind, payload, options = {}) => {
      const definition = deps.catalog[kind] as JobDefinition<typeof payload>;
      const uniqueKey = definition.uniqueKey?.(payload);
      const { inserted } = await enqueue(db, deps, definition, payload, {
        ...(uniqueKey === undefined ? {} : { uniqueKey }),
        ...(options.runAt === undefined ? {} : { runAt: options.runAt }),
      });
      if (inserted) deps.afterCommit(deps.wakeWorkers);
      return inserted;
    },
    schedule: async (kind, payload, runAt) => {
      const definition = deps.catalog[kind] as JobDefinition<typeof payload>;
      const uniqueKey = definition.uniqueKey?.(payload);
      const { id, inserted } = await enqueue(db, deps, definition, payload, {
        ...(uniqueKey === undefined ? {} : { uniqueKey }),
        runAt,
      });
      if (!inserted) await moveUp(db, id, runAt, deps.clock.now());
      deps.afterCommit(deps.wakeWorkers);
      return id;
    },
  };
}

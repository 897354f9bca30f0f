import type { Kysely } from 'kysely';
import type { Clock } from '../../core/ports/clock.js';
import type { IdGenerator } from '../../core/ports/id-generator.js';
import type { OpeningSyncQueue } from '../../core/ports/opening-sync-store.js';
import type { Database } from '../../db/tables/database.js';
import { openingSyncUniqueKey, syncOpeningsJob } from '../../jobs/sync-openings.job.js';
import { enqueue } from '../../queue/enqueue.js';

/**
 * Queues opening sync runs under one unique key per connection. When a run already waits (the timed
 * one), Sync now moves that run forward instead of adding a second: its id is the run id answered.
 */
export function openingSyncQueue(
  db: Kysely<Database>,
  clock: Clock,
  ids: IdGenerator,
  onEnqueued: () => void,
): OpeningSyncQueue {
  return {
    schedule: async (connectionId, runAt) => {
      const { id, inserted } = await enqueue(
        db,
        { clock, ids },
        syncOpeningsJob,
        { connectionId },
        { uniqueKey: openingSyncUniqueKey(connectionId), runAt },
      );
      if (!inserted) {
        await db
          .updateTable('jobs')
          .set({ run_at: runAt, updated_at: clock.now() })
          .where('id', '=', id)
          .where('state', '=', 'available')
          .where('run_at', '>', runAt)
          .execute();
      }
      onEnqueued();
      return id;
    },
  };
}

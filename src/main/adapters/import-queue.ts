import type { Kysely } from 'kysely';
import type { Clock } from '../../core/ports/clock.js';
import type { IdGenerator } from '../../core/ports/id-generator.js';
import type { ImportQueue } from '../../core/ports/import-queue.js';
import type { Database } from '../../db/tables/database.js';
import { importApplicationJob, importUniqueKey } from '../../jobs/import-application.job.js';
import { enqueue } from '../../queue/enqueue.js';

export function importQueue(
  db: Kysely<Database>,
  clock: Clock,
  ids: IdGenerator,
  onEnqueued: () => void,
): ImportQueue {
  return {
    enqueueImports: async (connectionId, applicationIds) => {
      const queued = await db.transaction().execute(async (trx) => {
        let count = 0;
        for (const applicationId of applicationIds) {
          const result = await enqueue(
            trx,
            { clock, ids },
            importApplicationJob,
            { connectionId, applicationId },
            {
              uniqueKey: importUniqueKey(connectionId, applicationId),
            },
          );
          if (result.inserted) count += 1;
        }
        return count;
      });
      if (queued > 0) onEnqueued();
      return queued;
    },
    pendingImports: async (connectionId) => {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('kind', '=', importApplicationJob.kind)
        .where('state', 'in', ['available', 'running'])
        .where('unique_key', 'like', `${importUniqueKey(connectionId, '')}%`)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
  };
}

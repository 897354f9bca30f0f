import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports/clock.js';
import type { JobAdmin } from '../core/ports/job-admin.js';
import { toJobView } from '../db/repositories/job.repository.js';
import type { Database } from '../db/tables/database.js';
import { countJobsByState, findJob, listJobs, retryDeadJob } from './job-store.js';

/** The jobs table as admins see it: list, inspect, retry a dead job. */
export function jobAdmin(db: Kysely<Database>, clock: Clock): JobAdmin {
  return {
    list: async (filter) => (await listJobs(db, filter)).map(toJobView),
    find: async (id) => {
      const row = await findJob(db, id);
      return row && toJobView(row);
    },
    retryDead: (id) => retryDeadJob(db, id, clock.now()),
    countByState: () => countJobsByState(db),
  };
}

/** How many jobs of a kind whose unique key starts with `keyPrefix` wait or run (imports of a connection). */
export async function countWaitingJobs(
  db: Kysely<Database>,
  kind: string,
  keyPrefix: string,
): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('kind', '=', kind)
    .where('state', 'in', ['available', 'running'])
    .where('unique_key', 'like', `${keyPrefix}%`)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

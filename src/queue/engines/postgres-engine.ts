import { sql } from 'kysely';
import type { JobRow } from '../../db/tables/job.table.js';
import { dueJobsCondition, leaseAssignments } from './claim-sql.js';
import type { QueueEngine } from './queue-engine.js';

/**
 * FOR UPDATE SKIP LOCKED lets concurrent workers pass over rows another claim holds instead of waiting
 * on them. The selection sits in a CTE because the planner may otherwise run a LIMITed IN-subquery as
 * a nested loop and lock more rows than asked (Oban's Basic engine notes the same).
 */
export const postgresEngine: QueueEngine = {
  async claim(db, request) {
    const result = await sql<JobRow>`with picked as (
        select j.id from jobs j where ${dueJobsCondition(request)}
        order by j.priority, j.run_at, j.id limit ${request.limit}
        for update skip locked)
      update jobs set ${leaseAssignments(request)}
      from picked where jobs.id = picked.id
      returning jobs.*`.execute(db);
    return result.rows;
  },
};
